import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * How the app names its texts: every string literal (`'ui.refresh'`) and every template literal as a pattern,
 * each `${…}` one dotted segment or part of one (`ui.status.${status}` → /^ui\.status\.[^.]+$/).
 */
function keyPatterns(files: readonly string[]): { literals: Set<string>; templates: RegExp[] } {
  const literals = new Set<string>();
  const templates: RegExp[] = [];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      if (ts.isTemplateExpression(node)) {
        const parts = [
          escape(node.head.text),
          ...node.templateSpans.map((span) => `[^.]+${escape(span.literal.text)}`),
        ];
        templates.push(new RegExp(`^${parts.join('')}$`));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, templates };
}

const leaves = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

describe('the catalog', () => {
  it('has no text the app never shows (every key in translations/en.json is named somewhere in src/)', () => {
    const { literals, templates } = keyPatterns(sourceFiles(join(root, 'src')));
    const english = JSON.parse(readFileSync(join(root, 'translations/en.json'), 'utf8')) as unknown;
    const unused = leaves(english)
      // The listing's texts are Zendesk's to show (manifest, Marketplace), not the app's.
      .filter(
        (key) =>
          !/^app\.(short_description|long_description|installation_instructions|parameters\.)/.test(key),
      )
      .map((key) => key.replace(PLURAL, ''))
      .filter((key) => !literals.has(key) && !templates.some((pattern) => pattern.test(key)));
    expect([...new Set(unused)]).toEqual([]);
  });

  it('notices a text nothing names (the check above can fail)', () => {
    const { literals, templates } = keyPatterns(sourceFiles(join(root, 'src/ui/i18n')));
    const named = (key: string) => literals.has(key) || templates.some((pattern) => pattern.test(key));
    expect(named('ui.refresh')).toBe(false);
    expect(named('en')).toBe(true);
  });
});
