import type { GoalPeriod, GoalScope, MetricId } from './goal';

/**
 * A translatable message produced by the core: a key under `ui.` in translations/*.json and
 * typed parameters, which the UI formats with Intl in the agent's locale. The core never builds
 * display text itself.
 */
export type MessageValue =
  | { type: 'count'; value: number }
  | { type: 'percent'; value: number }
  | { type: 'duration'; minutes: number }
  | { type: 'ticket'; id: number }
  /** A clock time, shown in the agent's zone ("13:00"). */
  | { type: 'time'; at: number; timeZone: string }
  | { type: 'text'; value: string }
  /** A goal named in the user's words by the UI, e.g. "Solved today". */
  | { type: 'goal'; scope: GoalScope; metric: MetricId; period: GoalPeriod };

export interface Message {
  key: string;
  params: Readonly<Record<string, MessageValue>>;
}
