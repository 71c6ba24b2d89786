/** Which catalog keys the source names: shared by the unused-keys and catalog-parts tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Every .ts and .tsx file under a folder (or the file itself). */
export function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

/**
 * How the app names its texts: every string literal (`'ui.refresh'`) and every template literal as a pattern,
 * each `${…}` one dotted segment or part of one (`ui.status.${status}` → /^ui\.status\.[^.]+$/).
 */
export function keyPatterns(files: readonly string[]): { literals: Set<string>; templates: RegExp[] } {
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

export const leaves = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

/** Whether any of the files names the key (plural forms folded). */
export function namedBy(files: readonly string[]): (key: string) => boolean {
  const { literals, templates } = keyPatterns(files);
  return (key) => {
    const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
    return literals.has(base) || templates.some((pattern) => pattern.test(base));
  };
}
