import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PendingSolve } from '../../core/goals/pendingSolves';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { GoalBoardInput } from '../../core/board/buildGoalBoard';
import { buildGoalBoard } from '../../core/board/buildGoalBoard';
import { dismissNudge, recordShown } from '../../core/nudges/nudgeHistory';
import type { NudgeCandidate } from '../../core/nudges/nudgeRules';
import type { NudgeHistoryStore } from '../../data/engine/nudgeHistoryStore';
import type { DataEngine, EngineState } from '../../data/engineState';

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

export interface GoalBoard {
  state: EngineState;
  now: number;
  progress: GoalProgress[];
  nudges: NudgeCandidate[];
  pendingSolves: readonly PendingSolve[];
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

  return { state, now, progress, nudges, pendingSolves, clock, dismiss };
}
