import type { KeyValueStore } from '../engine/snapshotCache';
import { MAX_RETRY_AFTER_MS } from './retryAfter';

/**
 * What every tab of one agent must agree on before calling Zendesk: when the account is blocked (a 429's
 * Retry-After holds for the whole account) and what this agent sent in the last minute (one budget for all
 * their tabs, not one per tab).
 */
export interface SharedRateState {
  blockedUntil(now: number): number;
  block(until: number): void;
  /** Send times within the last minute, oldest first. */
  sentSince(since: number, now: number): number[];
  recordSent(at: number): void;
}

const WINDOW_MS = 60_000;

/**
 * No Retry-After we accept reaches further than MAX_RETRY_AFTER_MS, so a block beyond it was not written
 * by us at this time (a clock moved back, a hand edit): ignored rather than obeyed for ever.
 */
const trustedBlock = (until: number, now: number) => (until > now + MAX_RETRY_AFTER_MS ? 0 : until);
/** More send times than any budget allows are never kept. */
const MAX_KEPT = 500;

/** For one page on its own (tests, benchmarks, no storage): the same rules, in memory. */
export function createMemoryRateState(): SharedRateState {
  let blocked = 0;
  let sent: number[] = [];
  return {
    blockedUntil: (now) => trustedBlock(blocked, now),
    block: (until) => {
      blocked = Math.max(blocked, until);
    },
    sentSince: (since, now) => sent.filter((at) => at > since && at <= now),
    recordSent: (at) => {
      sent = [...sent.filter((time) => time > at - WINDOW_MS && time <= at), at].slice(-MAX_KEPT);
    },
  };
}

function readNumbers(store: KeyValueStore, key: string): number[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((n): n is number => typeof n === 'number' && Number.isFinite(n))
      : [];
  } catch {
    return [];
  }
}

/**
 * The shared state in localStorage. The block is per account (Zendesk's limit is the account's); the send
 * log per account and agent. Values from the future (a clock moved back, a hand edit) are capped or dropped:
 * a stored time never delays requests by more than MAX_RETRY_AFTER_MS.
 */
export function createStoredRateState(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
): SharedRateState {
  const blockKey = `goalpost:v1:block:${accountSubdomain}`;
  const sentKey = `goalpost:v1:sent:${accountSubdomain}:${agentId}`;
  const write = (key: string, value: unknown) => {
    try {
      store.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the memory copy below still holds this tab to its block and budget.
    }
  };
  // This tab's own view, so a storage that refuses writes never switches the limits off.
  const memory = createMemoryRateState();
  return {
    blockedUntil(now) {
      const [until = 0] = readNumbers(store, blockKey);
      return Math.max(trustedBlock(until, now), memory.blockedUntil(now));
    },
    block(until) {
      memory.block(until);
      const [current = 0] = readNumbers(store, blockKey);
      // The later block wins, unless the stored one is beyond any Retry-After we accept.
      write(blockKey, [Math.max(trustedBlock(current, until), until)]);
    },
    sentSince(since, now) {
      const stored = readNumbers(store, sentKey).filter((at) => at > since && at <= now);
      const own = memory.sentSince(since, now);
      // Storage holds every tab's sends, this tab's included, when it takes writes; when it refuses them,
      // this tab's own count is the floor.
      return (stored.length >= own.length ? stored : own).sort((a, b) => a - b);
    },
    recordSent(at) {
      memory.recordSent(at);
      const kept = readNumbers(store, sentKey).filter((time) => time > at - WINDOW_MS && time <= at);
      write(sentKey, [...kept, at].slice(-MAX_KEPT));
    },
  };
}
