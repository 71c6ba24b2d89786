import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { METRIC_CATALOG } from '../../src/core/goals/metricCatalog';
import { parseAppSettings, SETTING_NAMES } from '../../src/core/settings/parseAppSettings';
import {
  MAX_COUNT_TARGET,
  MAX_DURATION_MINUTES,
  parseGoalLines,
} from '../../src/core/settings/parseGoalLines';
import { parseWorkingHours } from '../../src/core/settings/parseWorkingHours';
import en from '../../translations/en.json';
import { reportFigures } from './reportFigures';

const RUNS = 10_000;
const PROTOTYPE_WORDS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const WORDS = [
  ...PROTOTYPE_WORDS,
  'me',
  'team',
  'solved',
  'csat',
  'first_reply',
  'reopen_rate',
  'backlog',
  'sla',
  'day',
  'week',
  'month',
  'quarter',
  'now',
  'floor',
  'per',
  '85%',
  '80%',
  '2h',
  '90m',
  '1h30m',
  '25',
  '0',
  '-3',
  '1e9',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '[group 7]',
  '[agent 3720451]',
  '[everyone]',
  '[group __proto__]',
  '#',
  'Ωμέγα',
  '目标',
  '🎯',
  '\u0000',
  '\u200b',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme' }),
);
const goalLine = fc.array(word, { maxLength: 7 }).map((words) => words.join(' '));
const goalText = fc.array(goalLine, { maxLength: 12 }).map((lines) => lines.join('\n'));

const VALID =
  'me solved 25 day\nme csat 85% week floor 80%\nteam solved 120 week\n[group 7]\nme solved 15 day';
/** A valid setting with one character inserted, deleted or replaced: the typos admins really make. */
const mutatedValid = fc
  .tuple(
    fc.nat({ max: VALID.length }),
    fc.constantFrom('insert', 'delete', 'replace'),
    fc.string({ minLength: 1, maxLength: 3 }),
  )
  .map(([at, how, text]) => {
    if (how === 'insert') return VALID.slice(0, at) + text + VALID.slice(at);
    if (how === 'delete') return VALID.slice(0, at) + VALID.slice(at + 1);
    return VALID.slice(0, at) + text + VALID.slice(at + text.length);
  });

const problemTexts = en.ui.settingsProblems as Readonly<Record<string, string>>;
const isKnownProblem = (key: string) => Object.hasOwn(problemTexts, key.replace('ui.settingsProblems.', ''));

let inputsTried = 0;
let throws = 0;

function parseCounting<T>(parse: () => T): T | null {
  inputsTried += 1;
  try {
    return parse();
  } catch {
    throws += 1;
    return null;
  }
}

afterAll(() => reportFigures('settings fuzz', { inputsTried, throws }));

describe('the goals parser under random and mutated input', () => {
  it('never throws, names the line of every problem, and keeps only goals it can compute with', () => {
    fc.assert(
      fc.property(fc.oneof(goalText, mutatedValid), (source) => {
        const parsed = parseCounting(() => parseGoalLines(source));
        expect(parsed).not.toBeNull();
        const lineCount = source.split(/\r\n|\r|\n/).length;
        for (const problem of parsed?.problems ?? []) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
          expect(isKnownProblem(problem.message.key)).toBe(true);
        }
        for (const goal of parsed?.goals ?? []) {
          expect(Object.hasOwn(METRIC_CATALOG, goal.metric)).toBe(true);
          expect(Number.isFinite(goal.target)).toBe(true);
          const unit = METRIC_CATALOG[goal.metric].unit;
          const max = unit === 'count' ? MAX_COUNT_TARGET : unit === 'percent' ? 100 : MAX_DURATION_MINUTES;
          expect(goal.target).toBeLessThanOrEqual(max);
          expect(typeof goal.period).toBe('string');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each(PROTOTYPE_WORDS)('reports `%s` in any position at its line, and keeps the valid goals', (proto) => {
    const source = `me solved 25 day\nme ${proto} 5 day\n${proto} solved 5 day\nme solved 5 ${proto}\n[group ${proto}]`;
    const parsed = parseCounting(() => parseGoalLines(source));
    expect(parsed?.goals).toHaveLength(1);
    expect(parsed?.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
  });
});

describe('every other setting under random input', () => {
  const value = fc.oneof(
    fc.constantFrom(
      ...PROTOTYPE_WORDS,
      '',
      ' ',
      '0',
      '-1',
      '1e9',
      'NaN',
      '2026-02-30',
      'Mon-Fri 09:00-17:00',
    ),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant({}),
  );
  it('never throws; every problem names its setting; every value is usable', () => {
    const raw = fc.dictionary(fc.constantFrom(...SETTING_NAMES, ...PROTOTYPE_WORDS), value);
    fc.assert(
      fc.property(raw, (settings) => {
        const parsed = parseCounting(() => parseAppSettings(settings, Date.UTC(2026, 11, 1)));
        expect(parsed).not.toBeNull();
        for (const problem of parsed?.problems ?? []) {
          expect(SETTING_NAMES).toContain(problem.setting);
          expect(isKnownProblem(problem.message.key)).toBe(true);
        }
        const result = parsed?.settings;
        expect([0, 1, 6]).toContain(result?.weekStartsOn);
        expect(['defaultGroup', 'allGroups']).toContain(result?.teamScope);
        expect(['business', 'calendar']).toContain(result?.timeBasis);
        expect(Number.isInteger(result?.refreshMinutes)).toBe(true);
        expect(result?.workingHours.startMinute).toBeLessThan(result?.workingHours.endMinute ?? 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads working hours from random text without throwing, and only returns real days and hours', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('Mon-Fri 9-17', 'Sun-Thu 08:30-16:30')),
        (text) => {
          const result = parseCounting(() => parseWorkingHours(text));
          if (result?.ok) {
            expect(result.value.days.every((day) => day >= 0 && day <= 6)).toBe(true);
            expect(result.value.startMinute).toBeLessThan(result.value.endMinute);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('inputs that used to be slow', () => {
  it('parses 10,000 misspelt goal lines with every problem reported, and prints the time it took', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `me solvd${i % 97} ${i} day`);
    const started = performance.now();
    const parsed = parseGoalLines(lines.join('\n'));
    const ms = performance.now() - started;
    expect(parsed.problems).toHaveLength(10_000);
    reportFigures('10k misspelt lines', { ms: ms.toFixed(1) });
  });

  it('refuses 40,000 spaces as working hours (the old pattern backtracked for seconds)', () => {
    const started = performance.now();
    const result = parseWorkingHours(`Mon${' '.repeat(40_000)}x 9-17`);
    const ms = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: 'hours' });
    reportFigures('40k-space working hours', { ms: ms.toFixed(2) });
  });
});
