import type { Goal } from '../goals/goal';

export const GOAL_STATUSES = ['achieved', 'onTrack', 'behind', 'belowFloor', 'notEnoughData'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

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
}

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
  /** Backlog goals: the ticket waiting longest since its last update, if any. */
  oldestWaiting: { ticketId: number; since: number } | null;
}
