import * as v from 'valibot';
import type { KeyValueStore } from '../engine/snapshotCache';
import { storageKeys } from '../storageKeys';
import { MAX_RETRY_AFTER_MS } from './retryAfter';

/**
 * What every tab of one agent must agree on before calling Zendesk: when the account is blocked (a 429's
 * Retry-After holds for the whole account), what this agent sent in the last minute (one budget for all
 * their tabs, not one per tab), and what Zendesk last said of the account's limit.
 */
export interface SharedRateState {
  blockedUntil(now: number): number;
  block(until: number): void;
  /** Send times within the last minute, oldest first. */
  sentSince(since: number, now: number): number[];
  recordSent(at: number): void;
  /**
   * The account's limit as Zendesk last stated it (trusted for a day), with how much of it was left then
   * (`remaining` is null once that is more than two minutes old: the account may have calmed or filled up).
   */
  accountLimit(now: number): AccountLimit | null;
  /** A reading from a response's headers; the newest reading wins, and one that makes no sense is ignored. */
  recordAccountLimit(reading: AccountLimitReading): void;
}

/** What one response's `X-Rate-Limit` / `X-Rate-Limit-Remaining` said, and when. */
export interface AccountLimitReading {
  limit: number;
  remaining: number;
  at: number;
}

export interface AccountLimit {
  limit: number;
  remaining: number | null;
  at: number;
}

/** The stated limit stays good for a day (it changes only with the plan). */
const LIMIT_TRUSTED_MS = 24 * 3_600_000;
/** How busy the account is changes by the minute, so an older remaining count says nothing. */
const REMAINING_TRUSTED_MS = 2 * 60_000;
const MAX_STATED_LIMIT = 1_000_000;
/**
 * Answers overtake each other by seconds, so a kept reading a little newer than the one arriving wins; one
 * further ahead was written under a clock since moved back, and is replaced rather than kept for ever.
 */
const OUT_OF_ORDER_MS = REMAINING_TRUSTED_MS;

/** A reading that could have come from Zendesk by `now`, or null: storage may hold anything. */
const ReadingSchema = v.pipe(
  v.object({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STATED_LIMIT)),
    remaining: v.pipe(v.number(), v.finite(), v.minValue(0)),
    at: v.pipe(v.number(), v.finite()),
  }),
  v.check((reading) => reading.remaining <= reading.limit),
);

function validReading(value: unknown, now: number): AccountLimitReading | null {
  const parsed = v.safeParse(ReadingSchema, value);
  return parsed.success && parsed.output.at <= now ? parsed.output : null;
}

function limitAsOf(reading: AccountLimitReading | null, now: number): AccountLimit | null {
  if (!reading || now - reading.at > LIMIT_TRUSTED_MS) return null;
  const isFresh = now - reading.at <= REMAINING_TRUSTED_MS;
  return { limit: reading.limit, remaining: isFresh ? reading.remaining : null, at: reading.at };
}

const newer = (a: AccountLimitReading | null, b: AccountLimitReading | null) =>
  a && b ? (b.at > a.at ? b : a) : (a ?? b);

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
  let reading: AccountLimitReading | null = null;
  return {
    blockedUntil: (now) => trustedBlock(blocked, now),
    block: (until) => {
      blocked = Math.max(blocked, until);
    },
    sentSince: (since, now) => sent.filter((at) => at > since && at <= now),
    recordSent: (at) => {
      sent = [...sent.filter((time) => time > at - WINDOW_MS && time <= at), at].slice(-MAX_KEPT);
    },
    accountLimit: (now) => limitAsOf(validReading(reading, now), now),
    recordAccountLimit: (latest) => {
      reading = newer(validReading(reading, latest.at + OUT_OF_ORDER_MS), validReading(latest, latest.at));
    },
  };
}

function readReading(store: KeyValueStore, key: string, now: number): AccountLimitReading | null {
  try {
    return validReading(JSON.parse(store.getItem(key) ?? 'null'), now);
  } catch {
    return null;
  }
}

const TimesSchema = v.array(
  v.pipe(
    v.unknown(),
    v.transform((n) => (typeof n === 'number' && Number.isFinite(n) ? n : null)),
  ),
);

function readNumbers(store: KeyValueStore, key: string): number[] {
  try {
    const parsed = v.safeParse(TimesSchema, JSON.parse(store.getItem(key) ?? '[]'));
    // One odd entry drops only itself: the others still count against the budget.
    return parsed.success ? parsed.output.filter((n): n is number => n !== null) : [];
  } catch {
    return [];
  }
}

/**
 * The shared state in localStorage. The block and the stated limit are per account (Zendesk's limit is the
 * account's); the send log per account and agent. Values from the future (a clock moved back, a hand edit) are capped or dropped:
 * a stored time never delays requests by more than MAX_RETRY_AFTER_MS.
 */
export function createStoredRateState(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
): SharedRateState {
  const blockKey = storageKeys.accountBlock(accountSubdomain);
  const sentKey = storageKeys.sentRequests({ accountSubdomain, agentId });
  const limitKey = storageKeys.accountLimit(accountSubdomain);
  const write = (key: string, value: unknown) => {
    try {
      store.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the memory copy below still holds this tab to its block and budget.
    }
  };
  // This tab's own view, so a storage that refuses writes never switches the limits off.
  const memory = createMemoryRateState();
  let ownReading: AccountLimitReading | null = null;
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
    accountLimit(now) {
      // Whichever is newer: another tab's reading in storage, or this tab's own when storage refuses writes.
      const stored = readReading(store, limitKey, now);
      return limitAsOf(newer(stored, validReading(ownReading, now)), now);
    },
    recordAccountLimit(reading) {
      const latest = validReading(reading, reading.at);
      if (!latest) return;
      ownReading = newer(validReading(ownReading, latest.at + OUT_OF_ORDER_MS), latest);
      const stored = readReading(store, limitKey, latest.at + OUT_OF_ORDER_MS);
      if (!stored || stored.at <= latest.at) write(limitKey, latest);
    },
  };
}
