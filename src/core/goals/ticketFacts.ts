/**
 * What the core knows about a ticket: the fields goals are computed from, mapped from Zendesk's
 * search results and metric sets by the data layer. No subjects, comments or requester data:
 * these facts may be cached and shared between tabs.
 */

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** `offered` = survey sent, not answered; `unoffered` = no survey sent. */
export const SATISFACTION_SCORES = ['good', 'bad', 'offered', 'unoffered'] as const;
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number];

/** Minutes measured both ways; either may be null while the event has not happened. */
export interface DurationMinutes {
  calendar: number | null;
  business: number | null;
}

export interface TicketFact {
  id: number;
  status: TicketStatus;
  assigneeId: number | null;
  groupId: number | null;
  createdAt: number;
  updatedAt: number;
  /** From the metric set; null while unsolved. */
  solvedAt: number | null;
  satisfaction: SatisfactionScore | null;
  /** First reply time; null minutes = no public agent reply yet. */
  firstReplyMinutes: DurationMinutes;
  fullResolutionMinutes: DurationMinutes;
  /** Public agent replies; null when the metric set is missing. */
  publicReplies: number | null;
  reopens: number | null;
  /** Earliest `breach_at` among the ticket's *active* SLA targets; null when none is active. */
  activeSlaBreachAt: number | null;
}

/** Counts for the agent's team, asked of search/count for each team goal's window. */
export const TEAM_COUNT_KINDS = ['solved', 'csatGood', 'csatBad', 'backlog'] as const;
export type TeamCountKind = (typeof TEAM_COUNT_KINDS)[number];

export interface TeamCountRequest {
  kind: TeamCountKind;
  /** Window bounds (epoch ms, start inclusive, end exclusive); null for `backlog` (now). */
  start: number | null;
  end: number | null;
  groupIds: readonly number[];
}

export interface TeamCount extends TeamCountRequest {
  count: number;
}

/** Counts of the agent's own solved tickets and ratings, for the part of a window before the listed tickets. */
export const OWN_COUNT_KINDS = ['solved', 'csatGood', 'csatBad'] as const;
export type OwnCountKind = (typeof OWN_COUNT_KINDS)[number];

export interface OwnCountRequest {
  kind: OwnCountKind;
  /** Solved in [start, end), epoch ms. */
  start: number;
  end: number;
  /** Only the agent's tickets in these groups (their share of a team goal); null for all of them. */
  groupIds: readonly number[] | null;
}

export interface OwnCount extends OwnCountRequest {
  count: number;
}

/**
 * Everything one refresh learned, the input of goal evaluation.
 * `solvedTickets`: the agent's tickets with status >= solved and solved at or after `solvedSince` (listed,
 * with their metric sets). `ownCounts`: the agent's solved tickets and ratings counted for the part of longer
 * windows before `solvedSince`, where only a count is needed. `openTickets`: the agent's backlog, now.
 */
export interface AgentSnapshot {
  agentId: number;
  fetchedAt: number;
  solvedSince: number;
  solvedTickets: readonly TicketFact[];
  openTickets: readonly TicketFact[];
  ownCounts: readonly OwnCount[];
  teamCounts: readonly TeamCount[];
  /**
   * When the counts and the backlog list were last fetched in full. They change with the team or with old
   * tickets, not with this agent's latest actions, so they are refreshed less often than the agent's changes.
   */
  countsFetchedAt: number;
  /** The agent's ticket access is restricted: team figures only cover what they can see. */
  isTeamViewPartial: boolean;
  /** What could not be read; absent or all zero when the figures are complete. */
  gaps?: SnapshotGaps;
}

/** Why figures may be partial, so the agent is told instead of shown a silent undercount. */
export interface SnapshotGaps {
  /** Search results Zendesk sent that were not tickets we could read (skipped, counted). */
  unreadableRecords: number;
  /** Tickets whose metric set was missing: their times, replies and reopens are unknown. */
  ticketsWithoutMetrics: number;
  /** Stopped early: more results than search returns, or the per-refresh request cap reached. */
  isIncomplete: boolean;
}

export const NO_GAPS: SnapshotGaps = { unreadableRecords: 0, ticketsWithoutMetrics: 0, isIncomplete: false };

export function hasGaps(gaps: SnapshotGaps | undefined): boolean {
  return (
    gaps !== undefined && (gaps.unreadableRecords > 0 || gaps.ticketsWithoutMetrics > 0 || gaps.isIncomplete)
  );
}
