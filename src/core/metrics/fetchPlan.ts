import type { Goal, PeriodUnit } from '../goals/goal';
import type { TeamCountKind, TeamCountRequest } from '../goals/ticketFacts';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';

export interface FetchPlanContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
  teamGroupIds: readonly number[];
}

export interface FetchPlan {
  /** The earliest window start among the agent's goals: one search covers them all. */
  solvedSince: number;
  teamCounts: TeamCountRequest[];
}

const TEAM_COUNTS: Readonly<Partial<Record<Goal['metric'], readonly TeamCountKind[]>>> = {
  solved: ['solved'],
  csat: ['csatGood', 'csatBad'],
  backlog: ['backlog'],
};

/** What one refresh must ask Zendesk for, derived from the goals so nothing unused is fetched. */
export function planFetch(goals: readonly Goal[], context: FetchPlanContext): FetchPlan {
  const { now, timeZone, weekStartsOn, teamGroupIds } = context;
  const boundsOf = (period: PeriodUnit) => periodBounds(period, now, timeZone, weekStartsOn);
  let solvedSince = boundsOf('day').start;
  const teamCounts = new Map<string, TeamCountRequest>();
  for (const goal of goals) {
    const bounds = goal.period === 'now' ? null : boundsOf(goal.period);
    if (goal.scope === 'me' && bounds) solvedSince = Math.min(solvedSince, bounds.start);
    if (goal.scope !== 'team' || teamGroupIds.length === 0) continue;
    for (const kind of TEAM_COUNTS[goal.metric] ?? []) {
      const request: TeamCountRequest = {
        kind,
        start: kind === 'backlog' ? null : (bounds?.start ?? null),
        end: kind === 'backlog' ? null : (bounds?.end ?? null),
        groupIds: [...teamGroupIds],
      };
      teamCounts.set(`${kind}:${request.start}:${request.end}`, request);
    }
    // The agent's share of a team goal needs their own solves in the same window.
    if (bounds) solvedSince = Math.min(solvedSince, bounds.start);
  }
  return { solvedSince, teamCounts: [...teamCounts.values()] };
}
