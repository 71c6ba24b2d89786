import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leaves, namedBy, sourceFiles } from './catalogKeys';

const root = join(__dirname, '../../..');

describe('the catalog', () => {
  it('has no text the app never shows (every key in translations/en.json is named somewhere in src/)', () => {
    const named = namedBy(sourceFiles(join(root, 'src')));
    const english = JSON.parse(readFileSync(join(root, 'translations/en.json'), 'utf8')) as unknown;
    const unused = leaves(english)
      // The listing's texts are Zendesk's to show (manifest, Marketplace), not the app's.
      .filter((key) => !/^app\.(short_description|long_description|installation_instructions)$/.test(key))
      .filter((key) => !/^app\.parameters\./.test(key))
      .filter((key) => !named(key));
    expect([...new Set(unused)]).toEqual([]);
  });

  it('notices a text nothing names (the check above can fail)', () => {
    const named = namedBy(sourceFiles(join(root, 'src/ui/i18n')));
    expect(named('ui.refresh')).toBe(false);
    expect(named('en')).toBe(true);
  });
});
