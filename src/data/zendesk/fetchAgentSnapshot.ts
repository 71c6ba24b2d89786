import * as v from 'valibot';
import type {
  AgentSnapshot,
  SnapshotGaps,
  TeamCount,
  TeamCountRequest,
  TicketFact,
} from '../../core/goals/ticketFacts';
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
  MetricSetSchema,
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
const PAGE_SIZE = 100;
/** Overlap when asking for changes, so an edit made while the last refresh ran is not missed. */
export const DELTA_OVERLAP_MS = 2 * 60_000;
/**
 * No refresh sends more than this, whatever search reports: a busy agent's quarter needs about 70, and a
 * search that keeps claiming more than 1,000 results must not split windows into thousands of requests.
 */
export const MAX_REQUESTS_PER_REFRESH = 120;

/** One refresh's requests and what could not be read, counted as they happen. */
class RefreshBudget {
  requestsLeft = MAX_REQUESTS_PER_REFRESH;
  unreadableRecords = 0;
  isIncomplete = false;
  constructor(private readonly get: PoliteGet) {}
  /** False once the cap is reached: the caller stops and the figures are marked incomplete. */
  canSend(): boolean {
    if (this.requestsLeft > 0) return true;
    this.isIncomplete = true;
    return false;
  }
  send(url: string): Promise<unknown> {
    this.requestsLeft -= 1;
    return this.get(url);
  }
}

function parse<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new RequestFailure({ kind: 'malformed' });
  return result.output;
}

/**
 * Every page of a search, as far as the budget allows. Each result is read on its own: one odd record
 * (a deleted ticket, a null id) is skipped and counted instead of failing the whole refresh.
 * With `stopOverCap`, a first page reporting more than search can return ends the search there, so the
 * caller can split the window without fetching pages it will throw away.
 */
async function searchAll(
  budget: RefreshBudget,
  query: string,
  options: { includeSlas?: boolean; stopOverCap?: boolean } = {},
): Promise<{ tickets: SearchTicket[]; count: number }> {
  const tickets: SearchTicket[] = [];
  let count = 0;
  for (let page = 1; page <= SEARCH_RESULT_CAP / PAGE_SIZE; page += 1) {
    if (!budget.canSend()) break;
    const body = parse(
      SearchResponseSchema,
      await budget.send(searchUrl(query, page, options.includeSlas ?? false)),
    );
    count = body.count;
    if (options.stopOverCap && count > SEARCH_RESULT_CAP) return { tickets: [], count };
    for (const result of body.results) {
      if (result.result_type !== 'ticket' && result.result_type !== undefined) continue;
      const ticket = v.safeParse(SearchTicketSchema, result);
      if (ticket.success) tickets.push(ticket.output);
      else budget.unreadableRecords += 1;
    }
    if (!body.next_page || body.results.length === 0) break;
  }
  // More than search can list (and not split by the caller): what we have is not all there is.
  if (count > SEARCH_RESULT_CAP) budget.isIncomplete = true;
  return { tickets, count };
}

/**
 * Solved tickets in [since, until). Past search's 1,000-result cap the window is halved and each half
 * searched, so a busy agent's quarter is still complete (offset paging cannot reach result 1,001).
 */
async function searchSolved(
  budget: RefreshBudget,
  since: number,
  until: number,
  updatedAfter?: number,
): Promise<SearchTicket[]> {
  const isSplittable = until - since >= 60_000;
  const { tickets, count } = await searchAll(budget, solvedTicketsQuery(since, until, updatedAfter), {
    stopOverCap: isSplittable,
  });
  if (count <= SEARCH_RESULT_CAP || !isSplittable) return tickets;
  const middle = since + Math.floor((until - since) / 2);
  return [
    ...(await searchSolved(budget, since, middle, updatedAfter)),
    ...(await searchSolved(budget, middle, until, updatedAfter)),
  ];
}

async function metricSetsFor(budget: RefreshBudget, ids: readonly number[]): Promise<Map<number, MetricSet>> {
  const sets = new Map<number, MetricSet>();
  for (let i = 0; i < ids.length; i += PAGE_SIZE) {
    if (!budget.canSend()) break;
    const body = parse(ShowManyResponseSchema, await budget.send(showManyUrl(ids.slice(i, i + PAGE_SIZE))));
    for (const raw of body.metric_sets) {
      const set = v.safeParse(MetricSetSchema, raw);
      if (set.success) sets.set(set.output.ticket_id, set.output);
      else budget.unreadableRecords += 1;
    }
  }
  return sets;
}

