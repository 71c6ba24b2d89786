import type { OwnCountRequest, TeamCountRequest } from '../../core/goals/ticketFacts';

/** Search wants UTC instants with `Z`; an offset like +01:00 breaks unless encoded. */
export const utc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Whose tickets a query asks for: the signed-in agent's (`me`), or, for an admin's preview of another agent's
 * board, that agent's by user id (search reads `assignee:<user id>`; admins may search any ticket).
 */
export type Assignee = 'me' | number;

/** The agent's solved tickets in [since, until): `status>=solved` so tickets already closed still count. */
export function solvedTicketsQuery(since: number, until?: number, assignee: Assignee = 'me'): string {
  return [
    'type:ticket',
    `assignee:${assignee}`,
    'status>=solved',
    `solved>=${utc(since)}`,
    until !== undefined ? `solved<${utc(until)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Every ticket of the agent's changed since a moment, whatever its status: one search for all changes. */
export const changedTicketsQuery = (updatedAfter: number): string =>
  `type:ticket assignee:me updated>${utc(updatedAfter)}`;

const GOOD = ['satisfaction:good', 'satisfaction:goodwithcomment'];
const BAD = ['satisfaction:bad', 'satisfaction:badwithcomment'];

/** The search terms for good or bad ratings (repeated keywords OR), none for plain solves. */
export const satisfactionTerms = (kind: string): readonly string[] =>
  kind === 'csatGood' ? GOOD : kind === 'csatBad' ? BAD : [];

/** The agent's own solved tickets (or good or bad ratings) in a window, optionally in some groups only. */
export function ownCountQuery(request: OwnCountRequest, assignee: Assignee = 'me'): string {
  return [
    'type:ticket',
    `assignee:${assignee}`,
    ...(request.groupIds ?? []).map((id) => `group:${id}`),
    'status>=solved',
    `solved>=${utc(request.start)}`,
    `solved<${utc(request.end)}`,
    ...satisfactionTerms(request.kind),
  ].join(' ');
}

/** The agent's unsolved assigned tickets: new, open, pending and on-hold. */
export const backlogQuery = (assignee: Assignee = 'me'): string =>
  `type:ticket assignee:${assignee} status<solved`;
export const BACKLOG_QUERY = backlogQuery('me');

/** One search/count query per team figure; repeating `group:` ORs the groups, repeating `satisfaction:` ORs scores. */
export function teamCountQuery(request: TeamCountRequest): string {
  const groups = request.groupIds.map((id) => `group:${id}`);
  const window =
    request.start !== null && request.end !== null
      ? ['status>=solved', `solved>=${utc(request.start)}`, `solved<${utc(request.end)}`]
      : [];
  switch (request.kind) {
    case 'solved':
      return ['type:ticket', ...groups, ...window].join(' ');
    case 'csatGood':
      return ['type:ticket', ...groups, ...window, ...GOOD].join(' ');
    case 'csatBad':
      return ['type:ticket', ...groups, ...window, ...BAD].join(' ');
    case 'backlog':
      return ['type:ticket', ...groups, 'status<solved'].join(' ');
  }
}

export function searchUrl(query: string, page: number, includeSlas = false): string {
  const include = includeSlas ? '&include=tickets(slas)' : '';
  return `/api/v2/search.json?query=${encodeURIComponent(query)}&per_page=100&page=${page}&sort_by=created_at&sort_order=asc${include}`;
}

export const countUrl = (query: string): string =>
  `/api/v2/search/count.json?query=${encodeURIComponent(query)}`;

export const showManyUrl = (ids: readonly number[]): string =>
  `/api/v2/tickets/show_many.json?ids=${ids.join(',')}&include=metric_sets`;
