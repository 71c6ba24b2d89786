import type { GoalPeriod, GoalScope, MetricId } from './goal';

/** The unit a metric's value and target are expressed in. */
export type MetricUnit = 'count' | 'percent' | 'minutes';

/**
 * What a metric is for, which decides how nudges treat it: quality goals guard speed goals
 * (goal-practice principle 4); workload metrics describe the agent's queue right now.
 */
export type MetricFamily = 'volume' | 'quality' | 'speed' | 'workload';

export type MetricDirection = 'higherIsBetter' | 'lowerIsBetter';

/** What a rate or median is counted over, in the agent's words: "from 11 ratings", "of 156 solved tickets". */
export type SampleUnit = 'ratings' | 'solvedTickets';

/**
 * The admin's second number on a quality goal: a *floor* an at-least rate must stay above, or a *limit* an
 * at-most rate must stay under. One word per direction, used by statuses, nudges and value texts alike.
 */
export type BoundKind = 'floor' | 'limit';

export interface MetricDefinition {
  id: MetricId;
  unit: MetricUnit;
  family: MetricFamily;
  direction: MetricDirection;
  scopes: readonly GoalScope[];
  periods: readonly GoalPeriod[];
  /** Whether an admin may set a floor (a lower bound that triggers the quality guard). */
  hasFloor: boolean;
  sampleUnit: SampleUnit;
}

/** Floor for at-least metrics, limit for at-most ones. */
export function boundKindOf(metric: MetricId): BoundKind {
  return METRIC_CATALOG[metric].direction === 'higherIsBetter' ? 'floor' : 'limit';
}

/** Whether a value satisfies a bound in the metric's direction (at least / at most). */
export function isWithin(metric: MetricId, value: number, bound: number): boolean {
  return METRIC_CATALOG[metric].direction === 'higherIsBetter' ? value >= bound : value <= bound;
}

const WINDOWS = ['day', 'week', 'month', 'quarter'] as const;

export const METRIC_CATALOG: Readonly<Record<MetricId, MetricDefinition>> = {
  solved: {
    id: 'solved',
    unit: 'count',
    family: 'volume',
    direction: 'higherIsBetter',
    scopes: ['me', 'team'],
    periods: WINDOWS,
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
  csat: {
    id: 'csat',
    unit: 'percent',
    family: 'quality',
    direction: 'higherIsBetter',
    scopes: ['me', 'team'],
    periods: WINDOWS,
    hasFloor: true,
    sampleUnit: 'ratings',
  },
  first_reply: {
    id: 'first_reply',
    unit: 'minutes',
    family: 'speed',
    direction: 'lowerIsBetter',
    scopes: ['me'],
    periods: WINDOWS,
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
  full_resolution: {
    id: 'full_resolution',
    unit: 'minutes',
    family: 'speed',
    direction: 'lowerIsBetter',
    scopes: ['me'],
    periods: WINDOWS,
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
  // One-touch is rewarded only when quality holds: chasing it can mean rushing (principle 8).
  one_touch: {
    id: 'one_touch',
    unit: 'percent',
    family: 'speed',
    direction: 'higherIsBetter',
    scopes: ['me'],
    periods: WINDOWS,
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
  reopen_rate: {
    id: 'reopen_rate',
    unit: 'percent',
    family: 'quality',
    direction: 'lowerIsBetter',
    scopes: ['me'],
    periods: WINDOWS,
    // For a lower-is-better rate the "floor" is the ceiling the rate must not exceed.
    hasFloor: true,
    sampleUnit: 'solvedTickets',
  },
  backlog: {
    id: 'backlog',
    unit: 'count',
    family: 'workload',
    direction: 'lowerIsBetter',
    scopes: ['me', 'team'],
    periods: ['now'],
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
  sla_breaches: {
    id: 'sla_breaches',
    unit: 'count',
    family: 'workload',
    direction: 'lowerIsBetter',
    scopes: ['me'],
    periods: ['now'],
    hasFloor: false,
    sampleUnit: 'solvedTickets',
  },
};

export function isQualityMetric(metric: MetricId): boolean {
  return METRIC_CATALOG[metric].family === 'quality';
}
