import type { Goal, GoalAudience, GoalPeriod, GoalScope, MetricId } from '../goals/goal';
import { goalKey, METRIC_IDS } from '../goals/goal';
import type { MessageValue } from '../goals/message';
import { METRIC_CATALOG } from '../goals/metricCatalog';
import type { SettingsProblem } from './appSettings';
import { parseDurationMinutes } from './parseDuration';

// Maps, not object literals: an admin's word such as `constructor` or `__proto__` must not find
// Object.prototype's members.
const METRIC_ALIASES: ReadonlyMap<string, MetricId> = new Map([
  ['solved', 'solved'],
  ['solves', 'solved'],
  ['csat', 'csat'],
  ['satisfaction', 'csat'],
  ['first_reply', 'first_reply'],
  ['first_reply_time', 'first_reply'],
  ['full_resolution', 'full_resolution'],
  ['resolution', 'full_resolution'],
  ['one_touch', 'one_touch'],
  ['reopen_rate', 'reopen_rate'],
  ['reopens', 'reopen_rate'],
  ['reopen', 'reopen_rate'],
  ['backlog', 'backlog'],
  ['sla_breaches', 'sla_breaches'],
  ['sla', 'sla_breaches'],
]);

const PERIOD_ALIASES: ReadonlyMap<string, GoalPeriod> = new Map([
  ['day', 'day'],
  ['today', 'day'],
  ['daily', 'day'],
  ['week', 'week'],
  ['weekly', 'week'],
  ['month', 'month'],
  ['monthly', 'month'],
  ['quarter', 'quarter'],
  ['quarterly', 'quarter'],
  ['now', 'now'],
]);

/** Largest count target accepted: far above any agent's quarter, small enough to print and compute with. */
export const MAX_COUNT_TARGET = 100_000;
/** Longest duration target: a year. */
export const MAX_DURATION_MINUTES = 366 * 24 * 60;
/** Suggestions cost an edit distance per alias; past this many in one setting, none are offered. */
const MAX_SUGGESTIONS = 100;
const MAX_SUGGESTION_DISTANCE = 3;

type Problem = { code: string; params?: Record<string, MessageValue> };
const text = (value: string): MessageValue => ({ type: 'text', value });

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known word within a few edits, if any (`did you mean`). */
export function nearestWord<T>(word: string, candidates: ReadonlyMap<string, T>): T | null {
  let best: { value: T; distance: number } | null = null;
  for (const [alias, value] of candidates) {
    // The length difference is a lower bound of the distance: skip what cannot be near.
    if (Math.abs(alias.length - word.length) > MAX_SUGGESTION_DISTANCE) continue;
    const distance = editDistance(word, alias);
    if (!best || distance < best.distance) best = { value, distance };
  }
  return best && best.distance <= MAX_SUGGESTION_DISTANCE ? best.value : null;
}

function parsePercent(word: string): number | null {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(word);
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : null;
}

function parseTarget(metric: MetricId, word: string): number | Problem {
  switch (METRIC_CATALOG[metric].unit) {
    case 'count':
      if (!/^\d+$/.test(word)) return { code: 'badCount', params: { target: text(word) } };
      return Number(word) <= MAX_COUNT_TARGET
        ? Number(word)
        : {
            code: 'targetTooLarge',
            params: { target: text(word), max: { type: 'count', value: MAX_COUNT_TARGET } },
          };
    case 'percent': {
      const value = parsePercent(word);
      return value ?? { code: 'badPercent', params: { target: text(word) } };
    }
    case 'minutes': {
      if (/^\d+(\.\d+)?$/.test(word)) return { code: 'durationNeedsUnit', params: { target: text(word) } };
      const minutes = parseDurationMinutes(word);
      if (minutes === null) return { code: 'badDuration', params: { target: text(word) } };
      return minutes <= MAX_DURATION_MINUTES
        ? minutes
        : { code: 'durationTooLong', params: { target: text(word) } };
    }
  }
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/-/g, '_');
}

