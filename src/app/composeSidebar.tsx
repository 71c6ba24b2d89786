import type { ReactElement } from 'react';
import { goalsForAgent } from '../core/settings/goalsForAgent';
import { parseAppSettings } from '../core/settings/parseAppSettings';
import type { AgentContext } from '../data/agentContext';
import { createAgentEngine, teamGroupsOf } from '../data/engine/createAgentEngine';
import type { EngineClock, MessageChannelLike } from '../data/engine/engineTypes';
import type { LockManagerLike } from '../data/engine/leadership';
import { createNudgeHistoryStore } from '../data/engine/nudgeHistoryStore';
import type { KeyValueStore } from '../data/engine/snapshotCache';
import type { DataEngine } from '../data/engineState';
import { createLastBoardStore } from '../data/lastBoardStore';
import { loadAgentContext } from '../data/loadAgentContext';
import type { Histories } from '../data/historyLoader';
import { loadHistoriesWhenIdle, NO_HISTORIES } from '../data/historyLoader';
import type { SidebarActivity } from '../data/zaf/sidebarActivity';
import type { ZafClient } from '../data/zaf/zafClient';
import type { PolitenessOptions, RequestTiming } from '../data/zendesk/politeRequest';
import { accountBudgetForPlan, createPoliteGet, DEFAULT_POLITENESS } from '../data/zendesk/politeRequest';
import { createStoredRateState } from '../data/zendesk/sharedRateState';
import { GoalpostApp } from '../ui/GoalpostApp';
import { loadSidebarTexts } from '../ui/i18n/laterParts';
import { createTranslator, loadLocale, shippedLocale } from '../ui/i18n/translator';

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
  /** When the first paint stops waiting for the agent's profile (default: PROFILE_WAIT_MS). */
  waitForProfile?: () => Promise<void>;
  /** Whether Zendesk shows the sidebar, listened to since before startup (default: assumed shown). */
  activity?: SidebarActivity;
  /** `navigator.locks` where the browser has it: the agent's tabs elect their leader without storage. */
  locks?: LockManagerLike;
  /** How far a session's first refresh over stale cached figures is spread (default FIRST_REFRESH_SPREAD_MS). */
  firstRefreshSpreadMs?: number;
}

export interface ComposedSidebar {
  agent: AgentContext;
  engine: DataEngine;
  /** The sidebar as it should be drawn now; `onChange` is called with a new element when it changes. */
  element: ReactElement;
}

/** Whether a late profile changes what the sidebar shows (groups, team, ticket access). */
function changesBoard(before: AgentContext, after: AgentContext): boolean {
  return (
    before.defaultGroupId !== after.defaultGroupId ||
    before.isTicketAccessRestricted !== after.isTicketAccessRestricted ||
    before.groupIds.join() !== after.groupIds.join()
  );
}

/**
 * Builds the sidebar from its parts — agent context, settings, goals, engine, nudge history, histories — the
 * one way both src/index.tsx and the UI tests do it. If Zendesk is slow to describe the agent, the board is
 * drawn at once with what ZAF knows (cached figures included) and rebuilt when the profile arrives.
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
  const getFor = (
    accountSubdomain: string,
    agentId: number,
    planName: string | null = null,
    priority: 'figures' | 'background' = 'figures',
  ) => {
    const options = politeness(planName);
    return createPoliteGet(
      client.request.bind(client),
      timing,
      // Background work (histories) proceeds only while the agent's minute is less than half used, so it
      // never makes the next refresh of the figures wait for budget. Both count against the same minute.
      priority === 'background' ? { ...options, maxShareOfBudget: options.maxShareOfBudget / 2 } : options,
      createStoredRateState(storage, accountSubdomain, agentId),
    );
  };
  const { agent, refined } = await loadAgentContext(client, getFor, storage, timing, env.waitForProfile);
  const spoken = await Promise.all([loadLocale(agent.locale), loadSidebarTexts(agent.locale)]);
  // A board worded in English because the agent's language did not load is not kept for the next first paint,
  // which would show its nudges among the agent's own words.
  const isInAgentsLanguage = spoken.every((language) => language === shippedLocale(agent.locale));
  let generation = 0;
  let current = assemble(agent);
  void refined?.then((late) => {
    if (!late || !changesBoard(agent, late)) return;
    current.engine.dispose();
    current = assemble(late);
    onChange(current.element);
  });
  return current;

  function assemble(agent: AgentContext): ComposedSidebar {
    generation += 1;
    // A rebuilt board starts afresh in React too: new engine, new state.
    const key = `board-${generation}`;
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
      locks: env.locks,
      firstRefreshSpreadMs: env.firstRefreshSpreadMs,
      instanceId: `${env.instanceId}:${agent.groupIds.join('-')}:${agent.defaultGroupId ?? ''}`,
    });
    const translator = createTranslator(agent.locale);
    const nudgeHistory = createNudgeHistoryStore(storage, agent.accountSubdomain, agent.agentId);
    const lastBoard = isInAgentsLanguage
      ? createLastBoardStore(storage, agent.accountSubdomain, agent.agentId)
      : undefined;
    const draw = (histories: Histories) => (
      <GoalpostApp
        key={key}
        client={client}
        activity={env.activity}
        translator={translator}
        agent={agent}
        parsedSettings={parsedSettings}
        goals={goals}
        teamGroupIds={teamGroupIds}
        engine={engine}
        nudgeHistory={nudgeHistory}
        lastBoard={lastBoard}
        targetHistory={histories.targetHistory}
        ownBest={histories.ownBest}
        trends={histories.trends}
        now={timing.now}
      />
    );
    loadHistoriesWhenIdle({
      engine,
      get: getFor(agent.accountSubdomain, agent.agentId, agent.planName, 'background'),
      agent,
      goals,
      settings,
      teamGroupIds,
      storage,
      timing,
      onLoaded: (histories) => {
        if (current.engine === engine) onChange(draw(histories));
      },
    });
    return { agent, engine, element: draw(NO_HISTORIES) };
  }
}
