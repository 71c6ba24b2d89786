/**
 * The data engine's types, in one place: what it needs from its surroundings (a snapshot source, a clock,
 * storage, a channel between tabs, leadership) and what its tabs tell each other. The public side (state,
 * refresh reasons, the DataEngine facade) is in ../engineState.ts.
 */
import type { PendingSolve } from '../../core/goals/pendingSolves';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { DataError, RefreshReason } from '../engineState';
import type { ResponseMemo } from '../zendesk/fetchAgentSnapshot';
import type { Leadership } from './leadership';
import type { KeyValueStore } from './snapshotCache';

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

export type EngineMessage =
  | { type: 'state'; from: string; state: SharedState }
  | { type: 'refreshRequest'; from: string; reason: RefreshReason }
  | { type: 'presence'; from: string; isVisible: boolean }
  | { type: 'leaving'; from: string };

/** What the leader tells every tab; also what a tab needs to carry on if it becomes the leader. */
export interface SharedState {
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
  /** Whether the leader could store these figures for the next sidebar (false: storage full or blocked). */
  isKept: boolean;
}
