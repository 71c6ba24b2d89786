import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_NAMES } from '../src/core/settings/parseAppSettings';
import { SHIPPED_LOCALES } from '../src/ui/i18n/translator';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const locales = readdirSync(join(root, 'translations')).filter((f) => f.endsWith('.json'));
const translation = (file: string) => JSON.parse(readFileSync(join(root, 'translations', file), 'utf8'));

function pngSize(file: string): { width: number; height: number; colorType: number } {
  const png = readFileSync(join(root, file));
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] ?? -1 };
}

// Zendesk's app validator rules (zendesk_apps_support), checked offline.
describe('manifest.json', () => {
  it('has what Zendesk requires of a ticket sidebar app', () => {
    expect(manifest.frameworkVersion).toBe('2.0');
    expect(manifest.author).toEqual(
      expect.objectContaining({ name: expect.any(String), email: expect.stringContaining('@') }),
    );
    expect(locales).toContain(`${manifest.defaultLocale}.json`);
    expect(manifest.location.support.ticket_sidebar).toEqual({ url: 'assets/iframe.html', flexible: true });
    expect(existsSync(join(root, 'src/html/iframe.html'))).toBe(true);
  });

  it('declares exactly the settings the app reads, with allowed types and no forbidden names', () => {
    const names = manifest.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual([...SETTING_NAMES]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('name');
    for (const parameter of manifest.parameters) {
      expect(['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth']).toContain(parameter.type);
      expect(parameter.type === 'hidden' && parameter.required).toBeFalsy();
    }
  });

  it('has transparent PNG logos of the required sizes', () => {
    expect(pngSize('assets/logo.png')).toEqual({ width: 320, height: 320, colorType: 6 });
    expect(pngSize('assets/logo-small.png')).toEqual({ width: 128, height: 128, colorType: 6 });
  });

  it('has the listing’s three screenshots at Zendesk’s size: PNG, 1024 × 768, at most 500 KB', () => {
    // Taken fresh by spec/browser/listing.browser.test.ts; Zendesk numbers them from 0 and keeps three.
    for (const index of [0, 1, 2]) {
      const file = `assets/screenshot-${index}.png`;
      expect(pngSize(file)).toMatchObject({ width: 1024, height: 768 });
      expect(statSync(join(root, file)).size).toBeLessThanOrEqual(500_000);
    }
    expect(existsSync(join(root, 'assets/screenshot-3.png'))).toBe(false);
  });
});

describe('translations', () => {
  const flatten = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
          flatten(v, prefix ? `${prefix}.${k}` : k),
        )
      : [prefix];
  const english = translation('en.json');

  it('label and explain every setting in every locale, within Zendesk’s length limits', () => {
    for (const file of locales) {
      const texts = translation(file);
      expect(texts.app.name.length).toBeLessThanOrEqual(40);
      expect(texts.app.short_description.length).toBeLessThanOrEqual(80);
      for (const name of SETTING_NAMES) {
        expect(texts.app.parameters[name].label).toEqual(expect.any(String));
        // Admin Center shows the help text under the field: every setting says what it does.
        expect(texts.app.parameters[name].helpText).toMatch(/\S{3}/);
      }
    }
  });

  it('give every locale the same keys as English', () => {
    for (const file of locales) expect(flatten(translation(file)).sort()).toEqual(flatten(english).sort());
  });

  it('ship a file for every language the app offers, and offer every file', () => {
    expect(locales.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...SHIPPED_LOCALES].sort());
  });

  it('keep every placeholder of the English text in every locale', () => {
    const valueAt = (catalog: unknown, key: string): string =>
      String(
        key.split('.').reduce((node: unknown, part) => (node as Record<string, unknown>)[part], catalog),
      );
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const file of locales) {
      const texts = translation(file);
      // A singular form may say "one" in words instead of {{count}}.
      const compared = (key: string, text: string) =>
        placeholders(text)
          .filter((name) => !(key.endsWith('_one') && name === '{{count}}'))
          .join();
      const differing = flatten(english).filter(
        (key) => compared(key, valueAt(texts, key)) !== compared(key, valueAt(english, key)),
      );
      expect([file, differing]).toEqual([file, []]);
    }
  });

  it('cover every ui key the source code names', () => {
    const keys = new Set(flatten(english));
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const used = files(join(root, 'src'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/['`](ui\.[a-zA-Z_.]+)['`]/g)].map((m) => m[1] ?? ''),
      )
      .filter((key) => !key.endsWith('.'));
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(keys.has(key) || keys.has(`${key}_other`)).toBe(true);
  });
});
