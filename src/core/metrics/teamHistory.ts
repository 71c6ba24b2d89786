import type { Goal, GoalPeriod } from '../goals/goal';
import { goalKey } from '../goals/goal';
import type { TeamCountRequest } from '../goals/ticketFacts';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';
import { median } from './ticketMetrics';

/** How many past periods a target is compared with (goal-practice: "the last 8–12 weeks"). */
export const HISTORY_PERIODS = 8;

/**
 * A goal's recent history: the median of its last periods, e.g. solves per week — the team's for a team goal,
 * the team's per agent (team count ÷ members) for a personal goal.
 */
export interface TargetHistory {
  goalKey: string;
  period: GoalPeriod;
  periods: number;
  median: number;
  basis: 'team' | 'perAgent';
}

export interface TeamHistoryPlan {
  goalKey: string;
  period: GoalPeriod;
  requests: TeamCountRequest[];
  basis: 'team' | 'perAgent';
  /** What each team count is divided by: 1 for the team, its number of agents for a personal goal. */
  divisor: number;
}

/**
 * The team counts needed to know each solved goal's last periods (the current one excluded): team goals
 * against the team's counts, personal goals — when `teamSize` is known — against the team's counts per agent.
 */
export function planTeamHistory(
  goals: readonly Goal[],
  context: {
    now: number;
    timeZone: string;
    weekStartsOn: WeekStart;
    teamGroupIds: readonly number[];
    teamSize?: number;
  },
): TeamHistoryPlan[] {
  if (context.teamGroupIds.length === 0) return [];
  const teamSize = context.teamSize ?? 0;
  return goals
    .filter(
      (goal) => goal.metric === 'solved' && goal.period !== 'now' && (goal.scope === 'team' || teamSize > 0),
    )
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
      const basis = goal.scope === 'team' ? ('team' as const) : ('perAgent' as const);
      return {
        goalKey: goalKey(goal),
        period: goal.period,
        requests,
        basis,
        divisor: basis === 'team' ? 1 : teamSize,
      };
    });
}

/**
 * The median of the counts a plan's requests returned. Periods with no solves at all (before the team or
 * the account existed, a shutdown) say nothing about the team's pace and are left out.
 */
export function toTargetHistory(plan: TeamHistoryPlan, counts: readonly number[]): TargetHistory {
  const worked = counts.filter((count) => count > 0);
  return {
    goalKey: plan.goalKey,
    period: plan.period,
    periods: worked.length,
    median: (median(worked) ?? 0) / Math.max(1, plan.divisor),
    basis: plan.basis,
  };
}
