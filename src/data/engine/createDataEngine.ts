import type { PendingSolve } from '../../core/goals/pendingSolves';
import {
  mergePendingSolves,
  PENDING_SOLVE_MAX_MS,
  reconcilePendingSolves,
} from '../../core/goals/pendingSolves';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { DataEngine, DataError, EngineState, RefreshReason } from '../engineState';
import type { ResponseMemo } from '../zendesk/fetchAgentSnapshot';
import { dataErrorOf } from '../zendesk/requestFailure';
import type { Leadership } from './leadership';
import { leaseLeadership } from './leadership';
import type { KeyValueStore } from './snapshotCache';
import {
  discardCachedSnapshot,
  parseSnapshot,
  readCachedSnapshot,
  writeCachedSnapshot,
} from './snapshotCache';

/** Where figures come from: a full fetch, or only what changed since `previous`. */
export interface SnapshotSource {
  /**
   * Everything afresh. `onPersonal`, when given, receives the agent's own figures as soon as they are in,
   * before the team counts: on a first load the agent need not wait for the whole budget to see them.
   * `memo` holds the answers an earlier, failed attempt of the same refresh already got.
   */
  full(
    now: number,
    options?: {
      onPersonal?: (personal: AgentSnapshot) => void;
      memo?: ResponseMemo;
      previous?: AgentSnapshot | null;
    },
  ): Promise<AgentSnapshot>;
  /** `isAsked`: the agent pressed Refresh, so slower-changing parts (team counts) are fetched afresh too. */
  changes(
    previous: AgentSnapshot,
    now: number,
    options?: { memo?: ResponseMemo; isAsked?: boolean },
  ): Promise<AgentSnapshot>;
  /** The earliest window start the goals need now; a change (period rollover) forces a full fetch. */
  solvedSince(now: number): number;
}

export interface EngineClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of BroadcastChannel the engine uses. */
export interface MessageChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface DataEngineOptions {
  source: SnapshotSource;
  accountSubdomain: string;
  agentId: number;
  clock: EngineClock;
  storage: KeyValueStore;
  openChannel: (name: string) => MessageChannelLike;
  /** Unique per sidebar instance (crypto.randomUUID() in the app). */
  instanceId: string;
  refreshMinutes: number;
  /** How long search takes to see a change; a save triggers one re-check after it. */
  indexLagSeconds?: number;
  /**
   * A full refetch about this often (±25 %) heals anything a delta could miss: a ticket reopened and solved
   * again between two refreshes, a metric corrected afterwards. Default 120 minutes.
   */
  fullRefreshEveryMinutes?: number;
  /** Jitter for the retry delay after a failure, so tabs of many agents do not retry in step. */
  random?: () => number;
  /**
   * Who leads among the agent's tabs; by default a lease in `storage`. The app uses Web Locks where the
   * browser has them (see leadership.ts).
   */
  leadership?: Leadership;
  /**
   * When a session starts with cached figures that are due for a refresh, that refresh waits a random moment
   * up to this long (the cached figures show meanwhile, with their age): a whole team opening Zendesk at
   * nine o'clock does not hit the account's budget in the same minute. 0 (the default) waits not at all.
   */
  firstRefreshSpreadMs?: number;
}

type EngineMessage =
  | { type: 'state'; from: string; state: SharedState }
  | { type: 'refreshRequest'; from: string; reason: RefreshReason }
  | { type: 'presence'; from: string; isVisible: boolean }
  | { type: 'leaving'; from: string };

/** What the leader tells every tab; also what a tab needs to carry on if it becomes the leader. */
interface SharedState {
  snapshot: AgentSnapshot | null;
  refreshedAt: number;
  error: DataError | null;
  isRefreshing: boolean;
  /** No request before this moment (Retry-After, or back-off after failures). */
  nextTryAt: number;
  failuresInRow: number;
  /** When the last full fetch ran: a new leader does not refetch everything just because it is new. */
  lastFullAt: number;
  /** The agent's own solves, counted at once and shown as pending until search confirms them. */
  pendingSolves: readonly PendingSolve[];
}

