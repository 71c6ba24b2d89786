import type { Goal, MetricId, PeriodUnit } from '../goals/goal';
import type { OwnCountKind, OwnCountRequest, TeamCountKind, TeamCountRequest } from '../goals/ticketFacts';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';

export interface FetchPlanContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
  teamGroupIds: readonly number[];
}

/**
 * What one refresh asks Zendesk for, by need. Ticket lists (with metric sets) cost a request per 100 tickets
 * twice over; a count costs one request whatever the window holds. So the agent's solved tickets are listed
 * only from `solvedSince` — today, or further back where a goal needs per-ticket fields — and everything
 * before that is counted.
 */
export interface FetchPlan {
  /** Solved tickets are listed from here: the start of today, or the earliest per-ticket goal's window. */
  solvedSince: number;
  /** The agent's own counts for [window start, solvedSince) of count-only goals with longer windows. */
  ownCounts: OwnCountRequest[];
  teamCounts: TeamCountRequest[];
  /**
   * Whether open tickets need their metric sets too: only a first-reply goal does (its nudge names the
   * ticket waiting longest for a first reply, which only the metric set tells).
   */
  backlogNeedsMetricSets: boolean;
}

/** Goals measured from each solved ticket's own fields (times, replies, reopens): they need the list. */
const NEEDS_TICKET_FIELDS: ReadonlySet<MetricId> = new Set([
  'first_reply',
  'full_resolution',
  'one_touch',
  'reopen_rate',
]);

const OWN_COUNTS: Readonly<Partial<Record<MetricId, readonly OwnCountKind[]>>> = {
  solved: ['solved'],
  csat: ['csatGood', 'csatBad'],
};

const TEAM_COUNTS: Readonly<Partial<Record<MetricId, readonly TeamCountKind[]>>> = {
  solved: ['solved'],
  csat: ['csatGood', 'csatBad'],
  backlog: ['backlog'],
};

/** A stable name for a count request: two requests with the same key ask Zendesk the same question. */
export function countKey(request: {
  kind: string;
  start: number | null;
  end: number | null;
  groupIds: readonly number[] | null;
}): string {
  const groups = request.groupIds === null ? 'all' : [...request.groupIds].sort((a, b) => a - b).join('+');
  return `${request.kind}:${request.start}:${request.end}:${groups}`;
}

/** What one refresh must ask Zendesk for, derived from the goals so nothing unused is fetched. */
export function planFetch(goals: readonly Goal[], context: FetchPlanContext): FetchPlan {
  const { now, timeZone, weekStartsOn, teamGroupIds } = context;
  const boundsOf = (period: PeriodUnit) => periodBounds(period, now, timeZone, weekStartsOn);
  // Today is always listed: the agent's own solves of today must be seen by id, so a solve shown at once
  // (pending) is never counted twice once search confirms it.
  let solvedSince = boundsOf('day').start;
  for (const goal of goals)
    if (goal.scope === 'me' && goal.period !== 'now' && NEEDS_TICKET_FIELDS.has(goal.metric))
      solvedSince = Math.min(solvedSince, boundsOf(goal.period).start);

  const ownCounts = new Map<string, OwnCountRequest>();
  const teamCounts = new Map<string, TeamCountRequest>();
  const countOwn = (kind: OwnCountKind, start: number, groupIds: readonly number[] | null) => {
    if (start >= solvedSince) return;
    const request: OwnCountRequest = { kind, start, end: solvedSince, groupIds };
    ownCounts.set(countKey(request), request);
  };
  for (const goal of goals) {
    const bounds = goal.period === 'now' ? null : boundsOf(goal.period);
    if (goal.scope === 'me') {
      if (bounds) for (const kind of OWN_COUNTS[goal.metric] ?? []) countOwn(kind, bounds.start, null);
      continue;
    }
    if (teamGroupIds.length === 0) continue;
    for (const kind of TEAM_COUNTS[goal.metric] ?? []) {
      const request: TeamCountRequest = {
        kind,
        start: kind === 'backlog' ? null : (bounds?.start ?? null),
        end: kind === 'backlog' ? null : (bounds?.end ?? null),
        groupIds: [...teamGroupIds],
      };
      teamCounts.set(countKey(request), request);
    }
    // The agent's share of the team's solved count: their own solves in the team's groups, same window.
    if (goal.metric === 'solved' && bounds) countOwn('solved', bounds.start, [...teamGroupIds]);
  }
  return {
    solvedSince,
    ownCounts: [...ownCounts.values()],
    teamCounts: [...teamCounts.values()],
    backlogNeedsMetricSets: goals.some((goal) => goal.scope === 'me' && goal.metric === 'first_reply'),
  };
}
