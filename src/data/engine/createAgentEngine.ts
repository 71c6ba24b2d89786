import type { Goal } from '../../core/goals/goal';
import type { AppSettings } from '../../core/settings/appSettings';
import type { AgentContext } from '../agentContext';
import type { DataEngine } from '../engineState';
import type { PoliteGet } from '../zendesk/politeRequest';
import type { EngineClock, MessageChannelLike } from './engineTypes';
import { createDataEngine } from './createDataEngine';
import { leaderLockName } from '../storageKeys';
import type { LockManagerLike } from './leadership';
import { lockLeadership } from './leadership';
import type { KeyValueStore } from './snapshotCache';
import { createZendeskSnapshotSource } from './zendeskSnapshotSource';

export interface AgentEngineOptions {
  get: PoliteGet;
  agent: AgentContext;
  goals: readonly Goal[];
  settings: AppSettings;
  teamGroupIds: readonly number[];
  clock: EngineClock;
  storage: KeyValueStore;
  openChannel: (name: string) => MessageChannelLike;
  instanceId: string;
  /** The browser's Web Locks (`navigator.locks`), when it has them: leadership then needs no storage. */
  locks?: LockManagerLike;
  firstRefreshSpreadMs?: number;
}

/**
 * How far the first refresh of a session is spread when cached figures are showing: at shift start a whole
 * account's agents open Zendesk within minutes, and their cached figures (today's count starting at zero)
 * are right enough to wait. See docs/scaling.md for the figures behind it.
 */
export const FIRST_REFRESH_SPREAD_MS = 15 * 60_000;

/** The groups that make up the agent's team: their default group, or all their groups (an admin setting). */
export function teamGroupsOf(
  agent: Pick<AgentContext, 'groupIds' | 'defaultGroupId'>,
  settings: Pick<AppSettings, 'teamScope'>,
): number[] {
  if (settings.teamScope === 'allGroups') return [...agent.groupIds];
  return agent.defaultGroupId !== null ? [agent.defaultGroupId] : agent.groupIds.slice(0, 1);
}

/** This sidebar's data engine, fetching from Zendesk exactly what the agent's goals need. */
export function createAgentEngine(options: AgentEngineOptions): DataEngine {
  const { agent, settings } = options;
  return createDataEngine({
    source: createZendeskSnapshotSource({
      get: options.get,
      agentId: agent.agentId,
      goals: options.goals,
      timeZone: agent.timeZone,
      weekStartsOn: settings.weekStartsOn,
      teamGroupIds: options.teamGroupIds,
      isTeamViewPartial: agent.isTicketAccessRestricted,
    }),
    accountSubdomain: agent.accountSubdomain,
    agentId: agent.agentId,
    clock: options.clock,
    storage: options.storage,
    openChannel: options.openChannel,
    instanceId: options.instanceId,
    refreshMinutes: settings.refreshMinutes,
    firstRefreshSpreadMs: options.firstRefreshSpreadMs ?? FIRST_REFRESH_SPREAD_MS,
    leadership: options.locks ? lockLeadership(options.locks, leaderLockName(agent)) : undefined,
  });
}
