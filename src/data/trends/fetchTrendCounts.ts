import * as v from 'valibot';
import type { GoalTrend, TrendCountRequest, TrendPlan } from '../../core/trends/goalTrend';
import { goalTrend } from '../../core/trends/goalTrend';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { WaitTiming } from '../fetchOnceAcrossTabs';
import { fetchOnceAcrossTabs } from '../fetchOnceAcrossTabs';
import type { PoliteGet } from '../zendesk/politeRequest';
import type { Assignee } from '../zendesk/searchQuery';
import { countUrl, ownCountQuery, teamCountQuery } from '../zendesk/searchQuery';
import { CountResponseSchema } from '../zendesk/zendeskSchemas';

const DAY_MS = 86_400_000;
/**
 * A period's counts are final once its tickets can no longer change: Zendesk closes solved tickets after
 * 28 days by default, and a closed ticket can be neither reopened nor rated. Younger periods are counted
 * again once a day (a rating can arrive days after the solve).
 */
export const FINAL_AFTER_MS = 28 * DAY_MS;
const RECOUNT_AFTER_MS = DAY_MS;
/** Nothing older is ever shown (8 quarters back is the longest trend). */
const FORGET_AFTER_MS = 800 * DAY_MS;

const StoredSchema = v.record(
  v.string(),
  v.object({
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
    at: v.pipe(v.number(), v.finite()),
    end: v.pipe(v.number(), v.finite()),
  }),
);
type Stored = v.InferOutput<typeof StoredSchema>;

/** A personal count asks for the signed-in agent's tickets, or (a lead's team page) one agent's by id. */
export function trendCountUrl(request: TrendCountRequest, assignee: Assignee = 'me'): string {
  return countUrl(
    request.groupIds === null
      ? ownCountQuery(
          { kind: request.kind, start: request.start, end: request.end, groupIds: null },
          assignee,
        )
      : teamCountQuery({
          kind: request.kind,
          start: request.start,
          end: request.end,
          groupIds: request.groupIds,
        }),
  );
}

function isUsable(entry: Stored[string], now: number): boolean {
  if (entry.at > now) return false;
  return now - entry.end >= FINAL_AFTER_MS
    ? entry.at - entry.end >= FINAL_AFTER_MS || now - entry.at < RECOUNT_AFTER_MS
    : now - entry.at < RECOUNT_AFTER_MS;
}

function readStored(store: KeyValueStore, key: string, now: number): Stored {
  try {
    const parsed = v.safeParse(StoredSchema, JSON.parse(store.getItem(key) ?? '{}'));
    if (!parsed.success) return {};
    return Object.fromEntries(Object.entries(parsed.output).filter(([, entry]) => isUsable(entry, now)));
  } catch {
    return {};
  }
}

/**
 * Counts for trend lines, one `search/count` each (agent-allowed), shared by the agent's tabs: one tab counts
 * while the others wait for its results. A count is kept for good once its period is final, and for a day
 * before that. Returned in the requests' order, null where a count could not be read this time.
 */
export async function fetchTrendCounts(
  get: PoliteGet,
  requests: readonly TrendCountRequest[],
  store: KeyValueStore,
  cacheKey: string,
  timing: WaitTiming,
  assignee: Assignee = 'me',
): Promise<(number | null)[]> {
  const urls = requests.map((request) => trendCountUrl(request, assignee));
  const isComplete = (stored: Stored) => urls.every((url) => url in stored);
  const stored = await fetchOnceAcrossTabs({
    store,
    leaseKey: `${cacheKey}:fetching`,
    timing,
    leaseMs: 2 * 60_000,
    readCached: () => {
      const found = readStored(store, cacheKey, timing.now());
      return isComplete(found) ? found : null;
    },
    fetch: async (stillFetching) => {
      const found = readStored(store, cacheKey, timing.now());
      for (const [index, url] of urls.entries()) {
        if (url in found) continue;
        // A failure (a 429, say) keeps what was counted so far; the rest waits for the next load.
        const raw = await get(url).catch(() => null);
        if (raw === null) break;
        const body = v.safeParse(CountResponseSchema, raw);
        if (body.success)
          found[url] = { count: body.output.count, at: timing.now(), end: requests[index]!.end };
        const now = timing.now();
        const kept = Object.entries(found).filter(([, entry]) => now - entry.end < FORGET_AFTER_MS);
        try {
          store.setItem(cacheKey, JSON.stringify(Object.fromEntries(kept)));
        } catch {
          // Storage full or blocked: counted again next time.
        }
        stillFetching();
      }
      return found;
    },
  });
  return urls.map((url) => stored[url]?.count ?? null);
}

/** Where trend counts are kept: keyed by account and viewer, so one viewer's cache never serves another. */
export interface TrendCache {
  store: KeyValueStore;
  cacheKey: string;
  timing: WaitTiming;
}

/** The trends of the plans, their counts fetched (or read from the cache) in one pass. */
export async function fetchGoalTrends(
  get: PoliteGet,
  plans: readonly TrendPlan[],
  cache: TrendCache,
  minimumRatings: number,
  assignee: Assignee = 'me',
): Promise<GoalTrend[]> {
  if (plans.length === 0) return [];
  const counts = await fetchTrendCounts(
    get,
    plans.flatMap((plan) => plan.requests),
    cache.store,
    cache.cacheKey,
    cache.timing,
    assignee,
  );
  let offset = 0;
  return plans.map((plan) => {
    const own = counts.slice(offset, offset + plan.requests.length);
    offset += plan.requests.length;
    return goalTrend(plan, own, minimumRatings);
  });
}
