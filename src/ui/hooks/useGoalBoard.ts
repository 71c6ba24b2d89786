import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Goal } from '../../core/goals/goal';
import type { PendingSolve } from '../../core/goals/pendingSolves';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { OwnBest } from '../../core/metrics/evaluateGoals';
import type { TargetHistory } from '../../core/metrics/teamHistory';
import { buildGoalBoard } from '../../core/board/buildGoalBoard';
import { dismissNudge, recordShown } from '../../core/nudges/nudgeHistory';
import type { NudgeCandidate } from '../../core/nudges/nudgeRules';
import type { AppSettings } from '../../core/settings/appSettings';
import type { NudgeHistoryStore } from '../../data/engine/nudgeHistoryStore';
import type { DataEngine, EngineState } from '../../data/engineState';

export interface GoalBoardInput {
  engine: DataEngine;
  goals: readonly Goal[];
  settings: AppSettings;
  timeZone: string;
  teamGroupIds: readonly number[];
  nudgeHistory: NudgeHistoryStore;
  isAdmin: boolean;
  /** Team goals' recent history, for admins' target check. */
  targetHistory?: readonly TargetHistory[];
  ownBest?: ReadonlyMap<string, OwnBest>;
  /** The agent's ticket access is restricted (from their profile). */
  isTeamViewPartial?: boolean;
  /** The clock, injectable for tests. */
  now?: () => number;
}

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
}: GoalBoardInput): GoalBoard {
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
