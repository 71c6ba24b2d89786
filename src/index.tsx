import { ThemeProvider } from '@zendeskgarden/react-theming';
import { Alert } from '@zendeskgarden/react-notifications';
import { createRoot } from 'react-dom/client';
import { goalsForAgent } from './core/settings/goalsForAgent';
import { parseAppSettings } from './core/settings/parseAppSettings';
import { createAgentEngine, teamGroupsOf } from './data/engine/createAgentEngine';
import { createNudgeHistoryStore } from './data/engine/nudgeHistoryStore';
import { loadAgentContext } from './data/loadAgentContext';
import { createZafClient } from './data/zaf/zafClient';
import { accountBudgetForPlan, createPoliteGet, DEFAULT_POLITENESS } from './data/zendesk/politeRequest';
import { GoalpostApp } from './ui/GoalpostApp';
import type { TargetHistory } from './core/metrics/teamHistory';
import { planTeamHistory } from './core/metrics/teamHistory';
import { fetchTeamHistory } from './data/zendesk/fetchTeamHistory';
import { createTranslator } from './ui/i18n/translator';

const timing = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

function renderNotice(root: ReturnType<typeof createRoot>, text: string) {
  root.render(
    <ThemeProvider>
      <Alert type="info">
        <Alert.Paragraph>{text}</Alert.Paragraph>
      </Alert>
    </ThemeProvider>,
  );
}

async function start(): Promise<void> {
  const root = createRoot(
    document.getElementById('root') ?? document.body.appendChild(document.createElement('div')),
  );
  const client = createZafClient();
  if (!client) {
    renderNotice(root, createTranslator(navigator.language).t('ui.outsideZendesk'));
    return;
  }
  const send = client.request.bind(client);
  try {
    const agent = await loadAgentContext(
      client,
      createPoliteGet(send, timing),
      window.localStorage,
      Date.now(),
    );
    const translator = createTranslator(agent.locale);
    const parsedSettings = parseAppSettings(agent.rawSettings, Date.now());
    const { settings } = parsedSettings;
    const goals = goalsForAgent(settings.goals, agent.agentId, agent.groupIds);
    const teamGroupIds = teamGroupsOf(agent, settings);
    const get = createPoliteGet(send, timing, {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: accountBudgetForPlan(agent.planName),
    });
    const engine = createAgentEngine({
      get,
      agent,
      goals,
      settings,
      teamGroupIds,
      clock: {
        now: () => Date.now(),
        setTimeout: (run, ms) => window.setTimeout(run, ms),
        clearTimeout: (handle) => window.clearTimeout(handle as number),
      },
      storage: window.localStorage,
      openChannel: (name) => new BroadcastChannel(name),
      instanceId: crypto.randomUUID(),
    });
    const nudgeHistory = createNudgeHistoryStore(window.localStorage, agent.accountSubdomain, agent.agentId);
    const render = (targetHistory: readonly TargetHistory[] = []) =>
      root.render(
        <GoalpostApp
          client={client}
          translator={translator}
          agent={agent}
          parsedSettings={parsedSettings}
          goals={goals}
          teamGroupIds={teamGroupIds}
          engine={engine}
          nudgeHistory={nudgeHistory}
          targetHistory={targetHistory}
        />,
      );
    render();
    if (agent.role === 'admin') {
      // Admins also get a check of team targets against the last 8 periods (cached for a day).
      const plans = planTeamHistory(goals, {
        now: Date.now(),
        timeZone: agent.timeZone,
        weekStartsOn: settings.weekStartsOn,
        teamGroupIds,
      });
      if (plans.length > 0) {
        const key = `goalpost:v1:history:${agent.accountSubdomain}:${agent.agentId}`;
        // Only once the figures are on screen: the history must not compete with the first paint for the budget.
        let isStarted = false;
        const stop = engine.subscribe((state) => {
          if (
            isStarted ||
            state.status !== 'ready' ||
            state.isRefreshing ||
            Date.now() - state.refreshedAt > 60_000
          )
            return;
          isStarted = true;
          queueMicrotask(() => stop());
          void fetchTeamHistory(get, plans, window.localStorage, key, Date.now()).then(
            render,
            () => undefined,
          );
        });
      }
    }
  } catch {
    renderNotice(root, createTranslator(navigator.language).t('ui.crashed'));
  }
}

void start();
