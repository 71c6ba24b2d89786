import type { Goal } from '../../core/goals/goal';
import { planFetch } from '../../core/metrics/fetchPlan';
import type { WeekStart } from '../../core/settings/appSettings';
import type { PoliteGet } from '../zendesk/politeRequest';
import { fetchAgentSnapshot, fetchSnapshotChanges } from '../zendesk/fetchAgentSnapshot';
import type { SnapshotSource } from './createDataEngine';

export interface SnapshotSourceOptions {
  get: PoliteGet;
  agentId: number;
  goals: readonly Goal[];
  timeZone: string;
  weekStartsOn: WeekStart;
  teamGroupIds: readonly number[];
  isTeamViewPartial: boolean;
}

/** Connects the engine to Zendesk: the goals decide what is fetched, for the windows that contain `now`. */
export function createZendeskSnapshotSource(options: SnapshotSourceOptions): SnapshotSource {
  const plan = (now: number) =>
    planFetch(options.goals, {
      now,
      timeZone: options.timeZone,
      weekStartsOn: options.weekStartsOn,
      teamGroupIds: options.teamGroupIds,
    });
  return {
    full: (now, onPersonal) =>
      fetchAgentSnapshot(options.get, options.agentId, plan(now), now, options.isTeamViewPartial, onPersonal),
    changes: (previous, now) =>
      fetchSnapshotChanges(options.get, previous, plan(now), now, options.isTeamViewPartial),
    solvedSince: (now) => plan(now).solvedSince,
  };
}
