/**
 * The goal model: what an admin sets and what an agent is measured against.
 * Pure data, shared by every layer. Instants are epoch milliseconds (UTC) so that
 * everything here is JSON-serialisable (cache, cross-tab messages) and free of Date quirks.
 */

export const METRIC_IDS = [
  'solved',
  'csat',
  'first_reply',
  'full_resolution',
  'one_touch',
  'reopen_rate',
  'backlog',
  'sla_breaches',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
/** `now` is for state metrics (backlog, SLA breaches): measured at this instant, not over a window. */
export type GoalPeriod = PeriodUnit | 'now';

export const GOAL_SCOPES = ['me', 'team'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

/** Who a goal line applies to: the section of the settings it was written in. */
export type GoalAudience =
  { kind: 'everyone' } | { kind: 'group'; groupId: number } | { kind: 'agent'; agentId: number };

/**
 * One goal. `target` is in the metric's unit (see metricCatalog):
 * a count, a percentage 0–100, or minutes.
 */
export interface Goal {
  scope: GoalScope;
  metric: MetricId;
  target: number;
  period: GoalPeriod;
  /** Quality goals only: below this percentage the goal is "below floor" and speed nudges are silenced. */
  floor: number | null;
  audience: GoalAudience;
  /** 1-based line in the goals setting; 0 for built-in defaults. */
  line: number;
}

/** Stable identity of a goal for keys, dismissals and overrides (audience-independent). */
export function goalKey(goal: Pick<Goal, 'scope' | 'metric' | 'period'>): string {
  return `${goal.scope}:${goal.metric}:${goal.period}`;
}
