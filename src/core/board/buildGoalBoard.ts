import type { Goal } from '../goals/goal';
import type { PendingSolve } from '../goals/pendingSolves';
import { applyPendingSolves } from '../goals/pendingSolves';
import type { AgentSnapshot } from '../goals/ticketFacts';
import type { OwnBest } from '../metrics/evaluateGoals';
import { evaluateGoals, evaluationContextOf } from '../metrics/evaluateGoals';
import type { GoalProgress } from '../metrics/goalProgress';
import type { TargetHistory } from '../metrics/teamHistory';
import type { NudgeHistory } from '../nudges/nudgeHistory';
import type { NudgeCandidate } from '../nudges/nudgeRules';
import { selectNudges } from '../nudges/selectNudges';
import { isWithinWorkingHours } from '../periods/workingTime';
import type { AppSettings } from '../settings/appSettings';

/** An active SLA target this close (minutes) counts as about to breach: enough time to act, not a siren. */
export const SLA_WARNING_MINUTES = 30;
export interface GoalBoardInput {
  now: number;
  timeZone: string;
  goals: readonly Goal[];
  snapshot: AgentSnapshot;
  /** When `snapshot` was fetched. */
  refreshedAt: number;
  settings: AppSettings;
  teamGroupIds: readonly number[];
  history: NudgeHistory;
  isAdmin: boolean;
  /** Team goals' recent history (admins' target check). */
  targetHistory?: readonly TargetHistory[];
  /** The agent's best in recent periods per personal count goal (goalKey → count): stretch targets. */
  ownBest?: ReadonlyMap<string, OwnBest>;
  /** The agent's ticket access is restricted: team figures are not shown as the team's. */
  isTeamViewPartial?: boolean;
  /** The agent's own solves not yet visible to search. */
  pendingSolves?: readonly PendingSolve[];
}

export interface GoalBoardModel {
  progress: GoalProgress[];
  nudges: NudgeCandidate[];
  /** Own solves counted though search does not show them yet: the board says so. */
  pendingSolves: readonly PendingSolve[];
}

/** Everything the sidebar shows, from one refresh's facts and the settings: pure, so it is tested without React. */
export function buildGoalBoard(input: GoalBoardInput): GoalBoardModel {
  const { now, timeZone, settings } = input;
  const { snapshot, applied } = applyPendingSolves(input.snapshot, input.pendingSolves ?? []);
  const progress = evaluateGoals(input.goals, snapshot, {
    ...evaluationContextOf(settings, { now, timeZone, teamGroupIds: input.teamGroupIds }),
    ownBest: input.ownBest,
    isTeamViewPartial: input.isTeamViewPartial,
  });
  const nudges = selectNudges({
    now,
    timeZone,
    progress,
    openTickets: snapshot.openTickets,
    solvedTickets: snapshot.solvedTickets,
    slaWarningMinutes: SLA_WARNING_MINUTES,
    history: input.history,
    nudgesEnabled: settings.nudgesEnabled,
    disabledRules: settings.disabledNudgeRules,
    isWorkingTime: isWithinWorkingHours(now, settings.workingHours, timeZone),
    isAdmin: input.isAdmin,
    goalsReviewedOn: settings.goalsReviewedOn,
    minimumRepeatMinutes: settings.nudgeRepeatMinutes,
    targetHistory: input.targetHistory,
    figuresRefreshedAt: input.refreshedAt,
  });
  return { progress, nudges, pendingSolves: applied };
}
