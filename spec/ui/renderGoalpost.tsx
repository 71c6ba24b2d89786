import { render } from '@testing-library/react';
import { goalsForAgent } from '../../src/core/settings/goalsForAgent';
import { parseAppSettings } from '../../src/core/settings/parseAppSettings';
import { createAgentEngine, teamGroupsOf } from '../../src/data/engine/createAgentEngine';
import { createNudgeHistoryStore } from '../../src/data/engine/nudgeHistoryStore';
import { loadAgentContext } from '../../src/data/loadAgentContext';
import { createPoliteGet } from '../../src/data/zendesk/politeRequest';
import { GoalpostApp } from '../../src/ui/GoalpostApp';
import { createTranslator } from '../../src/ui/i18n/translator';
import type { FakeClient } from '../data/createFakeClient';
import { ChannelHub, MemoryStore } from '../data/engine/engineHarness';

/**
 * Renders the whole sidebar as src/index.tsx does — real core, data layer and engine — over the fake ZAF
 * client, with the simulated clock as "now".
 */
export async function renderGoalpost(client: FakeClient, storage = new MemoryStore()) {
  const fake = client.zendesk;
  const now = () => fake.now;
  const timing = { now, sleep: async () => undefined, random: () => 0.5 };
  const get = createPoliteGet(client.request, timing, {
    accountBudgetPerMinute: 10_000,
    maxShareOfBudget: 1,
    maxAttempts: 1,
    baseBackoffMs: 0,
    defaultRetryAfterSeconds: 60,
  });
  const agent = await loadAgentContext(client, get, storage, now());
  const parsedSettings = parseAppSettings(agent.rawSettings);
  const { settings } = parsedSettings;
  const goals = goalsForAgent(settings.goals, agent.agentId, agent.groupIds);
  const teamGroupIds = teamGroupsOf(agent, settings);
  const engine = createAgentEngine({
    get,
    agent,
    goals,
    settings,
    teamGroupIds,
    // Engine ticks compressed to a few milliseconds; "now" is the simulated clock.
    clock: {
      now,
      setTimeout: (run, ms) => setTimeout(run, Math.min(ms, 20)),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    storage,
    openChannel: new ChannelHub().open,
    instanceId: 'test-tab',
  });
  const view = render(
    <GoalpostApp
      client={client}
      translator={createTranslator(agent.locale)}
      agent={agent}
      parsedSettings={parsedSettings}
      goals={goals}
      teamGroupIds={teamGroupIds}
      engine={engine}
      nudgeHistory={createNudgeHistoryStore(storage, agent.accountSubdomain, agent.agentId)}
      now={now}
    />,
  );
  return { ...view, engine, agent, storage };
}
