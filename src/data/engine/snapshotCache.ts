import type { AgentSnapshot } from '../../core/goals/ticketFacts';

/** The part of Web Storage the engine uses; localStorage in the app, a Map in tests and benchmarks. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const VERSION = 1;
/** Older figures are not worth painting: a week-old backlog would mislead more than a spinner. */
export const CACHE_MAX_AGE_MS = 7 * 86_400_000;

interface CachedFigures {
  version: number;
  accountSubdomain: string;
  agentId: number;
  refreshedAt: number;
  snapshot: AgentSnapshot;
}

export const cacheKey = (accountSubdomain: string, agentId: number) =>
  `goalpost:v${VERSION}:${accountSubdomain}:${agentId}`;

/**
 * Last good figures per account and agent. Ticket facts only (ids, statuses, times, scores): no subjects,
 * comments or names. A record is used only if it names the same account and agent as its key promises.
 */
export function readCachedSnapshot(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
  now: number,
): { snapshot: AgentSnapshot; refreshedAt: number } | null {
  try {
    const raw = store.getItem(cacheKey(accountSubdomain, agentId));
    if (!raw) return null;
    const cached = JSON.parse(raw) as Partial<CachedFigures>;
    const isOurs =
      cached.version === VERSION &&
      cached.accountSubdomain === accountSubdomain &&
      cached.agentId === agentId &&
      cached.snapshot?.agentId === agentId &&
      // Valid JSON of the wrong shape (an older build, a hand edit) must not reach the UI.
      Array.isArray(cached.snapshot.solvedTickets) &&
      Array.isArray(cached.snapshot.openTickets) &&
      Array.isArray(cached.snapshot.teamCounts) &&
      typeof cached.snapshot.solvedSince === 'number' &&
      typeof cached.refreshedAt === 'number' &&
      now - cached.refreshedAt < CACHE_MAX_AGE_MS;
    return isOurs && cached.snapshot && cached.refreshedAt !== undefined
      ? { snapshot: cached.snapshot, refreshedAt: cached.refreshedAt }
      : null;
  } catch {
    return null;
  }
}

export function writeCachedSnapshot(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
  snapshot: AgentSnapshot,
  refreshedAt: number,
): void {
  const record: CachedFigures = { version: VERSION, accountSubdomain, agentId, refreshedAt, snapshot };
  try {
    store.setItem(cacheKey(accountSubdomain, agentId), JSON.stringify(record));
  } catch {
    // Storage full or blocked: the figures still show, they just won't paint instantly next time.
  }
}
