import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { appFiles, MAX_PACKAGE_BYTES, packageApp } from '../scripts/packageApp';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const AUTHOR = { name: 'Goalpost Ltd', email: 'apps@goalpost.io', url: 'https://goalpost.io' };
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

beforeAll(() => {
  // The real production build: what the zip holds is what Zendesk would serve.
  const build = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  expect(build.status).toBe(0);
}, 180_000);

describe('the Marketplace package', () => {
  it('refuses to ship the placeholder author, and says what to set', () => {
    expect(() => packageApp(dist)).toThrow(
      /GOALPOST_AUTHOR_NAME, GOALPOST_AUTHOR_EMAIL and GOALPOST_AUTHOR_URL/,
    );
  });

  it('zips the app folder under 2 MB with the author set at package time', () => {
    const zip = packageApp(dist, AUTHOR);
    expect(zip.byteLength).toBeLessThanOrEqual(MAX_PACKAGE_BYTES);
    const files = unzipSync(zip);
    for (const required of [
      'manifest.json',
      'assets/iframe.html',
      'assets/main.js',
      'assets/logo.png',
      'assets/logo-small.png',
      'assets/screenshot-0.png',
      'assets/screenshot-1.png',
      'assets/screenshot-2.png',
      'assets/THIRD_PARTY_NOTICES.txt',
      'translations/en.json',
    ])
      expect(Object.keys(files)).toContain(required);
    expect(JSON.parse(text(files['manifest.json'])).author).toEqual(AUTHOR);
  });

  it('leaves out dotfiles and tmp/, as zcli apps:package does', () => {
    const app = mkdtempSync(join(tmpdir(), 'goalpost-app-'));
    mkdirSync(join(app, 'assets'));
    mkdirSync(join(app, 'tmp'));
    writeFileSync(join(app, 'manifest.json'), '{}');
    writeFileSync(join(app, 'assets', 'main.js'), '');
    writeFileSync(join(app, 'assets', '.DS_Store'), '');
    writeFileSync(join(app, '.env'), 'SECRET=1');
    writeFileSync(join(app, 'tmp', 'scratch.txt'), '');
    expect([...appFiles(app).keys()].sort()).toEqual(['assets/main.js', 'manifest.json']);
  });

  it('loads no script from anywhere but Zendesk’s CDN copy of the ZAF SDK', () => {
    const html = text(unzipSync(packageApp(dist, AUTHOR))['assets/iframe.html']);
    // Minified HTML: attribute values may be quoted or bare.
    const sources = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
      (match) => match[1] ?? match[2] ?? match[3],
    );
    const external = sources.filter((src) => /^(https?:)?\/\//.test(src ?? ''));
    expect(external).toEqual(['https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js']);
    expect(sources.length).toBeGreaterThan(external.length);
  });

  it('gives every parameter a default of its own type', () => {
    const manifest = JSON.parse(text(unzipSync(packageApp(dist, AUTHOR))['manifest.json'])) as {
      parameters: { name: string; type: string; default?: unknown }[];
    };
    const typeOf: Record<string, string> = {
      text: 'string',
      multiline: 'string',
      number: 'number',
      checkbox: 'boolean',
    };
    for (const parameter of manifest.parameters)
      if (parameter.default !== undefined)
        expect([parameter.name, typeof parameter.default]).toEqual([parameter.name, typeOf[parameter.type]]);
  });

  it('lists every bundled package with its licence in the third-party notices', () => {
    const notices = text(unzipSync(packageApp(dist, AUTHOR))['assets/THIRD_PARTY_NOTICES.txt']);
    const listed = [...notices.matchAll(/^- (\S+) (\S+) \((.+)\)$/gm)].map((match) => ({
      name: match[1],
      licence: match[3],
    }));
    for (const name of [
      'react',
      'react-dom',
      'styled-components',
      'stylis',
      'valibot',
      'date-fns',
      '@zendeskgarden/react-theming',
    ])
      expect(listed.map((entry) => entry.name)).toContain(name);
    expect(listed.filter((entry) => entry.licence === 'UNKNOWN')).toEqual([]);
    // Each one's licence text follows the list.
    for (const entry of listed) expect(notices).toContain(`${entry.name} `);
  });
});