/** Reads one goal line (comment already stripped) into a goal or the first problem found. */
function parseGoal(
  words: readonly string[],
  audience: GoalAudience,
  line: number,
  suggest: (word: string) => MetricId | null,
): Goal | Problem {
  const [whoWord, metricWord, targetWord, ...rest] = words;
  const scope = normalise(whoWord ?? '');
  if (scope !== 'me' && scope !== 'team')
    return { code: 'unknownScope', params: { who: text(whoWord ?? '') } };
  if (!metricWord) return { code: 'missingMetric' };
  const metric = METRIC_ALIASES.get(normalise(metricWord));
  if (!metric) {
    const suggestion = suggest(normalise(metricWord));
    return suggestion
      ? {
          code: 'unknownMetricSuggestion',
          params: { metric: text(metricWord), suggestion: text(suggestion) },
        }
      : { code: 'unknownMetric', params: { metric: text(metricWord), metrics: text(METRIC_IDS.join(', ')) } };
  }
  const definition = METRIC_CATALOG[metric];
  if (!definition.scopes.includes(scope as GoalScope)) {
    return { code: 'scopeNotAllowed', params: { metric: text(metric), who: text(scope) } };
  }
  if (!targetWord) return { code: 'missingTarget', params: { metric: text(metric) } };
  const target = parseTarget(metric, targetWord);
  if (typeof target !== 'number') return target;

  let options = rest;
  let period: GoalPeriod;
  const periodWord = rest[0];
  const knownPeriod = periodWord === undefined ? undefined : PERIOD_ALIASES.get(normalise(periodWord));
  if (knownPeriod !== undefined) {
    period = knownPeriod;
    options = rest.slice(1);
  } else if (definition.periods.length === 1 && definition.periods[0] === 'now' && periodWord !== 'per') {
    period = 'now';
  } else if (periodWord === undefined || periodWord.toLowerCase() === 'floor') {
    return { code: 'missingPeriod', params: { metric: text(metric) } };
  } else {
    return { code: 'unknownPeriod', params: { period: text(periodWord) } };
  }
  if (!definition.periods.includes(period)) {
    return { code: 'periodNotAllowed', params: { metric: text(metric), period: text(period) } };
  }

  let floor: number | null = null;
  for (let i = 0; i < options.length; i += 2) {
    const option = (options[i] ?? '').toLowerCase();
    if (option !== 'floor') return { code: 'unknownOption', params: { option: text(options[i] ?? '') } };
    if (!definition.hasFloor) return { code: 'floorNotAllowed', params: { metric: text(metric) } };
    const value = parsePercent(options[i + 1] ?? '');
    if (value === null) return { code: 'badFloor', params: { floor: text(options[i + 1] ?? '') } };
    const isOnWrongSide = definition.direction === 'higherIsBetter' ? value > target : value < target;
    if (isOnWrongSide) {
      return {
        code: definition.direction === 'higherIsBetter' ? 'floorAboveTarget' : 'ceilingBelowTarget',
        params: { floor: { type: 'percent', value }, target: { type: 'percent', value: target } },
      };
    }
    floor = value;
  }
  return { scope: scope as GoalScope, metric, target, period, floor, audience, line };
}

function parseSection(header: string): GoalAudience | null {
  const match = /^\[\s*(everyone|group|agent)\s*(\d*)\s*\]$/i.exec(header);
  if (!match) return null;
  const kind = (match[1] ?? '').toLowerCase();
  const id = Number(match[2]);
  if (kind === 'everyone') return match[2] ? null : { kind: 'everyone' };
  if (!match[2] || !Number.isSafeInteger(id) || id <= 0) return null;
  return kind === 'group' ? { kind: 'group', groupId: id } : { kind: 'agent', agentId: id };
}

function audienceKey(audience: GoalAudience): string {
  switch (audience.kind) {
    case 'everyone':
      return 'everyone';
    case 'group':
      return `group:${audience.groupId}`;
    case 'agent':
      return `agent:${audience.agentId}`;
  }
}

/**
 * Reads the goals setting: one goal per line (`who metric target per options`), `#` comments,
 * `[group <id>]` / `[agent <id>]` / `[everyone]` sections. Every invalid line becomes a problem with its
 * line number; valid lines are kept whatever else is wrong.
 */
export function parseGoalLines(source: string): { goals: Goal[]; problems: SettingsProblem[] } {
  const goals: Goal[] = [];
  const problems: SettingsProblem[] = [];
  /** Where each goal of each section is in `goals`, and its line: a repeat replaces it. */
  const seen = new Map<string, { index: number; line: number; raw: string }>();
  // null after an unreadable section header: its lines were meant for someone we cannot name, and giving
  // them to the previous section's audience would set goals for the wrong people.
  let audience: GoalAudience | null = { kind: 'everyone' };
  let suggestionsLeft = MAX_SUGGESTIONS;
  const suggest = (word: string): MetricId | null => {
    if (suggestionsLeft <= 0) return null;
    suggestionsLeft -= 1;
    return nearestWord(word, METRIC_ALIASES);
  };
  const report = (line: number, raw: string, problem: Problem) =>
    problems.push({
      setting: 'goals',
      line,
      text: raw.trim(),
      message: { key: `ui.settingsProblems.${problem.code}`, params: problem.params ?? {} },
    });

  source.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = (raw.split('#')[0] ?? '').trim();
    if (content === '') return;
    if (content.startsWith('[')) {
      const section = parseSection(content);
      audience = section;
      if (!section) report(line, raw, { code: 'badSection', params: { section: text(content) } });
      return;
    }
    if (audience === null) return;
    const parsed = parseGoal(content.split(/\s+/), audience, line, suggest);
    if (!('metric' in parsed && 'scope' in parsed)) {
      report(line, raw, parsed);
      return;
    }
    const key = `${audienceKey(audience)}/${goalKey(parsed)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // The later line wins, as a section override does: an admin who adds a corrected line below an old one
      // gets the correction. The earlier line is the one reported, with where its replacement is.
      report(earlier.line, earlier.raw, {
        code: 'duplicate',
        params: { laterLine: { type: 'count', value: line } },
      });
      goals[earlier.index] = parsed;
      seen.set(key, { ...earlier, line, raw });
      return;
    }
    seen.set(key, { index: goals.length, line, raw });
    goals.push(parsed);
  });
  return { goals, problems };
}
