import type { Nudge, NudgeKind, NudgeRuleId } from './nudge';
import type { NudgeHistory } from './nudgeHistory';
import { isDismissed } from './nudgeHistory';
import type { NudgeCandidate, NudgeInput, NudgeRule } from './nudgeRules';
import { NUDGE_RULES, SPEED_KINDS } from './nudgeRules';
import { QUALITY_ALARMS } from '../metrics/goalProgress';

/** Never more than this many nudges at once: coaching, not nagging (goal-practice #11). */
export const NUDGE_CAP = 2;
export const DEFAULT_REPEAT_MINUTES = 30;
/** Nudges that never wait for a slot to cool down: a customer at risk, or quality below its floor. */
const URGENT_KINDS: readonly NudgeKind[] = ['risk', 'quality'];
/** A nudge seen within this long is still on screen (the board re-evaluates every 30 s). */
const STILL_SHOWN_MS = 2 * 60_000;
const CELEBRATION_SHOWN_MS = 30 * 60_000;

export interface NudgeSelection extends NudgeInput {
  history: NudgeHistory;
  nudgesEnabled: boolean;
  disabledRules: readonly NudgeRuleId[];
  /** Outside working hours nothing is pushed at the agent. */
  isWorkingTime: boolean;
  /** Admin nudges (settings advice) are shown to admins only. */
  isAdmin?: boolean;
  /** A nudge that went away does not come back sooner than this. */
  minimumRepeatMinutes?: number;
  /** When the figures on screen were fetched: a dismissal keeps its slot empty until newer figures arrive. */
  figuresRefreshedAt?: number;
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
  const isQualityGuarded = selection.progress.some((progress) => QUALITY_ALARMS.includes(progress.status));
  const { history, now } = selection;
  const repeatMs = (selection.minimumRepeatMinutes ?? DEFAULT_REPEAT_MINUTES) * 60_000;
  // A slot the agent just emptied stays empty until newer figures arrive (or the repeat interval passes):
  // refilling it at once would mean the sidebar never calms down.
  const refreshedAt = selection.figuresRefreshedAt ?? Number.NEGATIVE_INFINITY;
  const heldSlots = Object.values(history.dismissedAt ?? {}).filter(
    (at) => at >= refreshedAt && now - at < repeatMs && at <= now,
  ).length;
  const seenTickets = new Set<number>();
  const ranked = candidates
    .filter((nudge) => nudge.audience === 'agent' || selection.isAdmin === true)
    .filter((nudge) => !(isQualityGuarded && SPEED_KINDS.includes(nudge.kind)))
    .filter((nudge) => !isDismissed(history, nudge.id, now))
    .filter((nudge) => {
      // Gone for a while (its condition cleared) and back too soon: that would be nagging.
      const last = history.lastShownAt?.[nudge.id];
      return last === undefined || now - last <= STILL_SHOWN_MS || now - last >= repeatMs;
    })
    .filter((nudge) => {
      // Celebrations are said once: on screen for a while when first earned, then not again this period.
      const first = history.firstShownAt?.[nudge.id];
      return nudge.kind !== 'celebration' || first === undefined || now - first.at < CELEBRATION_SHOWN_MS;
    })
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    .filter((nudge) => {
      // One ticket, one nudge: the most important thing to say about it.
      if (nudge.ticketId === null) return true;
      if (seenTickets.has(nudge.ticketId)) return false;
      seenTickets.add(nudge.ticketId);
      return true;
    });
  // A customer about to wait too long, or a quality alarm, is said even in a slot the agent just emptied;
  // everything else waits for newer figures there.
  const urgent = ranked.filter((nudge) => URGENT_KINDS.includes(nudge.kind)).slice(0, NUDGE_CAP);
  let calmSlots = Math.max(0, NUDGE_CAP - heldSlots - urgent.length);
  return ranked
    .filter((nudge) => {
      if (urgent.includes(nudge)) return true;
      if (calmSlots === 0) return false;
      calmSlots -= 1;
      return true;
    })
    .slice(0, NUDGE_CAP);
}

export type { Nudge };
