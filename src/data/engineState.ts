import type { PendingSolve } from '../core/goals/pendingSolves';
import type { AgentSnapshot } from '../core/goals/ticketFacts';

/** Why the last refresh failed; the UI words it and keeps the last good figures. */
export type DataError =
  | { kind: 'rateLimited'; retryAt: number }
  | { kind: 'serverError'; status: number }
  | { kind: 'timeout' }
  | { kind: 'forbidden' }
  | { kind: 'malformed' }
  | { kind: 'network' };

export type EngineState =
  /** Nothing known yet (no cache), first fetch under way. */
  | { status: 'loading' }
  /** Figures to show; `error` set when the latest refresh failed and these are stale. */
  | {
      status: 'ready';
      snapshot: AgentSnapshot;
      /** When these figures were fetched (epoch ms): "updated 2 min ago". */
      refreshedAt: number;
      isRefreshing: boolean;
      error: DataError | null;
      /** Solves the agent just made, not yet in search: counted at once, marked as pending. */
      pendingSolves: readonly PendingSolve[];
      /** False when the browser refused to store these figures (storage full): the next sidebar loads afresh. */
      isKept: boolean;
    }
  /** Nothing could be loaded and nothing is cached. */
  | { status: 'unavailable'; error: DataError };

export const REFRESH_REASONS = [
  'open',
  'visible',
  'ticketSaved',
  'timer',
  'indexLagRecheck',
  'manual',
] as const;
export type RefreshReason = (typeof REFRESH_REASONS)[number];

/** One per sidebar instance; instances of the same agent share the work (see data/README). */
export interface DataEngine {
  getState(): EngineState;
  subscribe(listener: (state: EngineState) => void): () => void;
  refresh(reason: RefreshReason): void;
  /** The sidebar is shown (true) or hidden (false): hidden sidebars never poll. */
  setVisible(isVisible: boolean): void;
  dispose(): void;
  /** The agent solved this ticket just now (ZAF's submit event): count it at once, confirm it later. */
  recordSolve(ticketId: number): void;
  /** Forgets the cached figures (after a crash they may be the cause) and fetches afresh. */
  discardStoredState(): void;
}

/**
 * The sidebar offers its Refresh button only once figures are this old, unless the last refresh failed (it
 * says when the next one is possible).
 */
export const FRESH_ENOUGH_MS = 30_000;
