import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { DataEngine, DataError, EngineState, RefreshReason } from '../engineState';
import { dataErrorOf } from '../zendesk/requestFailure';
import type { KeyValueStore } from './snapshotCache';
import { readCachedSnapshot, writeCachedSnapshot } from './snapshotCache';

/** Where figures come from: a full fetch, or only what changed since `previous`. */
export interface SnapshotSource {
  full(now: number): Promise<AgentSnapshot>;
  changes(previous: AgentSnapshot, now: number): Promise<AgentSnapshot>;
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
  instanceId: string;
  refreshMinutes: number;
  /** How long search takes to see a change; a save triggers one re-check after it. */
  indexLagSeconds?: number;
  /** A full refetch at least this often heals anything a delta could miss. */
  fullRefreshEveryMinutes?: number;
}

type EngineMessage =
  | { type: 'state'; from: string; state: SharedState }
  | { type: 'refreshRequest'; from: string; reason: RefreshReason }
  | { type: 'presence'; from: string; isVisible: boolean }
  | { type: 'leaving'; from: string };

interface SharedState {
  snapshot: AgentSnapshot | null;
  refreshedAt: number;
  error: DataError | null;
  isRefreshing: boolean;
}

interface Lease {
  holder: string;
  expiresAt: number;
}

const TICK_MS = 5_000;
const LEASE_MS = 15_000;
const PRESENCE_TTL_MS = 15_000;
/** Opening or showing a sidebar re-fetches only when the figures are older than this. */
const FRESH_ENOUGH_MS = 30_000;

/**
 * One data engine per sidebar instance; the instances of one agent elect a leader through a lease in
 * localStorage, and only the leader talks to Zendesk. Results, refresh requests and visibility travel over a
 * BroadcastChannel, so ten open tabs cost what one does. See docs/data-engine.md.
 */
