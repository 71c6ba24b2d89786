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

export interface Nudge {
  /** Stable per rule and subject within a period (e.g. `first-reply-at-risk:4521`), for dismissal. */
  id: string;
  rule: string;
  kind: NudgeKind;
  /** Higher shows first. */
  priority: number;
  message: Message;
  /** A ticket the agent can open in one click. */
  ticketId: number | null;
  /** Admin nudges are shown only to admins. */
  audience: 'agent' | 'admin';
}
