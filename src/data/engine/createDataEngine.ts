import type { PendingSolve } from '../../core/goals/pendingSolves';
import {
  mergePendingSolves,
  PENDING_SOLVE_MAX_MS,
  reconcilePendingSolves,
} from '../../core/goals/pendingSolves';
import type { DataEngine, EngineState, RefreshReason } from '../engineState';
import { engineChannelName, storageKeys } from '../storageKeys';
import { dataErrorOf } from '../zendesk/requestFailure';
import type { DataEngineOptions, EngineMessage, SharedState } from './engineTypes';
import { leaseLeadership } from './leadership';
import type { RefreshRequests } from './refreshPolicy';
import {
  coveredBy,
  firstTryAt,
  hasSameTickets,
  isDue,
  NO_REQUESTS,
  nextTryAfter,
  withRequest,
} from './refreshPolicy';
import { createRefreshRunner } from './refreshRunner';
import { discardCachedSnapshot, readCachedSnapshot, writeCachedSnapshot } from './snapshotCache';
import { openTabChannel } from './tabChannel';
import { readPendingSolves } from './tabMessages';

/** How often each tab renews its presence and the leader its lease. */
const TICK_MS = 5_000;

/**
 * One data engine per sidebar instance, behind the small DataEngine facade. Its jobs live in their own files:
 * leadership among the agent's tabs (leadership.ts: Web Locks, or a lease in localStorage), the channel between
 * tabs (tabChannel.ts, every message checked by tabMessages.ts), when to refresh (refreshPolicy.ts, pure), and
 * fetching (refreshRunner.ts). Only the leader talks to Zendesk, so ten open tabs cost what one does.
 * See docs/data-engine.md.
 */
