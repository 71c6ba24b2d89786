import type { GoalTrend } from '../core/trends/goalTrend';
import { useEffect, useRef } from 'react';
import type { Goal } from '../core/goals/goal';
import type { OwnBest } from '../core/metrics/evaluateGoals';
import type { TargetHistory } from '../core/metrics/teamHistory';
import type { ParsedSettings } from '../core/settings/appSettings';
import type { AgentContext } from '../data/agentContext';
import type { NudgeHistoryStore } from '../data/engine/nudgeHistoryStore';
import type { DataEngine } from '../data/engineState';
import type { SidebarActivity } from '../data/zaf/sidebarActivity';
import type { ZafClient } from '../data/zaf/zafClient';
import { AppThemeProvider } from './theme/AppThemeProvider';
import { ClientProvider } from './ClientProvider';
import { ErrorBoundary } from './ErrorBoundary';
import { GoalBoardView } from './components/GoalBoardView';
import { useGoalBoard } from './hooks/useGoalBoard';
import { useZafEvents } from './hooks/useZafEvents';
import type { Translator } from './i18n/translator';
import { TranslatorContext } from './i18n/TranslatorContext';

export interface GoalpostAppProps {
  client: ZafClient;
  /** Whether Zendesk shows the sidebar (see useZafEvents). */
  activity?: SidebarActivity;
  translator: Translator;
  agent: AgentContext;
  parsedSettings: ParsedSettings;
  goals: readonly Goal[];
  teamGroupIds: readonly number[];
  engine: DataEngine;
  nudgeHistory: NudgeHistoryStore;
  targetHistory?: readonly TargetHistory[];
  /** The agent's best in recent periods per personal count goal (stretch targets). */
  ownBest?: ReadonlyMap<string, OwnBest>;
  /** The headline goals' last 8 periods (loaded after the first fresh figures). */
  trends?: readonly GoalTrend[];
  now?: () => number;
  /** After a crash: forget stored state that may have caused it. */
  onReset?: () => void;
}

function Board({
  client,
  activity,
  agent,
  parsedSettings,
  goals,
  teamGroupIds,
  engine,
  nudgeHistory,
  targetHistory,
  ownBest,
  trends = [],
  now,
}: Omit<GoalpostAppProps, 'translator' | 'onReset'>) {
  const board = useGoalBoard({
    engine,
    goals,
    settings: parsedSettings.settings,
    timeZone: agent.timeZone,
    teamGroupIds,
    nudgeHistory,
    isAdmin: agent.role === 'admin',
    isTeamViewPartial: agent.isTicketAccessRestricted,
    targetHistory,
    ownBest,
    now,
  });
  useZafEvents(client, engine, agent.agentId, activity);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      if (element) client.resize(element.scrollHeight);
      return;
    }
    const observer = new ResizeObserver(() => client.resize(element.scrollHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [client]);
  const isTeamViewPartial = board.state.status === 'ready' && board.state.snapshot.isTeamViewPartial;
  return (
    <div ref={container}>
      <GoalBoardView
        board={board}
        problems={parsedSettings.problems}
        isAdmin={agent.role === 'admin'}
        timeZone={agent.timeZone}
        isTeamViewPartial={isTeamViewPartial}
        onRefresh={() => engine.refresh('manual')}
        onOpenStudio={() => client.openAppPage()}
        trends={trends}
        agentId={agent.agentId}
      />
    </div>
  );
}

/** The sidebar: providers around the goal board. */
export function GoalpostApp({ onReset, ...props }: GoalpostAppProps) {
  const { translator, client, engine, nudgeHistory } = props;
  return (
    <AppThemeProvider client={client}>
      <TranslatorContext.Provider value={translator}>
        <ClientProvider client={client}>
          <ErrorBoundary
            message={translator.t('ui.crashed')}
            retryLabel={translator.t('ui.tryAgain')}
            onReset={() => {
              nudgeHistory.clear();
              engine.discardStoredState();
              onReset?.();
            }}
          >
            <Board {...props} />
          </ErrorBoundary>
        </ClientProvider>
      </TranslatorContext.Provider>
    </AppThemeProvider>
  );
}
