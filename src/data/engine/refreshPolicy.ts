/**
 * When the engine refreshes, as pure functions of what it knows: no timers, no storage, no I/O. The engine
 * (createDataEngine.ts) calls these on every tick and message; the tests in spec/data/engine drive them through
 * it with a manual clock.
 */
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { DataError, RefreshReason } from '../engineState';
import type { SharedState } from './engineTypes';

/** Saves this close together share one refresh; a longer stream of saves is not postponed forever. */
const SAVE_COALESCE_MS = 30_000;
const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 10 * 60_000;
/**
 * Refreshes that find none of the agent's tickets changed stretch the timer, up to this many refresh intervals;
 * any change, save or request brings it back. A quiet afternoon costs a third of a busy one.
 */
const MAX_QUIET_STRETCH = 3;

/** What has been asked for and not yet covered by newer figures. */
export interface RefreshRequests {
  /** A refresh asked for (here or by another tab) and when. */
  pending: { reason: RefreshReason; at: number } | null;
  /** Re-check after the index lag: when it is due, and when the first save it covers was made. */
  recheck: { at: number; firstSaveAt: number } | null;
  /** A save in a long stream of them: its own re-check, after the current one. */
  followUpRecheckAt: number | null;
}

export const NO_REQUESTS: RefreshRequests = { pending: null, recheck: null, followUpRecheckAt: null };

/** Figures from the future (the clock moved back since) have no known age: never fresh. */
export function isFresh(refreshedAt: number, now: number, withinMs: number): boolean {
  const age = now - refreshedAt;
  return age >= 0 && age < withinMs;
}

export interface RequestContext {
  now: number;
  indexLagMs: number;
  refreshMs: number;
  shared: Pick<SharedState, 'isRefreshing' | 'refreshedAt'>;
}

/** The requests after one more: a save schedules a re-check, opening or showing a sidebar only stale figures. */
export function withRequest(
  requests: RefreshRequests,
  reason: RefreshReason,
  { now, indexLagMs, refreshMs, shared }: RequestContext,
): RefreshRequests {
  const { recheck } = requests;
  if (reason === 'ticketSaved') {
    // Search cannot see a save until its index catches up: one refresh then, not a wasted one now. Saves in
    // a burst push that moment back so they share one refresh; a long stream gets a follow-up instead of
    // postponing the first forever.
    const at = now + indexLagMs;
    if (!recheck) return { ...requests, recheck: { at, firstSaveAt: now } };
    if (now - recheck.firstSaveAt <= SAVE_COALESCE_MS) return { ...requests, recheck: { ...recheck, at } };
    return { ...requests, followUpRecheckAt: at };
  }
  if (reason === 'indexLagRecheck') return { ...requests, recheck: recheck ?? { at: now, firstSaveAt: now } };
  // A fetch under way will bring fresh figures anyway (a manual refresh included).
  if (shared.isRefreshing) return requests;
  // Opening or showing a sidebar repaints from the shared figures; it fetches only when they are as old as
  // the refresh interval (a save has its own re-check). Switching ticket tabs costs nothing.
  if (reason !== 'manual' && isFresh(shared.refreshedAt, now, refreshMs)) return requests;
  if (!requests.pending || reason === 'manual') return { ...requests, pending: { reason, at: now } };
  return requests;
}

/** Newer figures make a waiting request (or a re-check they already cover) pointless. */
export function coveredBy(
  requests: RefreshRequests,
  refreshedAt: number,
  indexLagMs: number,
): RefreshRequests {
  const pending = requests.pending && requests.pending.at <= refreshedAt ? null : requests.pending;
  let recheck = requests.recheck && requests.recheck.at <= refreshedAt ? null : requests.recheck;
  let followUpRecheckAt = requests.followUpRecheckAt;
  if (!recheck && followUpRecheckAt !== null) {
    if (followUpRecheckAt > refreshedAt)
      recheck = { at: followUpRecheckAt, firstSaveAt: followUpRecheckAt - indexLagMs };
    followUpRecheckAt = null;
  }
  return { pending, recheck, followUpRecheckAt };
}

export interface DueContext {
  now: number;
  shared: Pick<SharedState, 'nextTryAt' | 'error' | 'refreshedAt'>;
  requests: RefreshRequests;
  isAnyoneLooking: boolean;
  refreshMs: number;
  quietRefreshes: number;
}

/** Whether the leader should refresh now. */
export function isDue({
  now,
  shared,
  requests,
  isAnyoneLooking,
  refreshMs,
  quietRefreshes,
}: DueContext): boolean {
  const { pending, recheck } = requests;
  // An agent's own "Try again" may cut our back-off short; a 429's Retry-After it may not.
  const isManualRetry = pending?.reason === 'manual' && shared.error?.kind !== 'rateLimited';
  if (now < shared.nextTryAt && !isManualRetry) return false;
  // After a failure, retry while someone is looking, or when a tab asked for figures.
  if (shared.error) return isAnyoneLooking || pending !== null || (recheck !== null && now >= recheck.at);
  if (pending) return true;
  if (recheck && now >= recheck.at) return true;
  const stretch = Math.min(MAX_QUIET_STRETCH, 1 + quietRefreshes);
  return isAnyoneLooking && !isFresh(shared.refreshedAt, now, stretch * refreshMs);
}

/** When to try again after a failure: Zendesk's Retry-After is the floor; our back-off only adds to it. */
export function nextTryAfter(
  error: DataError,
  failuresInRow: number,
  now: number,
  random: () => number,
): number {
  if (error.kind === 'rateLimited') return Math.max(error.retryAt, now);
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failuresInRow - 1));
  // "Equal jitter": at least half the delay, so retries spread out but never come early.
  return now + base / 2 + (random() * base) / 2;
}

/**
 * The first moment a session may refresh: at once with nothing to show, or over fresh figures; a random moment
 * within the spread over stale cached figures, so a team opening Zendesk at nine is not one burst.
 */
export function firstTryAt(
  cachedRefreshedAt: number | null,
  now: number,
  refreshMs: number,
  spreadMs: number,
  random: () => number,
): number {
  const isCacheDue = cachedRefreshedAt !== null && now - cachedRefreshedAt >= refreshMs;
  return isCacheDue ? now + random() * spreadMs : 0;
}

/** Whether two snapshots hold the same tickets in the same versions (counts aside): a quiet refresh. */
export function hasSameTickets(before: AgentSnapshot, after: AgentSnapshot): boolean {
  const versions = (snapshot: AgentSnapshot) =>
    new Map([...snapshot.solvedTickets, ...snapshot.openTickets].map((t) => [t.id, t.updatedAt]));
  const a = versions(before);
  const b = versions(after);
  return a.size === b.size && [...a].every(([id, updatedAt]) => b.get(id) === updatedAt);
}
