/**
 * The subset of Zendesk's search syntax Goalpost uses, parsed the way Zendesk documents it:
 * `keyword:value` repeated = OR, different keywords = AND, `<`/`>`/`<=`/`>=` on ordered fields.
 * Unknown keywords are free text (which, here as in Zendesk, matches little: no wrong counts hidden).
 */

export type Comparator = ':' | '<' | '>' | '<=' | '>=';

export interface SearchTerm {
  keyword: string;
  comparator: Comparator;
  value: string;
}

export interface ParsedQuery {
  terms: SearchTerm[];
  freeText: string[];
}

export class QuerySyntaxError extends Error {}

const KNOWN_KEYWORDS = new Set([
  'type',
  'assignee',
  'group',
  'status',
  'solved',
  'created',
  'updated',
  'satisfaction',
]);
const MAX_WORDS = 64;

export function parseSearchQuery(query: string): ParsedQuery {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new QuerySyntaxError('empty query');
  if (words.length > MAX_WORDS) throw new QuerySyntaxError('too many words');
  const terms: SearchTerm[] = [];
  const freeText: string[] = [];
  for (const word of words) {
    const match = /^([a-z_]+)(<=|>=|:|<|>)(.+)$/i.exec(word);
    if (!match || !KNOWN_KEYWORDS.has((match[1] ?? '').toLowerCase())) {
      if (/^[a-z_]+(<=|>=|:|<|>)$/i.test(word)) throw new QuerySyntaxError(`missing value in ${word}`);
      freeText.push(word);
      continue;
    }
    terms.push({
      keyword: (match[1] ?? '').toLowerCase(),
      comparator: match[2] as Comparator,
      value: match[3] ?? '',
    });
  }
  return { terms, freeText };
}

const RELATIVE_UNITS = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
} as const;

/**
 * A search date: an ISO instant, YYYY-MM-DD (read as UTC midnight: Zendesk leaves the zone of date-only terms
 * undocumented), or relative to `now` (`24hours`, `2days`), which stands for the instant that long ago, so
 * `solved>24hours` means solved within the last 24 hours.
 */
export function parseSearchDate(value: string, now: number): number {
  const relative = /^(\d+)(minute|hour|day|week)s?$/i.exec(value);
  if (relative) {
    const unit = (relative[2] ?? '').toLowerCase() as keyof typeof RELATIVE_UNITS;
    return now - Number(relative[1]) * RELATIVE_UNITS[unit];
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value))
    throw new QuerySyntaxError(`bad date ${value}`);
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new QuerySyntaxError(`bad date ${value}`);
  return ms;
}
