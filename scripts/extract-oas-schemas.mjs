// Extracts the property lists of the Zendesk OpenAPI schemas the fake API imitates into
// spec/simulator/oasSchemas.json, so the shape test runs without the 1.6 MB spec.
// Usage: node scripts/extract-oas-schemas.mjs ../shared/reference/zendesk-support-oas.yaml [output.json]
import { readFileSync, writeFileSync } from 'node:fs';

const SCHEMAS = [
  'SearchResponse',
  'SearchCountResponse',
  'TicketObject',
  'TicketMetricObject',
  'GroupMembershipObject',
  'UserForAdmin',
  'GroupObject',
];
const lines = readFileSync(process.argv[2] ?? '../shared/reference/zendesk-support-oas.yaml', 'utf8').split(
  '\n',
);
const indent = (line) => line.length - line.trimStart().length;

function schema(name) {
  const start = lines.findIndex((line) => line === `    ${name}:`);
  if (start < 0) throw new Error(`no schema ${name}`);
  const properties = {};
  let inProperties = false;
  let current = null;
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (indent(line) <= 4) break;
    if (indent(line) === 6) inProperties = line.trim() === 'properties:';
    else if (inProperties && indent(line) === 8 && line.trim().endsWith(':')) {
      current = line.trim().slice(0, -1);
      properties[current] = { type: null, nullable: false };
    } else if (inProperties && current && indent(line) === 10) {
      const [key, value] = line.trim().split(/:\s*/);
      if (key === 'type') properties[current].type = value;
      if (key === 'nullable') properties[current].nullable = value === 'true';
      if (key === '$ref') properties[current].type = 'object';
    }
  }
  return properties;
}

const out = {
  source: 'zendesk-support-oas.yaml (OpenAPI 3.0.3)',
  schemas: Object.fromEntries(SCHEMAS.map((n) => [n, schema(n)])),
};
writeFileSync(process.argv[3] ?? 'spec/simulator/oasSchemas.json', JSON.stringify(out, null, 2) + '\n');
console.log(
  Object.entries(out.schemas)
    .map(([n, p]) => `${n}: ${Object.keys(p).length} properties`)
    .join('\n'),
);
