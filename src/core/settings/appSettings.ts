import type { Goal } from '../goals/goal';
import type { Message } from '../goals/message';
import type { NudgeRuleId } from '../nudges/nudge';

/** Working days (0 = Sunday … 6 = Saturday) and hours, in the agent's own time zone. */
export interface WorkingHours {
  days: readonly number[];
  /** Minutes after local midnight; start < end. */
  startMinute: number;
  endMinute: number;
}

export type WeekStart = 0 | 1 | 6;
export type TeamScope = 'defaultGroup' | 'allGroups';
export type TimeBasis = 'business' | 'calendar';

export interface AppSettings {
  /** Every valid goal line, all audiences; pick the agent's with goalsForAgent(). */
  goals: readonly Goal[];
  workingHours: WorkingHours;
  weekStartsOn: WeekStart;
  teamScope: TeamScope;
  timeBasis: TimeBasis;
  refreshMinutes: number;
  nudgesEnabled: boolean;
  /** Nudge rule ids an admin switched off. */
  disabledNudgeRules: readonly NudgeRuleId[];
  csatMinimumRatings: number;
  /** A nudge that went away does not come back sooner than this. */
  nudgeRepeatMinutes: number;
  /** YYYY-MM-DD, or null when never set. */
  goalsReviewedOn: string | null;
  /** Members of this group may open the team page for their own groups; null: admins only. */
  teamLeadsGroupId: number | null;
}

/**
 * A problem in what the admin typed. `setting` names the parameter, `line` the 1-based line
 * within a multiline setting; `message` is translatable (key + params).
 */
export interface SettingsProblem {
  setting: string;
  line: number | null;
  /** The offending text as typed, to show beside the reason. */
  text: string;
  message: Message;
}

export interface ParsedSettings {
  settings: AppSettings;
  problems: readonly SettingsProblem[];
}
