import type { Nudge } from './nudge';
import type { NudgeHistory } from './nudgeHistory';
import { isDismissed } from './nudgeHistory';
import type { NudgeCandidate, NudgeInput, NudgeRule } from './nudgeRules';
import { NUDGE_RULES, SPEED_KINDS } from './nudgeRules';

/** Never more than this many nudges at once: coaching, not nagging (goal-practice #11). */
export const NUDGE_CAP = 2;

export interface NudgeSelection extends NudgeInput {
  history: NudgeHistory;
  nudgesEnabled: boolean;
  disabledRules: readonly string[];
  /** Outside working hours nothing is pushed at the agent. */
  isWorkingTime: boolean;
  rules?: readonly NudgeRule[];
}

/**
 * The nudges to show now: enabled rules run over the evaluated goals, speed nudges silenced while a quality
 * goal is below its floor, dismissed ones dropped, ranked by priority and capped.
 */
export function selectNudges(selection: NudgeSelection): NudgeCandidate[] {
  if (!selection.nudgesEnabled || !selection.isWorkingTime) return [];
  const rules = (selection.rules ?? NUDGE_RULES).filter((rule) => !selection.disabledRules.includes(rule.id));
  const candidates = rules.flatMap((rule) => rule.evaluate(selection));
  // The guard follows the goals, not the quality nudge: dismissing or disabling it must not unleash speed nudges.
  const isQualityGuarded = selection.progress.some((progress) => progress.status === 'belowFloor');
  return candidates
    .filter((nudge) => !(isQualityGuarded && SPEED_KINDS.includes(nudge.kind)))
    .filter((nudge) => !isDismissed(selection.history, nudge.id, selection.now))
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    .slice(0, NUDGE_CAP);
}

export type { Nudge };