const isInstant = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A state from another tab, if it can be trusted: the right shape (a corrupt or foreign message is
 * dropped), and a refresh time that is not in the future. Timers from the future are capped.
 */
function sanitiseShared(state: unknown, now: number): SharedState | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Partial<SharedState>;
  if (
    !isInstant(s.refreshedAt) ||
    !isInstant(s.nextTryAt) ||
    !isInstant(s.failuresInRow) ||
    !isInstant(s.lastFullAt) ||
    typeof s.isRefreshing !== 'boolean' ||
    s.refreshedAt > now
  )
    return null;
  const snapshot = s.snapshot === null || s.snapshot === undefined ? null : parseSnapshot(s.snapshot);
  if (s.snapshot && !snapshot) return null;
  const error = s.error && typeof s.error === 'object' && typeof s.error.kind === 'string' ? s.error : null;
  return {
    snapshot,
    refreshedAt: s.refreshedAt,
    error,
    isRefreshing: s.isRefreshing,
    nextTryAt: Math.min(s.nextTryAt, now + MAX_RETRY_MS),
    failuresInRow: Math.max(0, Math.min(50, Math.floor(s.failuresInRow))),
    lastFullAt: Math.min(s.lastFullAt, now),
    pendingSolves: sanitisePendingSolves(s.pendingSolves, now),
  };
}

/** Pending solves from storage or another tab: well-formed, not from the future, and few. */
function sanitisePendingSolves(value: unknown, now: number): PendingSolve[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (solve: unknown): solve is PendingSolve =>
        typeof solve === 'object' &&
        solve !== null &&
        Number.isSafeInteger((solve as PendingSolve).ticketId) &&
        isInstant((solve as PendingSolve).solvedAt) &&
        (solve as PendingSolve).solvedAt <= now,
    )
    .slice(0, 50);
}

/** How often each tab renews its presence and the leader its lease. */
const TICK_MS = 5_000;
const PRESENCE_TTL_MS = 15_000;
/**
 * A refresh cut short (429, outage) is resumed with the answers it got, if retried within this; later, its
 * start time is too old to stamp the figures with, and it starts afresh.
 */
const RESUME_WITHIN_MS = 10 * 60_000;
/**
 * Refreshes that find none of the agent's tickets changed stretch the timer, up to this many refresh intervals;
 * any change, save or request brings it back. A quiet afternoon costs a third of a busy one.
 */
const MAX_QUIET_STRETCH = 3;

/** Whether two snapshots hold the same tickets in the same versions (counts aside). */
function hasSameTickets(before: AgentSnapshot, after: AgentSnapshot): boolean {
  const versions = (snapshot: AgentSnapshot) =>
    new Map([...snapshot.solvedTickets, ...snapshot.openTickets].map((t) => [t.id, t.updatedAt]));
  const a = versions(before);
  const b = versions(after);
  return a.size === b.size && [...a].every(([id, updatedAt]) => b.get(id) === updatedAt);
}
/**
 * The sidebar offers its Refresh button only once figures are this old, unless the last refresh failed (it
 * says when the next one is possible).
 */
export const FRESH_ENOUGH_MS = 30_000;
/** Saves this close together share one refresh; a longer stream of saves is not postponed forever. */
const SAVE_COALESCE_MS = 30_000;
const FIRST_RETRY_MS = 30_000;
/** No fetch takes this long, even waiting politely for budget: a longer one means the clock was moved. */
const CLOCK_JUMP_MS = 20 * 60_000;
const MAX_RETRY_MS = 10 * 60_000;

/**
 * One data engine per sidebar instance; the instances of one agent elect a leader through a lease in
 * localStorage, and only the leader talks to Zendesk. Results, refresh requests and visibility travel over a
 * BroadcastChannel, so ten open tabs cost what one does. See docs/data-engine.md.
 */
