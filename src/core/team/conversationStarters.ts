/**
 * Openers for a one-to-one, drawn only from figures on the page: how this period's CSAT compares with the last,
 * with the badly rated tickets to look at together; a goal met period after period (a milestone to celebrate);
 * a goal missed period after period (something to talk through, not a verdict). Never a comparison with
 * colleagues: every fact is about this agent.
 */
import type { Goal, PeriodUnit } from '../goals/goal';
import { isWithin } from '../goals/metricCatalog';
import type { GoalProgress } from '../metrics/goalProgress';
import type { GoalTrend } from '../trends/goalTrend';

export type ConversationStarter =
  | {
      kind: 'csat';
      unit: PeriodUnit;
      current: number;
      /** Last period's CSAT, when it had enough ratings. */
      previous: number | null;
      badRatings: number;
      /** A few of this period's badly rated tickets, to open together. */
      ticketIds: readonly number[];
    }
  | { kind: 'metStreak'; goal: Goal; periods: number }
  | { kind: 'missedStreak'; goal: Goal; periods: number };

/** A run this long is a pattern worth raising; shorter is noise. */
export const STREAK_PERIODS = 3;
/** A CSAT change smaller than this (points) is not a change worth raising on its own. */
const CSAT_CHANGE_POINTS = 5;
const MAX_TICKETS = 3;
const MAX_STARTERS = 3;

/** Consecutive periods, newest backwards, that met (or missed) the target; gaps end the run. */
function runOf(trend: GoalTrend, wantMet: boolean): number {
  let run = 0;
  for (let i = trend.points.length - 1; i >= 0; i -= 1) {
    const point = trend.points[i]!;
    if (point.value === null) break;
    if (isWithin(trend.goal.metric, point.value, trend.goal.target) !== wantMet) break;
    run += 1;
  }
  return run;
}

export function conversationStarters(input: {
  progress: readonly GoalProgress[];
  trends: readonly GoalTrend[];
  /** This period's badly rated tickets of the agent's CSAT goal, newest first. */
  badRatedTicketIds: readonly number[];
}): ConversationStarter[] {
  const starters: ConversationStarter[] = [];
  const csat = input.progress.find((p) => p.goal.metric === 'csat' && p.goal.scope === 'me');
  if (csat && csat.value !== null && csat.goal.period !== 'now' && csat.status !== 'notEnoughData') {
    const trend = input.trends.find((t) => t.goal === csat.goal);
    const previous = trend?.last?.value ?? null;
    const hasChanged = previous !== null && Math.abs(csat.value - previous) >= CSAT_CHANGE_POINTS;
    if (hasChanged || input.badRatedTicketIds.length > 0)
      starters.push({
        kind: 'csat',
        unit: csat.goal.period,
        current: csat.value,
        previous,
        badRatings: input.badRatedTicketIds.length,
        ticketIds: input.badRatedTicketIds.slice(0, MAX_TICKETS),
      });
  }
  for (const trend of input.trends) {
    const missed = runOf(trend, false);
    if (missed >= STREAK_PERIODS) starters.push({ kind: 'missedStreak', goal: trend.goal, periods: missed });
  }
  for (const trend of input.trends) {
    const met = runOf(trend, true);
    if (met >= STREAK_PERIODS) starters.push({ kind: 'metStreak', goal: trend.goal, periods: met });
  }
  return starters.slice(0, MAX_STARTERS);
}
