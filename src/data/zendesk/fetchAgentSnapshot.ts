import * as v from 'valibot';
import type { AgentSnapshot, TeamCount, TeamCountRequest, TicketFact } from '../../core/goals/ticketFacts';
import type { PoliteGet } from './politeRequest';
import { RequestFailure } from './requestFailure';
import {
  BACKLOG_QUERY,
  countUrl,
  searchUrl,
  showManyUrl,
  solvedTicketsQuery,
  teamCountQuery,
} from './searchQuery';
import { toTicketFact } from './ticketFactMapper';
import type { MetricSet, SearchTicket } from './zendeskSchemas';
import {
  CountResponseSchema,
  SearchResponseSchema,
  SearchTicketSchema,
  ShowManyResponseSchema,
} from './zendeskSchemas';

export interface SnapshotPlan {
  solvedSince: number;
  teamCounts: readonly TeamCountRequest[];
}

/** Search returns at most 1,000 results (page 11 of 100 is a 422). */
const SEARCH_RESULT_CAP = 1000;
/** Overlap when asking for changes, so an edit made while the last refresh ran is not missed. */
export const DELTA_OVERLAP_MS = 2 * 60_000;

function parse<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new RequestFailure({ kind: 'malformed' });
  return result.output;
}

async function searchAll(
  get: PoliteGet,
  query: string,
  includeSlas = false,
): Promise<{ tickets: SearchTicket[]; count: number }> {
  const tickets: SearchTicket[] = [];
  let count = 0;
  for (let page = 1; page <= SEARCH_RESULT_CAP / 100; page += 1) {
    const body = parse(SearchResponseSchema, await get(searchUrl(query, page, includeSlas)));
    count = body.count;
    for (const result of body.results) {
      if (result.result_type === 'ticket' || result.result_type === undefined)
        tickets.push(parse(SearchTicketSchema, result));
    }
    if (!body.next_page || body.results.length === 0) break;
  }
  return { tickets, count };
}

/**
 * Solved tickets in [since, until). Past search's 1,000-result cap the window is halved and each half
 * searched, so a busy agent's quarter is still complete (offset paging cannot reach result 1,001).
 */
async function searchSolved(
  get: PoliteGet,
  since: number,
  until: number,
  updatedAfter?: number,
): Promise<SearchTicket[]> {
  const { tickets, count } = await searchAll(get, solvedTicketsQuery(since, until, updatedAfter));
  if (count <= SEARCH_RESULT_CAP || until - since < 60_000) return tickets;
  const middle = since + Math.floor((until - since) / 2);
  return [
    ...(await searchSolved(get, since, middle, updatedAfter)),
    ...(await searchSolved(get, middle, until, updatedAfter)),
  ];
}

async function metricSetsFor(get: PoliteGet, ids: readonly number[]): Promise<Map<number, MetricSet>> {
  const sets = new Map<number, MetricSet>();
  for (let i = 0; i < ids.length; i += 100) {
    const body = parse(ShowManyResponseSchema, await get(showManyUrl(ids.slice(i, i + 100))));
    for (const set of body.metric_sets) sets.set(set.ticket_id, set);
  }
  return sets;
}

async function withMetrics(get: PoliteGet, tickets: readonly SearchTicket[]): Promise<TicketFact[]> {
  const unique = [...new Map(tickets.map((t) => [t.id, t])).values()];
  const sets = await metricSetsFor(
    get,
    unique.map((t) => t.id),
  );
  return unique.map((t) => toTicketFact(t, sets.get(t.id)));
}

async function teamCounts(get: PoliteGet, requests: readonly TeamCountRequest[]): Promise<TeamCount[]> {
  const counts: TeamCount[] = [];
  for (const request of requests) {
    const body = parse(CountResponseSchema, await get(countUrl(teamCountQuery(request))));
    counts.push({ ...request, count: body.count });
  }
  return counts;
}

const isSolved = (t: TicketFact) => t.status === 'solved' || t.status === 'closed';

/**
 * Everything one full refresh needs. Requests: ⌈solved/100⌉ searches + ⌈solved/100⌉ show_many,
 * ⌈backlog/100⌉ searches + ⌈backlog/100⌉ show_many, and one search/count per team figure —
 * for a typical agent (under 100 solved in the longest window, under 100 open) 4 + team counts.
 */
export async function fetchAgentSnapshot(
  get: PoliteGet,
  agentId: number,
  plan: SnapshotPlan,
  now: number,
  isTeamViewPartial = false,
): Promise<AgentSnapshot> {
  const solved = await withMetrics(get, await searchSolved(get, plan.solvedSince, now + 60_000));
  const open = await withMetrics(get, (await searchAll(get, BACKLOG_QUERY, true)).tickets);
  return {
    agentId,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets: solved.filter(isSolved),
    openTickets: open.filter((t) => !isSolved(t)),
    teamCounts: await teamCounts(get, plan.teamCounts),
    isTeamViewPartial,
  };
}

/**
 * A refresh after the first: solved tickets changed since the last refresh (minus an overlap), the backlog
 * again (small, and the only way to notice tickets reassigned away), metric sets only for what changed, and
 * the team counts. Typically 3 requests + team counts, whatever the length of the goal windows.
 */
export async function fetchSnapshotChanges(
  get: PoliteGet,
  previous: AgentSnapshot,
  plan: SnapshotPlan,
  now: number,
): Promise<AgentSnapshot> {
  const changedSolved = await searchSolved(
    get,
    plan.solvedSince,
    now + 60_000,
    previous.fetchedAt - DELTA_OVERLAP_MS,
  );
  const openResults = (await searchAll(get, BACKLOG_QUERY, true)).tickets;
  const known = new Map(previous.openTickets.map((t) => [t.id, t]));
  const changedOpen = openResults.filter((t) => {
    const before = known.get(t.id);
    return !before || before.updatedAt !== Date.parse(t.updated_at);
  });
  const fresh = await withMetrics(get, [...changedSolved, ...changedOpen]);
  const freshById = new Map(fresh.map((t) => [t.id, t]));
  const openIds = new Set(openResults.map((t) => t.id));
  const slaById = new Map(openResults.map((t) => [t.id, toTicketFact(t, undefined).activeSlaBreachAt]));

  const solved = new Map(previous.solvedTickets.filter((t) => !openIds.has(t.id)).map((t) => [t.id, t]));
  for (const t of fresh) if (isSolved(t)) solved.set(t.id, t);
  const open = [...openIds].map((id) => {
    const fact = freshById.get(id) ?? known.get(id);
    return fact ? { ...fact, activeSlaBreachAt: slaById.get(id) ?? null } : undefined;
  });
  return {
    ...previous,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets: [...solved.values()].filter((t) => t.solvedAt !== null && t.solvedAt >= plan.solvedSince),
    openTickets: open.filter((t): t is TicketFact => t !== undefined && !isSolved(t)),
    teamCounts: await teamCounts(get, plan.teamCounts),
  };
}
