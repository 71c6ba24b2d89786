import type { Message } from '../goals/message';

export const NUDGE_KINDS = [
  'quality',
  'risk',
  'pace',
  'celebration',
  'team',
  'wellbeing',
  'info',
  'admin',
] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Every nudge rule's id: what admins type in *Switched-off nudges*, and what each rule is known by. */
export const NUDGE_RULE_IDS = [
  'quality-first',
  'sla-soon',
  'first-reply-at-risk',
  'behind-pace',
  'goal-reached',
  'halfway',
  'well-being',
  'team-close',
  'not-enough-data',
  'review-goals',
  'only-speed-goals',
  'target-vs-history',
] as const;
export type NudgeRuleId = (typeof NUDGE_RULE_IDS)[number];

export interface Nudge {
  /** Stable per rule and subject within a period (e.g. `first-reply-at-risk:4521`), for dismissal. */
  id: string;
  rule: NudgeRuleId;
  kind: NudgeKind;
  /** Higher shows first. */
  priority: number;
  message: Message;
  /** A ticket the agent can open in one click. */
  ticketId: number | null;
  /** Admin nudges are shown only to admins. */
  audience: 'agent' | 'admin';
}