async function withMetrics(
  budget: RefreshBudget,
  tickets: readonly SearchTicket[],
): Promise<{ facts: TicketFact[]; withoutMetrics: number }> {
  const unique = [...new Map(tickets.map((t) => [t.id, t])).values()];
  const sets = await metricSetsFor(
    budget,
    unique.map((t) => t.id),
  );
  return {
    facts: unique.map((t) => toTicketFact(t, sets.get(t.id))),
    withoutMetrics: unique.filter((t) => !sets.has(t.id)).length,
  };
}

async function teamCounts(
  budget: RefreshBudget,
  requests: readonly TeamCountRequest[],
): Promise<TeamCount[]> {
  const counts: TeamCount[] = [];
  for (const request of requests) {
    if (!budget.canSend()) break;
    const body = parse(CountResponseSchema, await budget.send(countUrl(teamCountQuery(request))));
    counts.push({ ...request, count: body.count });
  }
  return counts;
}

function gapsOf(budget: RefreshBudget, ticketsWithoutMetrics: number): SnapshotGaps {
  return {
    unreadableRecords: budget.unreadableRecords,
    ticketsWithoutMetrics,
    isIncomplete: budget.isIncomplete,
  };
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
  /** Called with the agent's own figures before the team counts are asked for. */
  onPersonal?: (personal: AgentSnapshot) => void,
): Promise<AgentSnapshot> {
  const budget = new RefreshBudget(get);
  const solved = await withMetrics(budget, await searchSolved(budget, plan.solvedSince, now + 60_000));
  const open = await withMetrics(
    budget,
    (await searchAll(budget, BACKLOG_QUERY, { includeSlas: true })).tickets,
  );
  const personal: AgentSnapshot = {
    agentId,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets: solved.facts.filter(isSolved),
    openTickets: open.facts.filter((t) => !isSolved(t)),
    teamCounts: [],
    isTeamViewPartial,
    gaps: gapsOf(budget, solved.withoutMetrics + open.withoutMetrics),
  };
  if (plan.teamCounts.length > 0) onPersonal?.(personal);
  const counts = await teamCounts(budget, plan.teamCounts);
  return {
    ...personal,
    teamCounts: counts,
    gaps: gapsOf(budget, solved.withoutMetrics + open.withoutMetrics),
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
  isTeamViewPartial = previous.isTeamViewPartial,
): Promise<AgentSnapshot> {
  const budget = new RefreshBudget(get);
  const changedSolved = await searchSolved(
    budget,
    plan.solvedSince,
    now + 60_000,
    previous.fetchedAt - DELTA_OVERLAP_MS,
  );
  const openResults = (await searchAll(budget, BACKLOG_QUERY, { includeSlas: true })).tickets;
  const known = new Map(previous.openTickets.map((t) => [t.id, t]));
  const changedOpen = openResults.filter((t) => {
    const before = known.get(t.id);
    return !before || before.updatedAt !== Date.parse(t.updated_at);
  });
  const { facts: fresh } = await withMetrics(budget, [...changedSolved, ...changedOpen]);
  const freshById = new Map(fresh.map((t) => [t.id, t]));
  const openIds = new Set(openResults.map((t) => t.id));
  const slaById = new Map(openResults.map((t) => [t.id, toTicketFact(t, undefined).activeSlaBreachAt]));

  const solved = new Map(previous.solvedTickets.filter((t) => !openIds.has(t.id)).map((t) => [t.id, t]));
  for (const t of fresh) if (isSolved(t)) solved.set(t.id, t);
  const open = [...openIds].map((id) => {
    const fact = freshById.get(id) ?? known.get(id);
    return fact ? { ...fact, activeSlaBreachAt: slaById.get(id) ?? null } : undefined;
  });
  const solvedTickets = [...solved.values()].filter(
    (t) => t.solvedAt === null || t.solvedAt >= plan.solvedSince,
  );
  const counts = await teamCounts(budget, plan.teamCounts);
  return {
    ...previous,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets,
    openTickets: open.filter((t): t is TicketFact => t !== undefined && !isSolved(t)),
    teamCounts: counts,
    // What this agent may see now, not what the snapshot it started from was fetched with.
    isTeamViewPartial,
    // A solved ticket's metric set always has solved_at: without one, the set was missing.
    gaps: gapsOf(budget, solvedTickets.filter((t) => t.solvedAt === null).length),
  };
}