export function createDataEngine(options: DataEngineOptions): DataEngine {
  const { source, clock, storage, instanceId, accountSubdomain, agentId } = options;
  const indexLagMs = (options.indexLagSeconds ?? 70) * 1000;
  const fullEveryMs = (options.fullRefreshEveryMinutes ?? 120) * 60_000;
  // Each agent's full refetches drift apart (±25 %): a team that started at nine does not refetch in step.
  const nextFullGapMs = () => fullEveryMs * (0.75 + 0.5 * random());
  const random = options.random ?? Math.random;
  let fullGapMs = nextFullGapMs();
  const leadership =
    options.leadership ??
    leaseLeadership(storage, `goalpost:v1:lease:${accountSubdomain}:${agentId}`, instanceId);
  const channel = options.openChannel(`goalpost:v1:${accountSubdomain}:${agentId}`);
  const listeners = new Set<(state: EngineState) => void>();
  const presence = new Map<string, { isVisible: boolean; seenAt: number }>();

  const cached = readCachedSnapshot(storage, accountSubdomain, agentId, clock.now());
  // Own solves not yet confirmed, kept across reloads and tabs (a tab may close right after its submit).
  const pendingKey = `goalpost:v1:pending:${accountSubdomain}:${agentId}`;
  const readStoredPending = (): PendingSolve[] => {
    try {
      const now = clock.now();
      return sanitisePendingSolves(JSON.parse(storage.getItem(pendingKey) ?? '[]'), now).filter(
        (solve) => now - solve.solvedAt < PENDING_SOLVE_MAX_MS,
      );
    } catch {
      return [];
    }
  };
  const writeStoredPending = (pending: readonly PendingSolve[]) => {
    try {
      if (pending.length === 0) storage.removeItem(pendingKey);
      else storage.setItem(pendingKey, JSON.stringify(pending));
    } catch {
      // Storage blocked: pending solves live in this page and its broadcasts only.
    }
  };
  const isCacheDue = cached !== null && clock.now() - cached.refreshedAt >= options.refreshMinutes * 60_000;
  let shared: SharedState = {
    snapshot: cached?.snapshot ?? null,
    refreshedAt: cached?.refreshedAt ?? 0,
    error: null,
    isRefreshing: false,
    nextTryAt: isCacheDue ? clock.now() + random() * (options.firstRefreshSpreadMs ?? 0) : 0,
    failuresInRow: 0,
    lastFullAt: cached?.lastFullAt ?? 0,
    pendingSolves: readStoredPending(),
  };
  let isVisible = false;
  let isDisposed = false;
  /** Disposed while fetching: finish, share the result, then leave. */
  let isLeaving = false;
  let isLeader = false;
  /** A refresh asked for (here or by another tab) and when; dropped once newer figures arrive. */
  let pending: { reason: RefreshReason; at: number } | null = null;
  /** Re-check after the index lag: when it is due, and when the first save it covers was made. */
  let recheck: { at: number; firstSaveAt: number } | null = null;
  let followUpRecheckAt: number | null = null;
  let inFlight = false;
  let tickHandle: unknown = null;
  /** Refreshes in a row that found nothing new: the timer waits longer (MAX_QUIET_STRETCH). */
  let quietRefreshes = 0;
  /** A refresh that failed part-way, retried with the same start time and the answers it already got. */
  let unfinished: { startedAt: number; isFull: boolean; memo: ResponseMemo } | null = null;

  function publicState(): EngineState {
    if (shared.snapshot) {
      return {
        status: 'ready',
        snapshot: shared.snapshot,
        refreshedAt: shared.refreshedAt,
        isRefreshing: shared.isRefreshing,
        error: shared.error,
        pendingSolves: shared.pendingSolves,
      };
    }
    return shared.error ? { status: 'unavailable', error: shared.error } : { status: 'loading' };
  }

  // One object per change: React's useSyncExternalStore needs a stable snapshot between changes.
  let current = publicState();

  function emit(): void {
    current = publicState();
    listeners.forEach((listener) => listener(current));
  }

  function post(message: EngineMessage): void {
    if (!isDisposed || isLeaving) channel.postMessage(message);
  }

  /** Gives up the lease and says goodbye, so another tab leads at once instead of after the lease expires. */
  function leave(): void {
    isLeaving = false;
    if (tickHandle !== null) clock.clearTimeout(tickHandle);
    leadership.release(clock.now());
    isLeader = false;
    channel.postMessage({ type: 'leaving', from: instanceId } satisfies EngineMessage);
    channel.close();
  }

  function anyVisible(): boolean {
    if (isVisible) return true;
    const now = clock.now();
    for (const seen of presence.values())
      if (seen.isVisible && now - seen.seenAt < PRESENCE_TTL_MS) return true;
    return false;
  }

  /** Newer figures make a waiting request (or a re-check they already cover) pointless. */
  function dropRequestsCoveredBy(refreshedAt: number): void {
    if (pending && pending.at <= refreshedAt) pending = null;
    if (recheck && recheck.at <= refreshedAt) recheck = null;
    if (!recheck && followUpRecheckAt !== null) {
      const at = followUpRecheckAt;
      followUpRecheckAt = null;
      if (at > refreshedAt) recheck = { at, firstSaveAt: at - indexLagMs };
    }
  }

  function setShared(next: SharedState, broadcast: boolean): void {
    if (next.pendingSolves !== shared.pendingSolves) writeStoredPending(next.pendingSolves);
    shared = next;
    if (broadcast) post({ type: 'state', from: instanceId, state: shared });
    emit();
  }

  function retryDelay(failuresInRow: number): number {
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failuresInRow - 1));
    // "Equal jitter": at least half the delay, so retries spread out but never come early.
    return base / 2 + (random() * base) / 2;
  }

  async function runRefresh(): Promise<void> {
    inFlight = true;
    const now = clock.now();
    const resumed =
      unfinished && now >= unfinished.startedAt && now - unfinished.startedAt < RESUME_WITHIN_MS
        ? unfinished
        : null;
    unfinished = null;
    const startedAt = resumed?.startedAt ?? now;
    const memo: ResponseMemo = resumed?.memo ?? new Map();
    // A click on Try again buys one early attempt, not an end to back-off for the rest of an outage.
    const isAsked = pending?.reason === 'manual';
    if (isAsked) pending = null;
    setShared({ ...shared, isRefreshing: true }, true);
    const previous = shared.snapshot;
    const needsFull =
      resumed?.isFull ??
      (!previous ||
        previous.solvedSince !== source.solvedSince(startedAt) ||
        startedAt - shared.lastFullAt >= fullGapMs);
    try {
      const snapshot =
        needsFull || !previous
          ? await source.full(startedAt, {
              memo,
              previous,
              onPersonal: previous
                ? undefined
                : (personal) => {
                    // Nothing on screen yet: show the agent's own figures now, the team's when they arrive.
                    if (!shared.snapshot)
                      setShared({ ...shared, snapshot: personal, refreshedAt: startedAt }, true);
                  },
            })
          : await source.changes(previous, startedAt, { memo, isAsked });
      // Figures are stamped with when their fetch began (a change made meanwhile is not covered by them) —
      // unless the clock jumped during the fetch, back or far forward: then its start means nothing now.
      const finishedAt = clock.now();
      const didClockJump = finishedAt < startedAt || finishedAt - startedAt > CLOCK_JUMP_MS;
      const stampedAt = didClockJump ? finishedAt : startedAt;
      const lastFullAt = needsFull ? stampedAt : shared.lastFullAt;
      if (needsFull) fullGapMs = nextFullGapMs();
      quietRefreshes = previous && hasSameTickets(previous, snapshot) ? quietRefreshes + 1 : 0;
      writeCachedSnapshot(storage, accountSubdomain, agentId, snapshot, stampedAt, lastFullAt);
      dropRequestsCoveredBy(stampedAt);
      setShared(
        {
          snapshot,
          refreshedAt: stampedAt,
          error: null,
          isRefreshing: false,
          nextTryAt: 0,
          failuresInRow: 0,
          lastFullAt,
          pendingSolves: reconcilePendingSolves(shared.pendingSolves, snapshot, clock.now()),
        },
        true,
      );
    } catch (failure) {
      // Whatever arrived before the failure is kept for the retry.
      if (memo.size > 0) unfinished = { startedAt, isFull: needsFull || !previous, memo };
      const error = dataErrorOf(failure);
      const failuresInRow = shared.failuresInRow + 1;
      // Zendesk's Retry-After is the floor; our own back-off only ever adds to it.
      const nextTryAt =
        error.kind === 'rateLimited'
          ? Math.max(error.retryAt, clock.now())
          : clock.now() + retryDelay(failuresInRow);
      setShared({ ...shared, error, isRefreshing: false, nextTryAt, failuresInRow }, true);
    } finally {
      inFlight = false;
      if (isLeaving) leave();
    }
  }

  function isDue(now: number): boolean {
    // An agent's own "Try again" may cut our back-off short; a 429's Retry-After it may not.
    const isManualRetry = pending?.reason === 'manual' && shared.error?.kind !== 'rateLimited';
    if (now < shared.nextTryAt && !isManualRetry) return false;
    // After a failure, retry while someone is looking, or when a tab asked for figures.
    if (shared.error) return anyVisible() || pending !== null || (recheck !== null && now >= recheck.at);
    if (pending) return true;
    if (recheck && now >= recheck.at) return true;
    const stretch = Math.min(MAX_QUIET_STRETCH, 1 + quietRefreshes);
    return anyVisible() && !isFresh(now, stretch * options.refreshMinutes * 60_000);
  }

  /** Figures from the future (the clock moved back since) have no known age: never fresh. */
  function isFresh(now: number, withinMs: number): boolean {
    const age = now - shared.refreshedAt;
    return age >= 0 && age < withinMs;
  }

  function tick(): void {
    if (isDisposed && !isLeaving) return;
    if (isLeaving) {
      // Closed mid-fetch: keep the lease alive until the fetch settles, start nothing new.
      leadership.check(clock.now());
      schedule(TICK_MS);
      return;
    }
    const now = clock.now();
    post({ type: 'presence', from: instanceId, isVisible });
    const wasLeader = isLeader;
    isLeader = leadership.check(clock.now());
    // A leader that vanished mid-fetch left "refreshing" behind; the new leader knows nothing is running.
    if (isLeader && !wasLeader && shared.isRefreshing && !inFlight)
      setShared({ ...shared, isRefreshing: false }, true);
    if (isLeader && !inFlight && isDue(now)) void runRefresh();
    schedule(TICK_MS);
  }

  function schedule(ms: number): void {
    if (isDisposed && !isLeaving) return;
    if (tickHandle !== null) clock.clearTimeout(tickHandle);
    tickHandle = clock.setTimeout(tick, ms);
  }

  function request(reason: RefreshReason): void {
    const now = clock.now();
    if (reason === 'ticketSaved' || reason === 'manual') quietRefreshes = 0;
    if (reason === 'ticketSaved') {
      // Search cannot see a save until its index catches up: one refresh then, not a wasted one now.
      // Saves in a burst push that moment back so they share one refresh, but a long stream of saves
      // gets a follow-up instead of postponing the first forever.
      const at = now + indexLagMs;
      if (!recheck) recheck = { at, firstSaveAt: now };
      else if (now - recheck.firstSaveAt <= SAVE_COALESCE_MS) recheck = { ...recheck, at };
      else followUpRecheckAt = at;
      return;
    }
    if (reason === 'indexLagRecheck') {
      recheck = recheck ?? { at: now, firstSaveAt: now };
      return;
    }
    // A fetch under way will bring fresh figures anyway (a manual refresh included).
    if (shared.isRefreshing) return;
    // Opening or showing a sidebar repaints from the shared figures; it fetches only when they are as old
    // as the refresh interval (a save has its own re-check). Switching ticket tabs costs nothing.
    if (reason !== 'manual' && isFresh(now, options.refreshMinutes * 60_000)) return;
    if (!pending || reason === 'manual') pending = { reason, at: now };
  }

  channel.addEventListener('message', ({ data }) => {
    const message = data as EngineMessage | null;
    if (!message || typeof message !== 'object' || message.from === instanceId || isDisposed) return;
    switch (message.type) {
      case 'state': {
        // Another tab leads: its figures, its back-off and its last full fetch become ours — unless they are
        // stamped later than now (its clock or ours moved), which would freeze them as "just now".
        const incoming = sanitiseShared(message.state, clock.now());
        if (!incoming) break;
        const ownIsFromFuture = shared.refreshedAt > clock.now();
        // Own solves are news whichever tab heard of them: kept from both sides until search confirms them.
        const pendingSolves = mergePendingSolves(
          shared.pendingSolves,
          incoming.pendingSolves,
          incoming.snapshot,
        );
        if (incoming.refreshedAt >= shared.refreshedAt || incoming.error || ownIsFromFuture) {
          if (!incoming.isRefreshing) dropRequestsCoveredBy(incoming.refreshedAt);
          setShared({ ...incoming, pendingSolves }, false);
        } else if (
          incoming.isRefreshing !== shared.isRefreshing ||
          pendingSolves.length !== shared.pendingSolves.length
        ) {
          // "Refreshing" news from the leader, carrying older figures than ours: take the news, keep ours.
          setShared({ ...shared, isRefreshing: incoming.isRefreshing, pendingSolves }, false);
        }
        break;
      }
      case 'refreshRequest':
        request(message.reason);
        if (isLeader) schedule(0);
        break;
      case 'presence': {
        const wasVisible = presence.get(message.from)?.isVisible ?? false;
        presence.set(message.from, { isVisible: message.isVisible, seenAt: clock.now() });
        // A sidebar just shown somewhere: the leader checks at once whether the timer is overdue.
        if (isLeader && message.isVisible && !wasVisible) schedule(0);
        break;
      }
      case 'leaving':
        presence.delete(message.from);
        // If the leader left, a follower takes over now instead of waiting for the lease to expire; the
        // random stagger keeps the followers from all claiming the free lease in the same instant.
        schedule(random() * 1_000);
        break;
    }
  });

  schedule(0);

  const engine: DataEngine = {
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    refresh(reason) {
      request(reason);
      // Forwarded so the leader (whichever tab it is) does the fetching; never fetched here as well.
      post({ type: 'refreshRequest', from: instanceId, reason });
      schedule(0);
    },
    setVisible(visible) {
      if (isDisposed) return;
      isVisible = visible;
      post({ type: 'presence', from: instanceId, isVisible });
      if (visible) engine.refresh('visible');
    },
    recordSolve(ticketId) {
      const now = clock.now();
      if (shared.pendingSolves.some((solve) => solve.ticketId === ticketId)) return;
      setShared({ ...shared, pendingSolves: [...shared.pendingSolves, { ticketId, solvedAt: now }] }, true);
      engine.refresh('ticketSaved');
    },
    discardStoredState() {
      discardCachedSnapshot(storage, accountSubdomain, agentId);
      engine.refresh('manual');
    },
    dispose() {
      if (isDisposed) return;
      post({ type: 'presence', from: instanceId, isVisible: false });
      isDisposed = true;
      listeners.clear();
      // A fetch under way keeps the lease until it settles (and its figures go to the other tabs), so the
      // next leader never starts the same fetch alongside it. If the page itself dies, the lease expires.
      if (inFlight) isLeaving = true;
      else leave();
    },
  };
  return engine;
}
