/**
 * `npm run package`: the upload zip for the Zendesk Marketplace, built from dist/ by the rules
 * `zcli apps:package` follows (no dotfiles, no tmp/), at most 2 MB. The manifest's author comes from the
 * environment at package time (GOALPOST_AUTHOR_NAME, _EMAIL, _URL) unless the manifest already holds real
 * ones: a placeholder author (an `.example` address) is refused rather than shipped.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

export const MAX_PACKAGE_BYTES = 2 * 1024 * 1024;

export interface Author {
  name: string;
  email: string;
  url: string;
}

const isPlaceholder = (author: Partial<Author>) =>
  [author.email, author.url].some((value) => !value || /\.example\b|example\.(com|org)/.test(value));

/** The files of the app folder that go in the zip, by their path inside it. */
export function appFiles(distDir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const path = relative(distDir, full).split(sep).join('/');
      if (name.startsWith('.') || path === 'tmp' || path.startsWith('tmp/')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path, new Uint8Array(readFileSync(full)));
    }
  };
  walk(distDir);
  return files;
}

/** The zip, with the author set; throws when the author would be a placeholder. */
export function packageApp(distDir: string, author: Partial<Author> = {}): Uint8Array {
  const files = appFiles(distDir);
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new Error(`${distDir} has no manifest.json: run the production build first.`);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { author: Partial<Author> };
  const chosen = { ...manifest.author, ...Object.fromEntries(Object.entries(author).filter(([, v]) => v)) };
  if (isPlaceholder(chosen))
    throw new Error(
      'The manifest names a placeholder author. Set GOALPOST_AUTHOR_NAME, GOALPOST_AUTHOR_EMAIL and ' +
        'GOALPOST_AUTHOR_URL to the publisher Zendesk should list, then run npm run package again.',
    );
  manifest.author = chosen;
  files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  const zip = zipSync(Object.fromEntries(files), { level: 9 });
  if (zip.byteLength > MAX_PACKAGE_BYTES)
    throw new Error(`The package is ${zip.byteLength} bytes; Zendesk accepts at most ${MAX_PACKAGE_BYTES}.`);
  return zip;
}

function main() {
  const root = join(__dirname, '..');
  const build = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const zip = packageApp(join(root, 'dist'), {
    name: process.env.GOALPOST_AUTHOR_NAME,
    email: process.env.GOALPOST_AUTHOR_EMAIL,
    url: process.env.GOALPOST_AUTHOR_URL,
  });
  const out = join(root, 'goalpost.zip');
  writeFileSync(out, zip);
  process.stdout.write(
    `wrote ${relative(root, out)}: ${zip.byteLength} bytes (limit ${MAX_PACKAGE_BYTES})\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (failure) {
    process.stderr.write(`${failure instanceof Error ? failure.message : String(failure)}\n`);
    process.exit(1);
  }
}
