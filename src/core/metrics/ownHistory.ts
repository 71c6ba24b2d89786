import type { Goal, PeriodUnit } from '../goals/goal';
import { goalKey } from '../goals/goal';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';
import type { OwnBest } from './evaluateGoals';
import { HISTORY_PERIODS } from './teamHistory';

export interface PastPeriod {
  start: number;
  end: number;
}

/** One personal count goal's past periods to count, newest first (the current period excluded). */
export interface OwnHistoryPlan {
  goalKey: string;
  periods: PastPeriod[];
}

/** The `count` periods before the one containing `now`, in the agent's zone. */
export function pastPeriods(
  unit: PeriodUnit,
  context: { now: number; timeZone: string; weekStartsOn: WeekStart },
  count = HISTORY_PERIODS,
): PastPeriod[] {
  const periods: PastPeriod[] = [];
  let current = periodBounds(unit, context.now, context.timeZone, context.weekStartsOn);
  for (let i = 0; i < count; i += 1) {
    current = periodBounds(unit, current.start - 1, context.timeZone, context.weekStartsOn);
    periods.push({ start: current.start, end: current.end });
  }
  return periods;
}

/** Personal solved-count goals are checked against the agent's own history: is the target attainable? */
export function planOwnHistory(
  goals: readonly Goal[],
  context: { now: number; timeZone: string; weekStartsOn: WeekStart },
): OwnHistoryPlan[] {
  return goals.flatMap((goal) =>
    goal.scope === 'me' && goal.metric === 'solved' && goal.period !== 'now'
      ? [{ goalKey: goalKey(goal), periods: pastPeriods(goal.period, context) }]
      : [],
  );
}

/**
 * The agent's best in the plan's periods. Periods with no solves (leave, before they joined) say nothing about
 * what they can reach and are left out; with none left — a new agent — there is no judgement at all.
 */
export function ownBestOf(counts: readonly number[]): OwnBest | null {
  const worked = counts.filter((count) => count > 0);
  return worked.length === 0 ? null : { best: Math.max(...worked), periods: worked.length };
}