export function createDataEngine(options: DataEngineOptions): DataEngine {
  const { clock, storage, instanceId, accountSubdomain, agentId } = options;
  const scope = { accountSubdomain, agentId };
  const indexLagMs = (options.indexLagSeconds ?? 70) * 1000;
  const refreshMs = options.refreshMinutes * 60_000;
  const random = options.random ?? Math.random;
  const leadership = options.leadership ?? leaseLeadership(storage, storageKeys.lease(scope), instanceId);
  const runner = createRefreshRunner(
    options.source,
    clock,
    (options.fullRefreshEveryMinutes ?? 120) * 60_000,
    random,
  );
  const listeners = new Set<(state: EngineState) => void>();

  // Own solves not yet confirmed, kept across reloads and tabs (a tab may close right after its submit).
  const pendingKey = storageKeys.pendingSolves(scope);
  const readStoredPending = (): PendingSolve[] => {
    try {
      const now = clock.now();
      return readPendingSolves(JSON.parse(storage.getItem(pendingKey) ?? '[]'), now).filter(
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

  const cached = readCachedSnapshot(storage, accountSubdomain, agentId, clock.now());
  let shared: SharedState = {
    snapshot: cached?.snapshot ?? null,
    refreshedAt: cached?.refreshedAt ?? 0,
    error: null,
    isRefreshing: false,
    nextTryAt: firstTryAt(
      cached?.refreshedAt ?? null,
      clock.now(),
      refreshMs,
      options.firstRefreshSpreadMs ?? 0,
      random,
    ),
    failuresInRow: 0,
    lastFullAt: cached?.lastFullAt ?? 0,
    pendingSolves: readStoredPending(),
    isKept: true,
  };
  let requests: RefreshRequests = NO_REQUESTS;
  let isVisible = false;
  let isDisposed = false;
  /** Disposed while fetching: finish, share the result, then leave. */
  let isLeaving = false;
  let isLeader = false;
  let inFlight = false;
  let tickHandle: unknown = null;
  /** Refreshes in a row that found nothing new: the timer waits longer. */
  let quietRefreshes = 0;

  function publicState(): EngineState {
    if (shared.snapshot) {
      return {
        status: 'ready',
        snapshot: shared.snapshot,
        refreshedAt: shared.refreshedAt,
        isRefreshing: shared.isRefreshing,
        error: shared.error,
        pendingSolves: shared.pendingSolves,
        isKept: shared.isKept,
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

  const channel = openTabChannel(options.openChannel, engineChannelName(scope), instanceId, clock, onMessage);
  const post: typeof channel.post = (message) => {
    if (!isDisposed || isLeaving) channel.post(message);
  };

  /** Gives up leadership and says goodbye, so another tab leads at once instead of after a lease expires. */
  function leave(): void {
    isLeaving = false;
    if (tickHandle !== null) clock.clearTimeout(tickHandle);
    leadership.release(clock.now());
    isLeader = false;
    channel.post({ type: 'leaving' });
    channel.close();
  }

  function setShared(next: SharedState, broadcast: boolean): void {
    if (next.pendingSolves !== shared.pendingSolves) writeStoredPending(next.pendingSolves);
    shared = next;
    if (broadcast) post({ type: 'state', state: shared });
    emit();
  }

  async function runRefresh(): Promise<void> {
    inFlight = true;
    // A click on Try again buys one early attempt, not an end to back-off for the rest of an outage.
    const isAsked = requests.pending?.reason === 'manual';
    if (isAsked) requests = { ...requests, pending: null };
    setShared({ ...shared, isRefreshing: true }, true);
    const previous = shared.snapshot;
    try {
      const { snapshot, stampedAt, lastFullAt } = await runner.run({
        previous,
        lastFullAt: shared.lastFullAt,
        isAsked,
        // Nothing on screen yet: show the agent's own figures now, the team's when they arrive.
        onPersonal: previous
          ? undefined
          : (personal, startedAt) => {
              if (!shared.snapshot)
                setShared({ ...shared, snapshot: personal, refreshedAt: startedAt }, true);
            },
      });
      quietRefreshes = previous && hasSameTickets(previous, snapshot) ? quietRefreshes + 1 : 0;
      const kept = writeCachedSnapshot(storage, accountSubdomain, agentId, snapshot, stampedAt, lastFullAt);
      requests = coveredBy(requests, stampedAt, indexLagMs);
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
          isKept: kept !== 'notStored',
        },
        true,
      );
    } catch (failure) {
      const error = dataErrorOf(failure);
      const failuresInRow = shared.failuresInRow + 1;
      const nextTryAt = nextTryAfter(error, failuresInRow, clock.now(), random);
      setShared({ ...shared, error, isRefreshing: false, nextTryAt, failuresInRow }, true);
    } finally {
      inFlight = false;
      if (isLeaving) leave();
    }
  }

  function tick(): void {
    if (isDisposed && !isLeaving) return;
    if (isLeaving) {
      // Closed mid-fetch: keep leading until the fetch settles, start nothing new.
      leadership.check(clock.now());
      schedule(TICK_MS);
      return;
    }
    const now = clock.now();
    post({ type: 'presence', isVisible });
    const wasLeader = isLeader;
    isLeader = leadership.check(now);
    // A leader that vanished mid-fetch left "refreshing" behind; the new leader knows nothing is running.
    if (isLeader && !wasLeader && shared.isRefreshing && !inFlight)
      setShared({ ...shared, isRefreshing: false }, true);
    const isAnyoneLooking = isVisible || channel.isAnotherTabVisible();
    if (isLeader && !inFlight && isDue({ now, shared, requests, isAnyoneLooking, refreshMs, quietRefreshes }))
      void runRefresh();
    schedule(TICK_MS);
  }

  function schedule(ms: number): void {
    if (isDisposed && !isLeaving) return;
    if (tickHandle !== null) clock.clearTimeout(tickHandle);
    tickHandle = clock.setTimeout(tick, ms);
  }

  function request(reason: RefreshReason): void {
    if (reason === 'ticketSaved' || reason === 'manual') quietRefreshes = 0;
    requests = withRequest(requests, reason, { now: clock.now(), indexLagMs, refreshMs, shared });
  }

  function onMessage(message: EngineMessage, becameVisible: boolean): void {
    if (isDisposed) return;
    switch (message.type) {
      case 'state': {
        // Another tab leads: its figures, its back-off and its last full fetch become ours — unless they are
        // stamped later than now (its clock or ours moved), which would freeze them as "just now".
        const incoming = message.state;
        const ownIsFromFuture = shared.refreshedAt > clock.now();
        // Own solves are news whichever tab heard of them: kept from both sides until search confirms them.
        const pendingSolves = mergePendingSolves(
          shared.pendingSolves,
          incoming.pendingSolves,
          incoming.snapshot,
        );
        if (incoming.refreshedAt >= shared.refreshedAt || incoming.error || ownIsFromFuture) {
          if (!incoming.isRefreshing) requests = coveredBy(requests, incoming.refreshedAt, indexLagMs);
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
      case 'presence':
        // A sidebar just shown somewhere: the leader checks at once whether the timer is overdue.
        if (isLeader && becameVisible) schedule(0);
        break;
      case 'leaving':
        // If the leader left, a follower takes over now instead of waiting for its lease to expire; the
        // random stagger keeps the followers from all claiming the free lease in the same instant.
        schedule(random() * 1_000);
        break;
    }
  }

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
      post({ type: 'refreshRequest', reason });
      schedule(0);
    },
    setVisible(visible) {
      if (isDisposed) return;
      isVisible = visible;
      post({ type: 'presence', isVisible });
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
      post({ type: 'presence', isVisible: false });
      isDisposed = true;
      listeners.clear();
      // A fetch under way keeps leadership until it settles (and its figures go to the other tabs), so the
      // next leader never starts the same fetch alongside it. If the page itself dies, its lease expires.
      if (inFlight) isLeaving = true;
      else leave();
    },
  };
  return engine;
}
