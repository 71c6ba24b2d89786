import * as v from 'valibot';
import type {
  AgentSnapshot,
  OwnCount,
  OwnCountRequest,
  SnapshotGaps,
  TeamCount,
  TeamCountRequest,
  TicketFact,
} from '../../core/goals/ticketFacts';
import type { FetchPlan } from '../../core/metrics/fetchPlan';
import { countKey } from '../../core/metrics/fetchPlan';
import type { PoliteGet } from './politeRequest';
import { RequestFailure } from './requestFailure';
import {
  backlogQuery,
  changedTicketsQuery,
  countUrl,
  ownCountQuery,
  searchUrl,
  showManyUrl,
  solvedTicketsQuery,
  teamCountQuery,
} from './searchQuery';
import type { Assignee } from './searchQuery';
import { toTicketFact } from './ticketFactMapper';
import type { MetricSet, SearchTicket } from './zendeskSchemas';
import {
  CountResponseSchema,
  MetricSetSchema,
  SearchResponseSchema,
  SearchTicketSchema,
  ShowManyResponseSchema,
} from './zendeskSchemas';

export type SnapshotPlan = FetchPlan;

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

/** One refresh's requests and what could not be read, counted as they happen, for one agent's tickets. */
class RefreshBudget {
  requestsLeft = MAX_REQUESTS_PER_REFRESH;
  unreadableRecords = 0;
  isIncomplete = false;
  constructor(
    private readonly get: PoliteGet,
    readonly assignee: Assignee = 'me',
  ) {}
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

/** Sub-windows are sized for this many results, leaving room for uneven days under the 1,000 cap. */
const RESULTS_PER_SPLIT = 800;

/**
 * Solved tickets in [since, until). Past search's 1,000-result cap, page 1's `count` says how many parts the
 * window needs, and each part is searched (again split if the solves bunch up), so a busy agent's quarter is
 * complete (offset paging cannot reach result 1,001) for one wasted request, not ten.
 */
async function searchSolved(budget: RefreshBudget, since: number, until: number): Promise<SearchTicket[]> {
  const isSplittable = until - since >= 60_000;
  const { tickets, count } = await searchAll(budget, solvedTicketsQuery(since, until, budget.assignee), {
    stopOverCap: isSplittable,
  });
  if (count <= SEARCH_RESULT_CAP || !isSplittable) return tickets;
  const parts = Math.min(64, Math.max(2, Math.ceil(count / RESULTS_PER_SPLIT)));
  const found: SearchTicket[] = [];
  for (let part = 0; part < parts; part += 1) {
    const partStart = since + Math.floor(((until - since) * part) / parts);
    const partEnd = part === parts - 1 ? until : since + Math.floor(((until - since) * (part + 1)) / parts);
    found.push(...(await searchSolved(budget, partStart, partEnd)));
  }
  return found;
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

async function countAll<R extends TeamCountRequest | OwnCountRequest>(
  budget: RefreshBudget,
  requests: readonly R[],
  queryOf: (request: R) => string,
): Promise<(R & { count: number })[]> {
  const counts: (R & { count: number })[] = [];
  for (const request of requests) {
    if (!budget.canSend()) break;
    const body = parse(CountResponseSchema, await budget.send(countUrl(queryOf(request))));
    counts.push({ ...request, count: body.count });
  }
  return counts;
}

const teamCounts = (budget: RefreshBudget, requests: readonly TeamCountRequest[]): Promise<TeamCount[]> =>
  countAll(budget, requests, teamCountQuery);

const ownCounts = (budget: RefreshBudget, requests: readonly OwnCountRequest[]): Promise<OwnCount[]> =>
  countAll(budget, requests, (request) => ownCountQuery(request, budget.assignee));

function gapsOf(budget: RefreshBudget, ticketsWithoutMetrics: number): SnapshotGaps {
  return {
    unreadableRecords: budget.unreadableRecords,
    ticketsWithoutMetrics,
    isIncomplete: budget.isIncomplete,
  };
}

const isSolvedStatus = (status: string) => status === 'solved' || status === 'closed';
const isSolved = (t: TicketFact) => isSolvedStatus(t.status);

/**
 * Whether a ticket seen again needs its metric set fetched again. A solved ticket already known as solved
 * keeps its solve time, replies and reopens (a new rating comes with the search result); an open ticket
 * already answered keeps its first reply time, which never changes. Anything else is asked for. A ticket
 * reopened and solved again between two refreshes keeps its old times until the hourly full refresh.
 */
function needsMetricSet(ticket: SearchTicket, known: TicketFact | undefined, plan: SnapshotPlan): boolean {
  // The same version as last time (a delta's overlap, an unchanged backlog ticket): nothing new to read.
  if (known && known.updatedAt === Date.parse(ticket.updated_at) && known.status === ticket.status)
    return false;
  if (isSolvedStatus(ticket.status)) return !known || !isSolved(known) || known.solvedAt === null;
  if (!plan.backlogNeedsMetricSets) return false;
  // Never touched since it was created: nobody has replied (a reply updates the ticket), nothing to read.
  if (ticket.updated_at === ticket.created_at) return false;
  if (!known || isSolved(known)) return true;
  // Still unanswered as far as we know: its first reply matters only while it waits on the agent (the
  // first-reply nudge looks at new and open tickets); pending or on hold, it waits for the next backlog list.
  return known.firstReplyMinutes.calendar === null && (ticket.status === 'new' || ticket.status === 'open');
}

/** Facts for tickets seen again: metric sets fetched only where needed, the rest kept from what was known. */
async function factsOf(
  budget: RefreshBudget,
  tickets: readonly SearchTicket[],
  known: ReadonlyMap<number, TicketFact>,
  plan: SnapshotPlan,
): Promise<{ facts: TicketFact[]; withoutMetrics: number }> {
  const fetched = await withMetrics(
    budget,
    tickets.filter((t) => needsMetricSet(t, known.get(t.id), plan)),
  );
  const byId = new Map(fetched.facts.map((fact) => [fact.id, fact]));
  const facts = tickets.map((ticket) => {
    const fresh = byId.get(ticket.id);
    if (fresh) return fresh;
    const fact = toTicketFact(ticket, undefined);
    const before = known.get(ticket.id);
    return before
      ? {
          ...fact,
          solvedAt: isSolved(fact) ? before.solvedAt : null,
          firstReplyMinutes: before.firstReplyMinutes,
          fullResolutionMinutes: before.fullResolutionMinutes,
          publicReplies: before.publicReplies,
          reopens: before.reopens,
        }
      : fact;
  });
  return { facts, withoutMetrics: fetched.withoutMetrics };
}

/** The agent's backlog with its SLA state, and metric sets only when a goal needs them. */
async function backlogList(
  budget: RefreshBudget,
  plan: SnapshotPlan,
  known: ReadonlyMap<number, TicketFact> = new Map(),
): Promise<{ facts: TicketFact[]; withoutMetrics: number }> {
  const { tickets } = await searchAll(budget, backlogQuery(budget.assignee), { includeSlas: true });
  const { facts, withoutMetrics } = await factsOf(budget, tickets, known, plan);
  return { facts: facts.filter((t) => !isSolved(t)), withoutMetrics };
}

/**
 * Answers already received by an earlier attempt of the same refresh, by URL. A refresh cut short by a 429
 * or an outage keeps what it got: the retry asks only for what is missing, so a tight budget delays figures
 * but never starves them.
 */
export type ResponseMemo = Map<string, unknown>;

export function rememberingGet(get: PoliteGet, memo: ResponseMemo | undefined): PoliteGet {
  if (!memo) return get;
  return async (url) => {
    if (memo.has(url)) return memo.get(url);
    const body = await get(url);
    memo.set(url, body);
    return body;
  };
}

export interface FullFetchOptions {
  isTeamViewPartial?: boolean;
  /** Called with the agent's own figures before the team counts are asked for. */
  onPersonal?: (personal: AgentSnapshot) => void;
  memo?: ResponseMemo;
  /** What the last refresh knew of the backlog: a first reply time, once known, is not fetched again. */
  knownOpenTickets?: readonly TicketFact[];
  /** Whose figures: the signed-in agent's, or (an admin's preview) another agent's by id. */
  assignee?: Assignee;
  /** Solves are listed up to here (a past review window); by default up to now. */
  solvedUntil?: number;
  /** No backlog list (a review of past solves needs none). */
  skipBacklog?: boolean;
}

/**
 * Everything one full refresh needs, by the plan: the agent's solved tickets since `solvedSince` with their
 * metric sets (today, for most goal mixes), the backlog, and one search/count per count-only figure. For a
 * typical agent 4 requests + counts, and for one with thousands of solves in the quarter hardly more.
 */
export async function fetchAgentSnapshot(
  get: PoliteGet,
  agentId: number,
  plan: SnapshotPlan,
  now: number,
  options: FullFetchOptions = {},
): Promise<AgentSnapshot> {
  const budget = new RefreshBudget(rememberingGet(get, options.memo), options.assignee);
  const solved = await withMetrics(
    budget,
    await searchSolved(budget, plan.solvedSince, options.solvedUntil ?? now + 60_000),
  );
  const open = options.skipBacklog
    ? { facts: [], withoutMetrics: 0 }
    : await backlogList(budget, plan, new Map((options.knownOpenTickets ?? []).map((t) => [t.id, t])));
  const own = await ownCounts(budget, plan.ownCounts);
  const personal: AgentSnapshot = {
    agentId,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets: solved.facts.filter(isSolved),
    openTickets: open.facts,
    ownCounts: own,
    teamCounts: [],
    countsFetchedAt: now,
    isTeamViewPartial: options.isTeamViewPartial ?? false,
    gaps: gapsOf(budget, solved.withoutMetrics + open.withoutMetrics),
  };
  if (plan.teamCounts.length > 0) options.onPersonal?.(personal);
  const counts = await teamCounts(budget, plan.teamCounts);
  return {
    ...personal,
    teamCounts: counts,
    gaps: gapsOf(budget, solved.withoutMetrics + open.withoutMetrics),
  };
}

type CountLike = Parameters<typeof countKey>[0];

/** Planned counts the previous snapshot does not hold (a new window, a changed team). */
const notYetCounted = <R extends CountLike>(planned: readonly R[], have: readonly CountLike[]): R[] => {
  const known = new Set(have.map(countKey));
  return planned.filter((request) => !known.has(countKey(request)));
};

/** Counts the plan still asks for: one for a window that has ended is dropped. */
const stillPlanned = <C extends CountLike>(have: readonly C[], planned: readonly CountLike[]): C[] => {
  const keys = new Set(planned.map(countKey));
  return have.filter((count) => keys.has(countKey(count)));
};

export interface ChangesFetchOptions {
  isTeamViewPartial?: boolean;
  /** The counts and the backlog list are due for a full refresh (they are otherwise carried over). */
  countsAreDue: boolean;
  memo?: ResponseMemo;
}

/**
 * A refresh after the first: one search for the agent's tickets changed since the last refresh (minus an
 * overlap), metric sets only for the solved ones among them, and counts only when due or newly needed.
 * Typically 1–2 requests, whatever the length of the goal windows. A ticket reassigned away from the agent
 * drops out of the backlog when the backlog list is next fetched with the counts.
 */
export async function fetchSnapshotChanges(
  get: PoliteGet,
  previous: AgentSnapshot,
  plan: SnapshotPlan,
  now: number,
  options: ChangesFetchOptions,
): Promise<AgentSnapshot> {
  const budget = new RefreshBudget(rememberingGet(get, options.memo));
  const changed = await searchAll(budget, changedTicketsQuery(previous.fetchedAt - DELTA_OVERLAP_MS), {
    includeSlas: true,
  });
  // More changes than search lists (a bulk update): only a full refresh sees them all.
  if (changed.count > SEARCH_RESULT_CAP) return fetchAgentSnapshot(get, previous.agentId, plan, now, options);
  const solved = new Map(previous.solvedTickets.map((t) => [t.id, t]));
  const open = new Map(previous.openTickets.map((t) => [t.id, t]));
  const known = new Map([...open, ...solved]);
  const { facts } = await factsOf(budget, changed.tickets, known, plan);
  const solvedFacts = facts.filter(isSolved);
  const openFacts = new Map(facts.filter((t) => !isSolved(t)).map((t) => [t.id, t]));

  let touchesCountedPast = false;
  for (const fact of solvedFacts) {
    open.delete(fact.id);
    if (fact.solvedAt === null || fact.solvedAt >= plan.solvedSince) solved.set(fact.id, fact);
    else {
      solved.delete(fact.id);
      // A rating or a change on a ticket solved before the list: the counts that hold it are out of date.
      touchesCountedPast = true;
    }
  }
  for (const ticket of changed.tickets.filter((t) => !isSolvedStatus(t.status))) {
    solved.delete(ticket.id);
    open.set(ticket.id, openFacts.get(ticket.id) ?? toTicketFact(ticket, undefined));
  }

  const due = options.countsAreDue;
  const ownDue = due || touchesCountedPast;
  const freshOwn = await ownCounts(
    budget,
    ownDue ? plan.ownCounts : notYetCounted(plan.ownCounts, previous.ownCounts),
  );
  const freshBacklog = due ? await backlogList(budget, plan, open) : null;
  const freshTeam = await teamCounts(
    budget,
    due ? plan.teamCounts : notYetCounted(plan.teamCounts, previous.teamCounts),
  );
  const solvedTickets = [...solved.values()].filter(
    (t) => t.solvedAt === null || t.solvedAt >= plan.solvedSince,
  );
  return {
    ...previous,
    fetchedAt: now,
    solvedSince: plan.solvedSince,
    solvedTickets,
    openTickets: freshBacklog?.facts ?? [...open.values()],
    ownCounts: ownDue ? freshOwn : [...stillPlanned(previous.ownCounts, plan.ownCounts), ...freshOwn],
    teamCounts: due ? freshTeam : [...stillPlanned(previous.teamCounts, plan.teamCounts), ...freshTeam],
    countsFetchedAt: due ? now : previous.countsFetchedAt,
    // What this agent may see now, not what the snapshot it started from was fetched with.
    isTeamViewPartial: options.isTeamViewPartial ?? previous.isTeamViewPartial,
    // A solved ticket's metric set always has solved_at: without one, the set was missing.
    gaps: gapsOf(budget, solvedTickets.filter((t) => t.solvedAt === null).length),
  };
}
