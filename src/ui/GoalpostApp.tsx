import type { GoalTrend } from '../core/trends/goalTrend';
import { useEffect, useRef } from 'react';
import type { Goal } from '../core/goals/goal';
import type { OwnBest } from '../core/metrics/evaluateGoals';
import type { TargetHistory } from '../core/metrics/teamHistory';
import type { ParsedSettings } from '../core/settings/appSettings';
import type { AgentContext } from '../data/agentContext';
import type { NudgeHistoryStore } from '../data/engine/nudgeHistoryStore';
import type { LastBoardStore } from '../data/lastBoardStore';
import type { DataEngine } from '../data/engineState';
import type { SidebarActivity } from '../data/zaf/sidebarActivity';
import type { ZafClient } from '../data/zaf/zafClient';
import { BoardNotices } from './components/BoardNotices';
import { GoalBoardView } from './components/GoalBoardView';
import { useGoalBoard } from './hooks/useGoalBoard';
import { useZafEvents } from './hooks/useZafEvents';
import type { Translator } from './i18n/translator';
import { useTranslator } from './i18n/TranslatorContext';
import { SidebarProviders } from './SidebarProviders';

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
  /** Where the board as drawn is kept for the next sidebar's first paint. */
  lastBoard?: LastBoardStore;
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
  lastBoard,
  targetHistory,
  ownBest,
  trends = [],
  now,
}: Omit<GoalpostAppProps, 'translator' | 'onReset'>) {
  const translator = useTranslator();
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
  useEffect(() => {
    const { state } = board;
    if (!lastBoard || state.status !== 'ready') return;
    lastBoard.save({
      savedAt: board.now,
      locale: agent.locale,
      refreshedAt: state.refreshedAt,
      progress: board.progress,
      nudges: board.nudges.map((nudge) => ({ ...nudge, text: translator.formatMessage(nudge.message) })),
      pendingSolveCount: board.pendingSolveCount,
      gaps: state.gaps,
      isTeamViewPartial: state.isTeamViewPartial,
      trends: [...trends],
    });
  }, [board, lastBoard, trends, agent.locale, translator]);
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
  const refresh = () => engine.refresh('manual');
  return (
    <div ref={container}>
      <GoalBoardView
        board={board}
        notices={
          <BoardNotices
            state={board.state}
            problems={parsedSettings.problems}
            isAdmin={agent.role === 'admin'}
            now={board.now}
            timeZone={agent.timeZone}
            onRetry={refresh}
          />
        }
        isAdmin={agent.role === 'admin'}
        onRefresh={refresh}
        onOpenStudio={() => client.openAppPage()}
        trends={trends}
        agentId={agent.agentId}
      />
    </div>
  );
}

/** The sidebar: providers around the goal board. */
export function GoalpostApp({ onReset, ...props }: GoalpostAppProps) {
  const { translator, client, engine, nudgeHistory, lastBoard } = props;
  return (
    <SidebarProviders
      client={client}
      translator={translator}
      onReset={() => {
        nudgeHistory.clear();
        lastBoard?.clear();
        engine.discardStoredState();
        onReset?.();
      }}
    >
      <Board {...props} />
    </SidebarProviders>
  );
}
