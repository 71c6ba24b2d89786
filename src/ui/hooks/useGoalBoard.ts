import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { GoalBoardInput } from '../../core/board/buildGoalBoard';
import { buildGoalBoard } from '../../core/board/buildGoalBoard';
import { dismissNudge, recordShown } from '../../core/nudges/nudgeHistory';
import type { NudgeCandidate } from '../../core/nudges/nudgeRules';
import type { NudgeHistoryStore } from '../../data/engine/nudgeHistoryStore';
import type { SnapshotGaps } from '../../core/goals/ticketFacts';
import type { DataEngine, DataError } from '../../data/engineState';

/** What the hook needs: the board's inputs that do not change with each refresh, plus where figures come from. */
export type UseGoalBoardOptions = Pick<
  GoalBoardInput,
  | 'goals'
  | 'settings'
  | 'timeZone'
  | 'teamGroupIds'
  | 'isAdmin'
  | 'targetHistory'
  | 'ownBest'
  | 'isTeamViewPartial'
> & {
  engine: DataEngine;
  nudgeHistory: NudgeHistoryStore;
  /** The clock, injectable for tests. */
  now?: () => number;
};

/**
 * The engine's state as the board shows it: the figures' age and health, not the tickets behind them (a first
 * paint from the last board has none).
 */
export type BoardState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: DataError }
  | {
      status: 'ready';
      refreshedAt: number;
      isRefreshing: boolean;
      error: DataError | null;
      isKept: boolean;
      gaps: SnapshotGaps | null;
      isTeamViewPartial: boolean;
    };

/** A nudge to show; `text` when it is shown as it was worded before (the first paint's last board). */
export type DrawnNudge = NudgeCandidate & { text?: string };

export interface GoalBoard {
  state: BoardState;
  now: number;
  progress: GoalProgress[];
  nudges: DrawnNudge[];
  pendingSolveCount: number;
  /** The board's clock, for countdowns. */
  clock: () => number;
  dismiss(nudge: NudgeCandidate): void;
}

const TICK_MS = 30_000;

/** The engine's figures turned into goal progress and nudges, re-evaluated as time passes. */
export function useGoalBoard({
  engine,
  goals,
  settings,
  timeZone,
  teamGroupIds,
  nudgeHistory,
  isAdmin,
  targetHistory,
  ownBest,
  isTeamViewPartial = false,
  now: clock = Date.now,
}: UseGoalBoardOptions): GoalBoard {
  const state = useSyncExternalStore(
    useCallback((onChange) => engine.subscribe(onChange), [engine]),
    () => engine.getState(),
  );
  const [now, setNow] = useState(clock);
  // Dismissals live in a store shared with the other tabs: re-read on every tick and after a dismissal.
  const [history, setHistory] = useState(() => nudgeHistory.read(clock()));
  const reloadHistory = useCallback(() => setHistory(nudgeHistory.read(clock())), [nudgeHistory, clock]);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(clock());
      reloadHistory();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [clock, reloadHistory]);
  useEffect(() => setNow(clock()), [state, clock]);

  const { progress, nudges, pendingSolves } = useMemo(
    () =>
      state.status === 'ready'
        ? buildGoalBoard({
            now,
            timeZone,
            goals,
            snapshot: state.snapshot,
            refreshedAt: state.refreshedAt,
            settings,
            teamGroupIds,
            history,
            isAdmin,
            targetHistory,
            ownBest,
            isTeamViewPartial,
            pendingSolves: state.pendingSolves,
          })
        : { progress: [], nudges: [], pendingSolves: [] },
    [
      state,
      goals,
      now,
      timeZone,
      settings,
      teamGroupIds,
      history,
      isAdmin,
      targetHistory,
      ownBest,
      isTeamViewPartial,
    ],
  );

  // What was on screen, for the repeat interval and once-only celebrations, shared with the other tabs.
  useEffect(() => {
    if (nudges.length > 0) nudgeHistory.write(recordShown(nudgeHistory.read(now), nudges, now), now);
  }, [nudges, nudgeHistory, now]);

  const dismiss = useCallback(
    (nudge: NudgeCandidate) => {
      const at = clock();
      nudgeHistory.write(dismissNudge(nudgeHistory.read(at), nudge.id, nudge.periodEnd, at), at);
      reloadHistory();
    },
    [nudgeHistory, clock, reloadHistory],
  );

  const boardState = useMemo((): BoardState => {
    if (state.status !== 'ready') return state;
    const { refreshedAt, isRefreshing, error, isKept, snapshot } = state;
    return {
      status: 'ready',
      refreshedAt,
      isRefreshing,
      error,
      isKept,
      gaps: snapshot.gaps ?? null,
      isTeamViewPartial: snapshot.isTeamViewPartial,
    };
  }, [state]);

  return {
    state: boardState,
    now,
    progress,
    nudges,
    pendingSolveCount: pendingSolves.length,
    clock,
    dismiss,
  };
}
