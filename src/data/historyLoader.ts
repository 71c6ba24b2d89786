import { headlineGoals } from '../core/board/boardOrder';
import type { Goal } from '../core/goals/goal';
import type { OwnBest } from '../core/metrics/evaluateGoals';
import { planOwnHistory } from '../core/metrics/ownHistory';
import type { TargetHistory } from '../core/metrics/teamHistory';
import { planTeamHistory } from '../core/metrics/teamHistory';
import type { AppSettings } from '../core/settings/appSettings';
import type { GoalTrend } from '../core/trends/goalTrend';
import { planTrends } from '../core/trends/goalTrend';
import type { AgentContext } from './agentContext';
import type { KeyValueStore } from './engine/snapshotCache';
import { storageKeys } from './storageKeys';
import type { DataEngine } from './engineState';
import type { WaitTiming } from './fetchOnceAcrossTabs';
import { fetchGoalTrends } from './trends/fetchTrendCounts';
import { fetchOwnHistory } from './zendesk/fetchOwnHistory';
import { fetchTeamHistory } from './zendesk/fetchTeamHistory';
import { cachedTeamSize } from './zendesk/fetchTeamSize';
import type { PoliteGet } from './zendesk/politeRequest';

export interface Histories {
  /** Team goals' recent medians (admins only): targets out of line with what the team does. */
  targetHistory: readonly TargetHistory[];
  /** The agent's own best per personal count goal: targets above it are stretch goals. */
  ownBest: ReadonlyMap<string, OwnBest>;
  /** The headline goals' last 8 periods, for their trend lines (solved and CSAT goals). */
  trends: readonly GoalTrend[];
}

export const NO_HISTORIES: Histories = { targetHistory: [], ownBest: new Map(), trends: [] };

/**
 * Past periods, for attainability: the agent's own counts (every agent) and the team's (admins). Started only
 * once fresh figures are on screen, so history never competes with the first paint for the budget.
 */
export function loadHistoriesWhenIdle(options: {
  engine: DataEngine;
  get: PoliteGet;
  agent: AgentContext;
  goals: readonly Goal[];
  settings: AppSettings;
  teamGroupIds: readonly number[];
  storage: KeyValueStore;
  timing: WaitTiming;
  onLoaded: (histories: Histories) => void;
}): void {
  const { agent, engine, timing } = options;
  const context = {
    now: timing.now(),
    timeZone: agent.timeZone,
    weekStartsOn: options.settings.weekStartsOn,
    teamGroupIds: options.teamGroupIds,
  };
  const ownPlans = planOwnHistory(options.goals, context);
  const trendPlans = planTrends(headlineGoals(options.goals), {
    ...context,
    workingHours: options.settings.workingHours,
  });
  const isAdmin = agent.role === 'admin';
  // Admins also weigh personal solved targets against what the team's agents each did.
  const needsTeamSize =
    isAdmin &&
    options.teamGroupIds.length > 0 &&
    options.goals.some((g) => g.scope === 'me' && g.metric === 'solved');
  if (ownPlans.length === 0 && trendPlans.length === 0 && !isAdmin) return;
  let isStarted = false;
  const stop = engine.subscribe((state) => {
    if (isStarted || state.status !== 'ready' || state.isRefreshing || state.error !== null) return;
    const age = timing.now() - state.refreshedAt;
    if (age < 0 || age > 60_000) return;
    isStarted = true;
    queueMicrotask(() => stop());
    void (async () => {
      const ownBest =
        ownPlans.length > 0
          ? await fetchOwnHistory(
              options.get,
              ownPlans,
              options.storage,
              storageKeys.ownHistory(agent),
              timing,
            )
          : new Map<string, OwnBest>();
      const teamSize = needsTeamSize
        ? await cachedTeamSize(
            options.get,
            options.teamGroupIds,
            options.storage,
            storageKeys.teamSize(agent),
            timing.now(),
          )
        : null;
      const teamPlans = isAdmin
        ? planTeamHistory(options.goals, { ...context, teamSize: teamSize ?? 0 })
        : [];
      const targetHistory =
        teamPlans.length > 0
          ? await fetchTeamHistory(
              options.get,
              teamPlans,
              options.storage,
              storageKeys.teamHistory(agent),
              timing,
            )
          : [];
      const trends = await fetchGoalTrends(
        options.get,
        trendPlans,
        { store: options.storage, cacheKey: storageKeys.trendCounts(agent), timing },
        options.settings.csatMinimumRatings,
      );
      options.onLoaded({ targetHistory, ownBest, trends });
    })().catch(() => undefined);
  });
}
