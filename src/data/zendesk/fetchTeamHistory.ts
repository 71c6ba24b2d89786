import * as v from 'valibot';
import type { TargetHistory, TeamHistoryPlan } from '../../core/metrics/teamHistory';
import { toTargetHistory } from '../../core/metrics/teamHistory';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { WaitTiming } from '../fetchOnceAcrossTabs';
import { fetchOnceAcrossTabs } from '../fetchOnceAcrossTabs';
import type { PoliteGet } from './politeRequest';
import { countUrl, teamCountQuery } from './searchQuery';
import { CountResponseSchema } from './zendeskSchemas';

const HISTORY_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Team goals' recent history, for the admin's target check: one search/count per past period (8 per team
 * goal), fetched at most once a day per admin and account and cached; never for agents.
 */
const TargetHistorySchema = v.object({
  goalKey: v.string(),
  period: v.picklist(['day', 'week', 'month', 'quarter', 'now']),
  basis: v.picklist(['team', 'perAgent']),
  median: v.pipe(v.number(), v.finite()),
  periods: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const CachedHistorySchema = v.object({ at: v.number(), history: v.array(TargetHistorySchema) });

function readCachedHistory(
  store: KeyValueStore,
  cacheKey: string,
  plans: readonly TeamHistoryPlan[],
  now: number,
): TargetHistory[] | null {
  try {
    const cached = v.safeParse(CachedHistorySchema, JSON.parse(store.getItem(cacheKey) ?? 'null'));
    if (!cached.success) return null;
    const { at, history } = cached.output;
    const keys = (list: readonly { goalKey: string }[]) =>
      list
        .map((entry) => entry.goalKey)
        .sort()
        .join();
    const isCurrent = at <= now && now - at < HISTORY_MAX_AGE_MS && keys(history) === keys(plans);
    return isCurrent ? history : null;
  } catch {
    return null;
  }
}

export async function fetchTeamHistory(
  get: PoliteGet,
  plans: readonly TeamHistoryPlan[],
  store: KeyValueStore,
  cacheKey: string,
  timing: WaitTiming,
): Promise<TargetHistory[]> {
  return fetchOnceAcrossTabs({
    store,
    leaseKey: `${cacheKey}:fetching`,
    // Up to 8 counts per team goal at the agent's share of the budget: give the fetching tab time.
    leaseMs: 5 * 60_000,
    timing,
    readCached: () => readCachedHistory(store, cacheKey, plans, timing.now()),
    fetch: async () => {
      const history: TargetHistory[] = [];
      for (const plan of plans) {
        const counts: number[] = [];
        for (const request of plan.requests) {
          const body = v.safeParse(CountResponseSchema, await get(countUrl(teamCountQuery(request))));
          if (body.success) counts.push(body.output.count);
        }
        if (counts.length > 0) history.push(toTargetHistory(plan, counts));
      }
      try {
        store.setItem(cacheKey, JSON.stringify({ at: timing.now(), history }));
      } catch {
        // Storage blocked: fetched again next load.
      }
      return history;
    },
  });
}