export function createDataEngine(options: DataEngineOptions): DataEngine {
  const { source, clock, storage, instanceId, accountSubdomain, agentId } = options;
  const indexLagMs = (options.indexLagSeconds ?? 70) * 1000;
  const fullEveryMs = (options.fullRefreshEveryMinutes ?? 60) * 60_000;
  const leaseKey = `goalpost:v1:lease:${accountSubdomain}:${agentId}`;
  const channel = options.openChannel(`goalpost:${accountSubdomain}:${agentId}`);
  const listeners = new Set<(state: EngineState) => void>();
  const presence = new Map<string, { isVisible: boolean; seenAt: number }>();

  const cached = readCachedSnapshot(storage, accountSubdomain, agentId, clock.now());
  let shared: SharedState = cached
    ? { snapshot: cached.snapshot, refreshedAt: cached.refreshedAt, error: null, isRefreshing: false }
    : { snapshot: null, refreshedAt: 0, error: null, isRefreshing: false };
  let isVisible = false;
  let isDisposed = false;
  let pendingReason: RefreshReason | null = null;
  let recheckAt: number | null = null;
  let retryAt = 0;
  let lastFullAt = 0;
  let inFlight = false;
  let tickHandle: unknown = null;

  function publicState(): EngineState {
    if (shared.snapshot) {
      return {
        status: 'ready',
        snapshot: shared.snapshot,
        refreshedAt: shared.refreshedAt,
        isRefreshing: shared.isRefreshing,
        error: shared.error,
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
    if (!isDisposed) channel.postMessage(message);
  }

  function readLease(): Lease | null {
    try {
      const raw = storage.getItem(leaseKey);
      return raw ? (JSON.parse(raw) as Lease) : null;
    } catch {
      return null;
    }
  }

  /** Holds or takes the lease if free or expired; true when this instance leads. */
  function claimLeadership(): boolean {
    const now = clock.now();
    const lease = readLease();
    if (lease && lease.holder !== instanceId && lease.expiresAt > now) return false;
    storage.setItem(leaseKey, JSON.stringify({ holder: instanceId, expiresAt: now + LEASE_MS }));
    // Re-read: when two tabs race, the last writer wins and the other steps back.
    return readLease()?.holder === instanceId;
  }

  function anyVisible(): boolean {
    const now = clock.now();
    if (isVisible) return true;
    for (const [, seen] of presence) if (seen.isVisible && now - seen.seenAt < PRESENCE_TTL_MS) return true;
    return false;
  }

  function setShared(next: SharedState, broadcast: boolean): void {
    shared = next;
    if (broadcast) post({ type: 'state', from: instanceId, state: shared });
    emit();
  }

  async function runRefresh(): Promise<void> {
    inFlight = true;
    pendingReason = null;
    setShared({ ...shared, isRefreshing: true }, true);
    const now = clock.now();
    try {
      const previous = shared.snapshot;
      const needsFull =
        !previous || previous.solvedSince !== source.solvedSince(now) || now - lastFullAt >= fullEveryMs;
      const snapshot = needsFull || !previous ? await source.full(now) : await source.changes(previous, now);
      if (needsFull) lastFullAt = now;
      writeCachedSnapshot(storage, accountSubdomain, agentId, snapshot, now);
      setShared({ snapshot, refreshedAt: now, error: null, isRefreshing: false }, true);
    } catch (failure) {
      const error = dataErrorOf(failure);
      if (error.kind === 'rateLimited') retryAt = error.retryAt;
      else retryAt = clock.now() + 30_000;
      setShared({ ...shared, error, isRefreshing: false }, true);
    } finally {
      inFlight = false;
    }
  }

  function isDue(now: number): boolean {
    if (now < retryAt) return false;
    if (shared.error) return anyVisible();
    if (pendingReason) return true;
    if (recheckAt !== null && now >= recheckAt) {
      recheckAt = null;
      return true;
    }
    return anyVisible() && now - shared.refreshedAt >= options.refreshMinutes * 60_000;
  }

  function tick(): void {
    if (isDisposed) return;
    const now = clock.now();
    post({ type: 'presence', from: instanceId, isVisible });
    if (claimLeadership() && !inFlight && isDue(now)) void runRefresh();
    schedule(TICK_MS);
  }

  function schedule(ms: number): void {
    if (tickHandle !== null) clock.clearTimeout(tickHandle);
    tickHandle = clock.setTimeout(tick, ms);
  }

  function request(reason: RefreshReason): void {
    const now = clock.now();
    if (
      (reason === 'open' || reason === 'visible' || reason === 'timer') &&
      now - shared.refreshedAt < FRESH_ENOUGH_MS
    )
      return;
    if (reason === 'ticketSaved') {
      // Search cannot see a save until its index catches up: one refresh then, not a wasted one now.
      // Saves in a burst push that moment back, so they share one refresh.
      recheckAt = now + indexLagMs;
      return;
    }
    pendingReason = reason;
  }

  channel.addEventListener('message', ({ data }) => {
    const message = data as EngineMessage;
    if (!message || message.from === instanceId || isDisposed) return;
    switch (message.type) {
      case 'state':
        if (message.state.refreshedAt >= shared.refreshedAt || message.state.error)
          setShared(message.state, false);
        if (message.state.error?.kind === 'rateLimited') retryAt = message.state.error.retryAt;
        break;
      case 'refreshRequest':
        request(message.reason);
        break;
      case 'presence':
        presence.set(message.from, { isVisible: message.isVisible, seenAt: clock.now() });
        break;
      case 'leaving':
        presence.delete(message.from);
        break;
    }
  });

  schedule(0);

  return {
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    refresh(reason) {
      request(reason);
      post({ type: 'refreshRequest', from: instanceId, reason });
      schedule(0);
    },
    setVisible(visible) {
      isVisible = visible;
      post({ type: 'presence', from: instanceId, isVisible });
      if (visible) this.refresh('visible');
    },
    dispose() {
      if (isDisposed) return;
      post({ type: 'leaving', from: instanceId });
      if (readLease()?.holder === instanceId) storage.removeItem(leaseKey);
      isDisposed = true;
      if (tickHandle !== null) clock.clearTimeout(tickHandle);
      channel.close();
      listeners.clear();
    },
  };
}
