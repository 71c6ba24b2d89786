/**
 * What one sidebar may believe from another: every cross-tab message and every stored list of pending solves
 * is checked here with valibot before the engine uses it. A message of the wrong shape (a corrupt one, one
 * from another version of the app, a hand-made one) is dropped; times from the future are capped.
 */
import * as v from 'valibot';
import type { PendingSolve } from '../../core/goals/pendingSolves';
import { REFRESH_REASONS } from '../engineState';
import type { EngineMessage, SharedState } from './engineTypes';
import { MAX_RETRY_MS } from './refreshPolicy';
import { parseSnapshot } from './snapshotCache';

const instant = v.pipe(v.number(), v.finite());
const from = v.string();

const DataErrorSchema = v.variant('kind', [
  v.object({ kind: v.literal('rateLimited'), retryAt: instant }),
  v.object({ kind: v.literal('serverError'), status: v.number() }),
  v.object({ kind: v.literal('timeout') }),
  v.object({ kind: v.literal('forbidden') }),
  v.object({ kind: v.literal('malformed') }),
  v.object({ kind: v.literal('network') }),
]);

const SharedStateSchema = v.object({
  snapshot: v.unknown(),
  refreshedAt: instant,
  error: v.nullable(DataErrorSchema),
  isRefreshing: v.boolean(),
  nextTryAt: instant,
  failuresInRow: instant,
  lastFullAt: instant,
  pendingSolves: v.optional(v.unknown()),
  isKept: v.optional(v.boolean(), true),
});

const MessageSchema = v.variant('type', [
  v.object({ type: v.literal('state'), from, state: v.unknown() }),
  v.object({ type: v.literal('refreshRequest'), from, reason: v.picklist(REFRESH_REASONS) }),
  v.object({ type: v.literal('presence'), from, isVisible: v.boolean() }),
  v.object({ type: v.literal('leaving'), from }),
]);

const PendingSolveSchema = v.object({ ticketId: v.pipe(v.number(), v.safeInteger()), solvedAt: instant });
/** More pending solves than any agent makes before search catches up: the rest is noise. */
const MAX_PENDING = 50;

/** Pending solves from storage or another tab: well-formed ones only, none from the future, and few. */
export function readPendingSolves(value: unknown, now: number): PendingSolve[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((item: unknown) => {
      const parsed = v.safeParse(PendingSolveSchema, item);
      return parsed.success && parsed.output.solvedAt <= now ? [parsed.output] : [];
    })
    .slice(0, MAX_PENDING);
}

/**
 * A state from another tab, if it can be trusted: the right shape, a snapshot that passes the cache's own
 * checks, and a refresh time that is not in the future. Timers reaching further than any back-off are capped.
 */
export function readSharedState(value: unknown, now: number): SharedState | null {
  const parsed = v.safeParse(SharedStateSchema, value);
  if (!parsed.success || parsed.output.refreshedAt > now) return null;
  const state = parsed.output;
  const snapshot =
    state.snapshot === null || state.snapshot === undefined ? null : parseSnapshot(state.snapshot);
  if (state.snapshot && !snapshot) return null;
  return {
    snapshot,
    refreshedAt: state.refreshedAt,
    error: state.error,
    isRefreshing: state.isRefreshing,
    nextTryAt: Math.min(state.nextTryAt, now + MAX_RETRY_MS),
    failuresInRow: Math.max(0, Math.min(50, Math.floor(state.failuresInRow))),
    lastFullAt: Math.min(state.lastFullAt, now),
    pendingSolves: readPendingSolves(state.pendingSolves, now),
    isKept: state.isKept,
  };
}

/** A message from another tab, checked whole; a `state` message also has its state checked. */
export function readEngineMessage(data: unknown, now: number): EngineMessage | null {
  const parsed = v.safeParse(MessageSchema, data);
  if (!parsed.success) return null;
  const message = parsed.output;
  if (message.type !== 'state') return message;
  const state = readSharedState(message.state, now);
  return state ? { type: 'state', from: message.from, state } : null;
}
