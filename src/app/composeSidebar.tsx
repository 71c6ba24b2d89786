import type { ReactElement } from 'react';
import { goalsForAgent } from '../core/settings/goalsForAgent';
import { parseAppSettings } from '../core/settings/parseAppSettings';
import type { AgentContext } from '../data/agentContext';
import { createAgentEngine, teamGroupsOf } from '../data/engine/createAgentEngine';
import type { EngineClock, MessageChannelLike } from '../data/engine/createDataEngine';
import { createNudgeHistoryStore } from '../data/engine/nudgeHistoryStore';
import type { KeyValueStore } from '../data/engine/snapshotCache';
import type { DataEngine } from '../data/engineState';
import { loadAgentContext } from '../data/loadAgentContext';
import type { Histories } from '../data/historyLoader';
import { loadHistoriesWhenIdle } from '../data/historyLoader';
import type { ZafClient } from '../data/zaf/zafClient';
import type { PolitenessOptions, RequestTiming } from '../data/zendesk/politeRequest';
import { accountBudgetForPlan, createPoliteGet, DEFAULT_POLITENESS } from '../data/zendesk/politeRequest';
import { createStoredRateState } from '../data/zendesk/sharedRateState';
import { GoalpostApp } from '../ui/GoalpostApp';
import { createTranslator } from '../ui/i18n/translator';

/** Everything the sidebar needs from its surroundings: the browser in the app, fakes in the UI tests. */
export interface SidebarEnvironment {
  client: ZafClient;
  storage: KeyValueStore;
  timing: RequestTiming;
  engineClock: EngineClock;
  openChannel: (name: string) => MessageChannelLike;
  instanceId: string;
  /** Overrides of the request politeness (tests run with no waits). */
  politeness?: Partial<PolitenessOptions>;
}

export interface ComposedSidebar {
  agent: AgentContext;
  engine: DataEngine;
  /** The sidebar as it should be drawn now; `onChange` is called with a new element when it changes. */
  element: ReactElement;
}

/**
 * Builds the sidebar from its parts — agent context, settings, goals, engine, nudge history, admin target
 * history — the one way both src/index.tsx and the UI tests do it.
 */
export async function composeSidebar(
  env: SidebarEnvironment,
  onChange: (element: ReactElement) => void,
): Promise<ComposedSidebar> {
  const { client, storage, timing } = env;
  const politeness = (planName: string | null): PolitenessOptions => ({
    ...DEFAULT_POLITENESS,
    accountBudgetPerMinute: accountBudgetForPlan(planName),
    ...env.politeness,
  });
  const getFor = (accountSubdomain: string, agentId: number, planName: string | null = null) =>
    createPoliteGet(
      client.request.bind(client),
      timing,
      politeness(planName),
      createStoredRateState(storage, accountSubdomain, agentId),
    );
  const agent = await loadAgentContext(client, getFor, storage, timing);
  const get = getFor(agent.accountSubdomain, agent.agentId, agent.planName);
  const parsedSettings = parseAppSettings(agent.rawSettings, timing.now());
  const { settings } = parsedSettings;
  const goals = goalsForAgent(settings.goals, agent.agentId, agent.groupIds);
  const teamGroupIds = teamGroupsOf(agent, settings);
  const engine = createAgentEngine({
    get,
    agent,
    goals,
    settings,
    teamGroupIds,
    clock: env.engineClock,
    storage,
    openChannel: env.openChannel,
    instanceId: env.instanceId,
  });
  const translator = createTranslator(agent.locale);
  const nudgeHistory = createNudgeHistoryStore(storage, agent.accountSubdomain, agent.agentId);
  const draw = (histories: Histories) => (
    <GoalpostApp
      client={client}
      translator={translator}
      agent={agent}
      parsedSettings={parsedSettings}
      goals={goals}
      teamGroupIds={teamGroupIds}
      engine={engine}
      nudgeHistory={nudgeHistory}
      targetHistory={histories.targetHistory}
      ownBest={histories.ownBest}
      now={timing.now}
    />
  );
  loadHistoriesWhenIdle({
    engine,
    get,
    agent,
    goals,
    settings,
    teamGroupIds,
    storage,
    timing,
    onLoaded: (histories) => onChange(draw(histories)),
  });
  return { agent, engine, element: draw({ targetHistory: [], ownBest: new Map() }) };
}
