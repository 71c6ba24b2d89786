import { useEffect, useMemo, useState } from 'react';
import type { FirstPaintContext } from '../data/firstPaintContext';
import type { ZafClient } from '../data/zaf/zafClient';
import { GoalBoardView } from './components/GoalBoardView';
import type { GoalBoard } from './hooks/useGoalBoard';
import { createTranslator } from './i18n/translator';
import { SidebarProviders } from './SidebarProviders';
import { StartupView } from './StartupView';

export interface LastBoardAppProps {
  client: ZafClient;
  /** Who is looking and their last board; their language's board texts are loaded (loadLocale). */
  firstPaint: FirstPaintContext;
  /** The footer's age and countdown keep moving by it while this board is up. */
  clock: () => number;
  /** Refresh, pressed before the full sidebar is up: starts it again if its start failed. */
  onRefresh: () => void;
}

/** How often the ages on the board are brought up to date, as the full sidebar does. */
const TICK_MS = 30_000;

const nothing = () => undefined;

/**
 * The sidebar's first paint: the board this agent last saw, drawn from plain data while the engine loads.
 * It is the same view the full sidebar draws, so the swap changes figures only if they did.
 */
export function LastBoardApp({ client, firstPaint, clock, onRefresh }: LastBoardAppProps) {
  const { lastBoard, isAdmin, agentId, locale } = firstPaint;
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  const board: GoalBoard = {
    state: {
      status: 'ready',
      refreshedAt: lastBoard.refreshedAt,
      isRefreshing: false,
      error: null,
      isKept: true,
      gaps: lastBoard.gaps,
      isTeamViewPartial: lastBoard.isTeamViewPartial,
    },
    now,
    progress: lastBoard.progress,
    nudges: lastBoard.nudges,
    pendingSolveCount: lastBoard.pendingSolveCount,
    clock,
    dismiss: nothing,
  };
  return (
    <SidebarProviders
      client={client}
      translator={translator}
      onReset={nothing}
      // A damaged record is no reason for an error message: the engine's board follows in a moment.
      fallback={<StartupView state={{ kind: 'loading' }} translator={translator} onRetry={nothing} />}
    >
      <GoalBoardView
        board={board}
        isAdmin={isAdmin}
        onRefresh={onRefresh}
        onOpenStudio={() => client.openAppPage()}
        trends={lastBoard.trends}
        agentId={agentId}
      />
    </SidebarProviders>
  );
}
