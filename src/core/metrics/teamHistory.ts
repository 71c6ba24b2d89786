import type { Goal, GoalPeriod } from '../goals/goal';
import { goalKey } from '../goals/goal';
import type { TeamCountRequest } from '../goals/ticketFacts';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';
import { median } from './ticketMetrics';

/** How many past periods a target is compared with (goal-practice: "the last 8–12 weeks"). */
export const HISTORY_PERIODS = 8;

/** A team goal's recent history: the median of its last periods, e.g. solves per week. */
export interface TargetHistory {
  goalKey: string;
  period: GoalPeriod;
  periods: number;
  median: number;
}

export interface TeamHistoryPlan {
  goalKey: string;
  period: GoalPeriod;
  requests: TeamCountRequest[];
}

/** The team counts needed to know each team solved goal's last periods (the current one excluded). */
export function planTeamHistory(
  goals: readonly Goal[],
  context: { now: number; timeZone: string; weekStartsOn: WeekStart; teamGroupIds: readonly number[] },
): TeamHistoryPlan[] {
  if (context.teamGroupIds.length === 0) return [];
  return goals
    .filter((goal) => goal.scope === 'team' && goal.metric === 'solved' && goal.period !== 'now')
    .map((goal) => {
      const unit = goal.period === 'now' ? 'day' : goal.period;
      const requests: TeamCountRequest[] = [];
      let current = periodBounds(unit, context.now, context.timeZone, context.weekStartsOn);
      for (let i = 0; i < HISTORY_PERIODS; i += 1) {
        current = periodBounds(unit, current.start - 1, context.timeZone, context.weekStartsOn);
        requests.push({
          kind: 'solved',
          start: current.start,
          end: current.end,
          groupIds: [...context.teamGroupIds],
        });
      }
      return { goalKey: goalKey(goal), period: goal.period, requests };
    });
}

/**
 * The median of the counts a plan's requests returned. Periods with no solves at all (before the team or
 * the account existed, a shutdown) say nothing about the team's pace and are left out.
 */
export function toTargetHistory(plan: TeamHistoryPlan, counts: readonly number[]): TargetHistory {
  const worked = counts.filter((count) => count > 0);
  return { goalKey: plan.goalKey, period: plan.period, periods: worked.length, median: median(worked) ?? 0 };
}
