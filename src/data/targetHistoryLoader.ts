import type { Goal } from '../core/goals/goal';
import type { TargetHistory } from '../core/metrics/teamHistory';
import { planTeamHistory } from '../core/metrics/teamHistory';
import type { AppSettings } from '../core/settings/appSettings';
import type { AgentContext } from './agentContext';
import type { KeyValueStore } from './engine/snapshotCache';
import type { DataEngine } from './engineState';
import type { WaitTiming } from './fetchOnceAcrossTabs';
import { fetchTeamHistory } from './zendesk/fetchTeamHistory';
import type { PoliteGet } from './zendesk/politeRequest';

/**
 * Admins also get a check of team targets against the last 8 periods (cached for a day). Started only once
 * fresh figures are on screen, so the history never competes with the first paint for the budget.
 */
export function loadTargetHistoryWhenIdle(options: {
  engine: DataEngine;
  get: PoliteGet;
  agent: AgentContext;
  goals: readonly Goal[];
  settings: AppSettings;
  teamGroupIds: readonly number[];
  storage: KeyValueStore;
  now: () => number;
  timing: WaitTiming;
  onLoaded: (history: readonly TargetHistory[]) => void;
}): void {
  const { agent, engine, now } = options;
  if (agent.role !== 'admin') return;
  const plans = planTeamHistory(options.goals, {
    now: now(),
    timeZone: agent.timeZone,
    weekStartsOn: options.settings.weekStartsOn,
    teamGroupIds: options.teamGroupIds,
  });
  if (plans.length === 0) return;
  const key = `goalpost:v1:history:${agent.accountSubdomain}:${agent.agentId}`;
  let isStarted = false;
  const stop = engine.subscribe((state) => {
    if (isStarted || state.status !== 'ready' || state.isRefreshing || state.error !== null) return;
    const age = now() - state.refreshedAt;
    if (age < 0 || age > 60_000) return;
    isStarted = true;
    queueMicrotask(() => stop());
    void fetchTeamHistory(options.get, plans, options.storage, key, options.timing).then(
      options.onLoaded,
      () => undefined,
    );
  });
}
