import * as v from 'valibot';
import type { OwnBest } from '../../core/metrics/evaluateGoals';
import type { OwnHistoryPlan, PastPeriod } from '../../core/metrics/ownHistory';
import { ownBestOf } from '../../core/metrics/ownHistory';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { WaitTiming } from '../fetchOnceAcrossTabs';
import { fetchOnceAcrossTabs } from '../fetchOnceAcrossTabs';
import type { PoliteGet } from './politeRequest';
import { countUrl, solvedTicketsQuery } from './searchQuery';
import { CountResponseSchema } from './zendeskSchemas';

/** Counts older than this are never needed again (8 quarters back is the longest history). */
const KEEP_MS = 800 * 86_400_000;
const StoredCountsSchema = v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)));

const periodKey = (period: PastPeriod) => `${period.start}-${period.end}`;

function readCounts(store: KeyValueStore, key: string): Map<string, number> {
  try {
    const parsed = v.safeParse(StoredCountsSchema, JSON.parse(store.getItem(key) ?? 'null'));
    return new Map(parsed.success ? Object.entries(parsed.output) : []);
  } catch {
    return new Map();
  }
}

/**
 * The agent's own solved count in each past period of their personal count goals, one `search/count` per
 * period (agent-allowed). A past period's count no longer changes, so each is fetched once and kept: after
 * the first day this costs one request per goal per new period (a day goal: one a day; a week goal: one a
 * week). Shared by every tab; only the agent's own counts, keyed by account and agent.
 */
export async function fetchOwnHistory(
  get: PoliteGet,
  plans: readonly OwnHistoryPlan[],
  store: KeyValueStore,
  cacheKey: string,
  timing: WaitTiming,
): Promise<Map<string, OwnBest>> {
  const wanted = plans.flatMap((plan) => plan.periods);
  const isComplete = (counts: Map<string, number>) => wanted.every((period) => counts.has(periodKey(period)));
  const counts = await fetchOnceAcrossTabs({
    store,
    leaseKey: `${cacheKey}:fetching`,
    timing,
    leaseMs: 2 * 60_000,
    readCached: () => {
      const stored = readCounts(store, cacheKey);
      return isComplete(stored) ? stored : null;
    },
    fetch: async (stillFetching) => {
      const stored = readCounts(store, cacheKey);
      const save = () => {
        const now = timing.now();
        const kept = [...stored].filter(([key]) => now - Number(key.split('-')[1]) < KEEP_MS);
        try {
          store.setItem(cacheKey, JSON.stringify(Object.fromEntries(kept)));
        } catch {
          // Storage full or blocked: counted again next time.
        }
      };
      for (const period of wanted) {
        if (stored.has(periodKey(period))) continue;
        // A failure (a 429, say) keeps what was counted so far; the rest waits for the next load.
        const raw = await get(countUrl(solvedTicketsQuery(period.start, period.end))).catch(() => null);
        if (raw === null) break;
        const body = v.safeParse(CountResponseSchema, raw);
        if (body.success && Number.isInteger(body.output.count) && body.output.count >= 0)
          stored.set(periodKey(period), body.output.count);
        // Each count is kept as it comes, and the other tabs keep waiting for the rest.
        save();
        stillFetching();
      }
      return stored;
    },
  });
  const best = new Map<string, OwnBest>();
  for (const plan of plans) {
    const known = plan.periods.flatMap((period) => {
      const count = counts.get(periodKey(period));
      return count === undefined ? [] : [count];
    });
    // Judged only on the whole history: one slow day counted before a 429 is no measure of the agent.
    const own = known.length === plan.periods.length ? ownBestOf(known) : null;
    if (own) best.set(plan.goalKey, own);
  }
  return best;
}
