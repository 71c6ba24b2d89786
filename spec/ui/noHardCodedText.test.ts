import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../..');
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? componentFiles(join(dir, entry.name))
      : entry.name.endsWith('.tsx')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Words a component writes itself, in JSX text or in attributes people read or hear. */
function hardCodedTexts(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.getText())) found.push(node.getText().trim());
    if (
      ts.isJsxAttribute(node) &&
      SPOKEN_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    )
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${relative(root, file)}: ${text}`);
}

describe('the components', () => {
  it('write no words of their own: every text a person reads or hears comes from translations/', () => {
    const files = [...componentFiles(join(root, 'src/ui')), ...componentFiles(join(root, 'src/app'))];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(hardCodedTexts)).toEqual([]);
  });

  it('would notice one that did', () => {
    const probe = join(root, 'spec/ui/fixtures/HardCoded.tsx');
    expect(hardCodedTexts(probe)).toEqual([
      'spec/ui/fixtures/HardCoded.tsx: Save goals',
      'spec/ui/fixtures/HardCoded.tsx: aria-label="Close"',
    ]);
  });
});
