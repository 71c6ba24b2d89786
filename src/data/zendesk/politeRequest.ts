import type { HttpRequest, HttpResponse } from '../zaf/zafClient';
import { RequestFailure } from './requestFailure';
import { retryAfterMs } from './retryAfter';
import type { SharedRateState } from './sharedRateState';
import { createMemoryRateState } from './sharedRateState';

export interface RequestTiming {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export interface PolitenessOptions {
  /** The account's requests per minute (Team 200 … Enterprise 700). */
  accountBudgetPerMinute: number;
  /** The largest share of that budget one agent's Goalpost may use. */
  maxShareOfBudget: number;
  /** Attempts for 5xx and timeouts, the first included. */
  maxAttempts: number;
  baseBackoffMs: number;
  /** Retry-After when a 429 has none. */
  defaultRetryAfterSeconds: number;
}

export const DEFAULT_POLITENESS: PolitenessOptions = {
  accountBudgetPerMinute: 200,
  maxShareOfBudget: 0.05,
  maxAttempts: 3,
  baseBackoffMs: 1_000,
  defaultRetryAfterSeconds: 60,
};

const PLAN_BUDGETS: ReadonlyArray<[RegExp, number]> = [
  [/enterprise\s*plus|high\s*volume/i, 2500],
  [/enterprise/i, 700],
  [/growth|professional/i, 400],
  [/team/i, 200],
];

/** Requests per minute for an account's plan (zendesk-api.md); unknown plans get the smallest. */
export function accountBudgetForPlan(planName: string | null): number {
  return PLAN_BUDGETS.find(([pattern]) => planName && pattern.test(planName))?.[1] ?? 200;
}

/** A 503's Retry-After up to this is waited out inside the request; a longer one ends the refresh. */
const MAX_INLINE_WAIT_MS = 5_000;

/** Remaining counts older than this say nothing of how busy the account is now. */
const FRESH_REMAINING_MS = 2 * 60_000;

/**
 * How much every agent slows down as the account gets busy: full speed while at least half of its limit is
 * left, then falling in a straight line to a tenth at none left (a quarter left → 0.55). Readings that make
 * no sense slow nothing.
 */
export function busyFactor(remaining: number, limit: number): number {
  if (!Number.isFinite(remaining) || !Number.isFinite(limit) || limit <= 0) return 1;
  const left = Math.min(1, Math.max(0, remaining / limit));
  return left >= 0.5 ? 1 : 0.1 + 0.9 * (left / 0.5);
}

/** Search has its own, smaller limit at Zendesk, stated in `zendesk-ratelimit-search-index`. */
const isSearch = (url: string) => /\/api\/v2\/search(?:[./?]|$)/.test(url);

/** `total=100; remaining=40; resets=30` → total and remaining, or null when unreadable. */
function searchLimitOf(header: string | undefined): { total: number; remaining: number } | null {
  if (header === undefined) return null;
  const fields = new Map<string, number>();
  for (const part of header.split(';')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/i.exec(part);
    if (match?.[1] && match[2]) fields.set(match[1].toLowerCase(), Number(match[2]));
  }
  const total = fields.get('total');
  const remaining = fields.get('remaining');
  if (total === undefined || remaining === undefined || total <= 0 || remaining > total) return null;
  return { total, remaining };
}

export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;
/** Resolves with the JSON body of a 2xx answer; rejects with a RequestFailure. */
export type PoliteGet = (url: string) => Promise<unknown>;

/**
 * Every Zendesk call goes through here: at most a share of the account's budget per minute, slower when
 * Zendesk's headers say the account is near its limit, nothing at all before a 429's Retry-After has passed,
 * exponential back-off with full jitter on 5xx and timeouts, and one flight for identical concurrent GETs.
 */
export function createPoliteGet(
  send: SendRequest,
  timing: RequestTiming,
  options: PolitenessOptions = DEFAULT_POLITENESS,
  /** Shared by the agent's tabs in the app (localStorage); one page's memory otherwise. */
  shared: SharedRateState = createMemoryRateState(),
): PoliteGet {
  const inFlight = new Map<string, Promise<unknown>>();
  /** Zendesk's separate search limit (`zendesk-ratelimit-search-index`), as this page last read it. */
  let searchReading: { total: number; remaining: number; at: number } | null = null;

  const perMinute = (url: string) => {
    const now = timing.now();
    const stated = shared.accountLimit(now);
    // The stated limit beats a guess from the plan name; every agent slows as the account fills up.
    const limit = stated?.limit ?? options.accountBudgetPerMinute;
    let factor = stated && stated.remaining !== null ? busyFactor(stated.remaining, stated.limit) : 1;
    if (isSearch(url) && searchReading && now - searchReading.at <= FRESH_REMAINING_MS)
      factor *= busyFactor(searchReading.remaining, searchReading.total);
    return Math.max(1, Math.floor(limit * options.maxShareOfBudget * factor));
  };

  async function waitForBudget(url: string): Promise<void> {
    for (;;) {
      const now = timing.now();
      const blockedUntil = shared.blockedUntil(now);
      if (now < blockedUntil) throw new RequestFailure({ kind: 'rateLimited', retryAt: blockedUntil });
      const sent = shared.sentSince(now - 60_000, now);
      if (sent.length < perMinute(url)) return;
      await timing.sleep(Math.max(1, (sent[0] ?? now) + 60_000 - now));
    }
  }

  function readRateHeaders(url: string, headers: Readonly<Record<string, string>>): void {
    const at = timing.now();
    const limit = Number(headers['x-rate-limit'] ?? headers['ratelimit-limit']);
    const remaining = Number(headers['x-rate-limit-remaining'] ?? headers['ratelimit-remaining']);
    // The shared state ignores readings that make no sense (missing headers read as NaN).
    shared.recordAccountLimit({ limit, remaining, at });
    const search = isSearch(url) ? searchLimitOf(headers['zendesk-ratelimit-search-index']) : null;
    if (search) searchReading = { ...search, at };
  }

  async function attempt(url: string): Promise<unknown> {
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      await waitForBudget(url);
      shared.recordSent(timing.now());
      let response: HttpResponse;
      try {
        response = await send({ url });
      } catch {
        response = { status: 0, headers: {}, body: null };
      }
      readRateHeaders(url, response.headers);
      if (response.status >= 200 && response.status < 300) {
        if (response.body === null || typeof response.body !== 'object')
          throw new RequestFailure({ kind: 'malformed' });
        return response.body;
      }
      if (response.status === 429) {
        const now = timing.now();
        const retryAt =
          now + retryAfterMs(response.headers['retry-after'], now, options.defaultRetryAfterSeconds * 1000);
        shared.block(retryAt);
        throw new RequestFailure({ kind: 'rateLimited', retryAt });
      }
      if (response.status === 401 || response.status === 403) throw new RequestFailure({ kind: 'forbidden' });
      const isRetryable = response.status === 0 || response.status >= 500;
      if (!isRetryable) throw new RequestFailure({ kind: 'malformed' });
      // A 503 that says when to come back is taken at its word: a short wait here, a longer one (or one on
      // the last attempt) as a block for every tab (the refresh ends and the engine comes back then).
      // Otherwise full jitter spreads retries from many agents instead of synchronising them.
      const stated = response.headers['retry-after'];
      const isLastAttempt = attemptNumber >= options.maxAttempts;
      if (response.status === 503 && stated !== undefined && stated.trim() !== '') {
        const now = timing.now();
        const wait = retryAfterMs(stated, now, 0);
        if (wait > MAX_INLINE_WAIT_MS || isLastAttempt) {
          shared.block(now + wait);
          throw new RequestFailure({ kind: 'rateLimited', retryAt: now + wait });
        }
        await timing.sleep(wait);
        continue;
      }
      if (isLastAttempt) {
        throw new RequestFailure(
          response.status === 0 ? { kind: 'timeout' } : { kind: 'serverError', status: response.status },
        );
      }
      await timing.sleep(timing.random() * options.baseBackoffMs * 2 ** (attemptNumber - 1));
    }
  }

  return (url) => {
    const existing = inFlight.get(url);
    if (existing) return existing;
    const flight = attempt(url).finally(() => inFlight.delete(url));
    inFlight.set(url, flight);
    return flight;
  };
}
