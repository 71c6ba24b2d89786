import * as v from 'valibot';
import type { TargetHistory, TeamHistoryPlan } from '../../core/metrics/teamHistory';
import { toTargetHistory } from '../../core/metrics/teamHistory';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { PoliteGet } from './politeRequest';
import { countUrl, teamCountQuery } from './searchQuery';
import { CountResponseSchema } from './zendeskSchemas';

const HISTORY_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Team goals' recent history, for the admin's target check: one search/count per past period (8 per team
 * goal), fetched at most once a day per admin and account and cached; never for agents.
 */
export async function fetchTeamHistory(
  get: PoliteGet,
  plans: readonly TeamHistoryPlan[],
  store: KeyValueStore,
  cacheKey: string,
  now: number,
): Promise<TargetHistory[]> {
  try {
    const cached = JSON.parse(store.getItem(cacheKey) ?? 'null') as {
      at: number;
      history: TargetHistory[];
    } | null;
    const wanted = plans
      .map((p) => p.goalKey)
      .sort()
      .join();
    if (
      cached &&
      now - cached.at < HISTORY_MAX_AGE_MS &&
      cached.history
        .map((h) => h.goalKey)
        .sort()
        .join() === wanted
    )
      return cached.history;
  } catch {
    // Unreadable cache: fetch again.
  }
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
    store.setItem(cacheKey, JSON.stringify({ at: now, history }));
  } catch {
    // Storage blocked: fetched again next load.
  }
  return history;
}
