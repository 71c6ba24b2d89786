import type { Goal } from '../goals/goal';

/**
 * What a goal's state is called; each word means one thing (README "Status words"):
 * - achieved: the target is met for good (a count reached, or a period over with its rate or time met);
 * - onTrack: an at-least goal on course (count at its expected-by-now mark, or rate at target so far);
 * - behind: an at-least goal short of its expected mark or target, but above any floor;
 * - belowFloor: an at-least quality rate under its floor (speed nudges silenced);
 * - withinTarget: an at-most goal at or under its target;
 * - overTarget: an at-most goal over its target, but under any limit;
 * - overLimit: an at-most quality rate over its limit (speed nudges silenced);
 * - stretch: a count target above anything the agent has reached in recent periods — shown, never pushed;
 * - notVisible: a team figure the agent's ticket access cannot see whole;
 * - notEnoughData: too little to judge yet.
 */
export const GOAL_STATUSES = [
  'achieved',
  'onTrack',
  'behind',
  'belowFloor',
  'withinTarget',
  'overTarget',
  'overLimit',
  'stretch',
  'notVisible',
  'notEnoughData',
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Statuses that mean a quality goal is failing: the quality guard silences speed nudges. */
export const QUALITY_ALARMS: readonly GoalStatus[] = ['belowFloor', 'overLimit'];

export interface PeriodBounds {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** Where a count goal should be by now, given working hours, and where it will end at this rate. */
export interface Pace {
  /** Expected value by now (fractional, e.g. 7.5 tickets). */
  milestone: number;
  /** Share of the period's working time already elapsed, 0–1. */
  elapsedWorkFraction: number;
  /** Value expected at the end of the period at the current rate; null before enough work time has passed. */
  projection: number | null;
  /** value − milestone: positive ahead, negative behind. */
  aheadBy: number;
  /** Behind: how many more by when would put the agent back on the expected mark (the next working hour). */
  catchUp: { count: number; by: number } | null;
  /** Whether the rest of the target fits in the working time left at a sustainable pace (1.5× the plan). */
  isReachable: boolean;
}

/** The expected-by-now mark, kindly rounded down: 7.8 tickets expected is met by 7. */
export const expectedByNow = (pace: Pick<Pace, 'milestone'>) => Math.floor(pace.milestone);

/** The agent's part of a team goal ("your 14 = 18 % of the team's 78"). */
export interface TeamShare {
  mine: number;
  team: number;
  /** 0–100, or null when the team figure is 0. */
  percent: number | null;
}

export interface GoalProgress {
  goal: Goal;
  /** null for `now` goals. */
  bounds: PeriodBounds | null;
  /** In the metric's unit; null when nothing could be measured yet. */
  value: number | null;
  /** Tickets (or ratings, for CSAT) the value is computed from. */
  sampleSize: number;
  status: GoalStatus;
  /** Progress toward the target for a bar, clamped to 0–1. */
  fraction: number;
  pace: Pace | null;
  share: TeamShare | null;
  /** A stretch goal: the agent's best in recent periods, which the target is above. */
  stretch: { best: number; periods: number } | null;
  /** Backlog goals: the ticket waiting longest since its last update, if any. */
  oldestWaiting: { ticketId: number; since: number } | null;
}
