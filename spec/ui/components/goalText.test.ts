import type { GoalPeriod, MetricId } from '../../../src/core/goals/goal';
import { METRIC_IDS } from '../../../src/core/goals/goal';
import { METRIC_CATALOG } from '../../../src/core/goals/metricCatalog';
import type { GoalProgress, GoalStatus } from '../../../src/core/metrics/goalProgress';
import { GOAL_STATUSES } from '../../../src/core/metrics/goalProgress';
import { goalLabel, valueText } from '../../../src/ui/components/goalText';
import { SHIPPED_LOCALES, createTranslator, loadLocale } from '../../../src/ui/i18n/translator';
import { goalOf } from '../../core/ticketFactBuilder';

// Languages other than English are lazy chunks: load them all, as an agent's sidebar loads theirs.
beforeAll(async () => {
  for (const locale of SHIPPED_LOCALES) await loadLocale(locale);
});

const TARGETS: Readonly<Record<MetricId, number>> = {
  solved: 25,
  csat: 85,
  first_reply: 120,
  full_resolution: 480,
  one_touch: 60,
  reopen_rate: 5,
  backlog: 15,
  sla_breaches: 0,
};
const VALUES: Readonly<Record<MetricId, number>> = {
  solved: 14,
  csat: 88,
  first_reply: 100,
  full_resolution: 600,
  one_touch: 55,
  reopen_rate: 10,
  backlog: 19,
  sla_breaches: 2,
};

function progressOf(metric: MetricId, status: GoalStatus, floor: number | null): GoalProgress {
  const definition = METRIC_CATALOG[metric];
  const period = definition.periods[0] as GoalPeriod;
  return {
    goal: goalOf({ metric, period, target: TARGETS[metric], floor }),
    bounds: null,
    value: status === 'notEnoughData' ? null : VALUES[metric],
    sampleSize: 23,
    status,
    fraction: 0.5,
    pace: null,
    share: null,
    stretch: null,
    oldestWaiting: null,
  };
}

const en = createTranslator('en-US');

describe('goal wording, for every metric and direction', () => {
  const cases = METRIC_IDS.flatMap((metric) =>
    (METRIC_CATALOG[metric].hasFloor ? [null, metric === 'csat' ? 80 : 8] : [null]).map(
      (floor) => [metric, floor] as const,
    ),
  );

  it.each(cases)('%s (floor %s) says which way is good, in the metric’s own unit', (metric, floor) => {
    const text = valueText(en, progressOf(metric, 'onTrack', floor));
    const definition = METRIC_CATALOG[metric];
    if (definition.direction === 'lowerIsBetter') expect(text).toMatch(/target at most/);
    else expect(text).not.toMatch(/at most/);
    if (definition.unit === 'percent')
      expect(text).toMatch(definition.sampleUnit === 'ratings' ? /from 23 ratings/ : /of 23 solved tickets/);
    if (definition.unit === 'minutes') expect(text).toMatch(/median of 23 solved tickets/);
    if (floor !== null)
      expect(text).toMatch(definition.direction === 'higherIsBetter' ? /· floor / : /· limit /);
    // No jargon: no "n =", no "≤", no fractions of a ticket.
    expect(text).not.toMatch(/n =|≤|\d\.\d+ (of|tickets)/);
  });

  it.each(GOAL_STATUSES)('the status %s has its own word in every shipped locale', (status) => {
    const words = SHIPPED_LOCALES.map((locale) => createTranslator(locale).t(`ui.status.${status}`));
    for (const word of words) expect(word).not.toMatch(/^ui\./);
    const english = GOAL_STATUSES.map((s) => en.t(`ui.status.${s}`));
    expect(new Set(english).size).toBe(GOAL_STATUSES.length);
  });

  it.each(METRIC_IDS)('%s has a label for each of its scopes and periods in every locale', (metric) => {
    const definition = METRIC_CATALOG[metric];
    for (const locale of SHIPPED_LOCALES)
      for (const scope of definition.scopes)
        for (const period of definition.periods)
          expect(goalLabel(createTranslator(locale), goalOf({ metric, scope, period }))).not.toMatch(/^ui\./);
  });

  it('shows only the target for a team figure the agent cannot see whole', () => {
    const hidden = {
      ...progressOf('solved', 'notVisible', null),
      goal: goalOf({ scope: 'team', target: 250, period: 'week' }),
    };
    expect(valueText(en, hidden)).toBe('Target 250');
  });
});
