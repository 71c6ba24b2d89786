/**
 * An agent's answer on one of their goals for one period: is the target fair, too high or too low, with an
 * optional short note (goal-practice: involve agents in setting their goals, seek their view, gain their
 * commitment). One answer per agent, goal and period, which they may change; admins read them in the studio.
 */
import type { Goal } from '../goals/goal';

export const ANSWER_CHOICES = ['fair', 'tooHigh', 'tooLow'] as const;
export type AnswerChoice = (typeof ANSWER_CHOICES)[number];

/** Long enough for a reason, short enough to stay a note. */
export const MAX_NOTE_LENGTH = 280;

export interface GoalAnswer {
  agentId: number;
  /** goalKey(): scope, metric and period, e.g. `me:solved:day`. */
  goalKey: string;
  /** Start of the period the answer is about (epoch ms); `now` goals use the day. */
  periodStart: number;
  choice: AnswerChoice;
  note: string;
  /** The target the agent answered about: a different target now means it changed after their answer. */
  target: number;
  answeredAt: number;
}

/**
 * The record's stable name for this agent, goal (its goalKey()) and period: saving again replaces the answer (one per
 * period, changeable). Letters, digits, dots and dashes only, as external ids allow.
 */
export function answerExternalId(agentId: number, key: string, periodStart: number): string {
  return `goalpost-${agentId}-${key.replace(/:/g, '.')}-${periodStart}`;
}

/** A note as it is stored: control characters out, whitespace collapsed, cut at the limit. */
export function cleanNote(text: string): string {
  // Control characters become spaces (checked by code point: a regex range of them trips linters).
  return [...text]
    .map((char) => ((char.codePointAt(0) ?? 0) < 32 || char === '\u007f' ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NOTE_LENGTH);
}

/** The target moved since the agent answered: they are told, and their answer reads against the old one. */
export const hasTargetChanged = (answer: Pick<GoalAnswer, 'target'>, goal: Pick<Goal, 'target'>): boolean =>
  answer.target !== goal.target;

/** Answers per choice for one goal across agents, for the studio: how the team sees a target. */
export function tallyAnswers(answers: readonly GoalAnswer[]): Record<AnswerChoice, number> {
  const tally: Record<AnswerChoice, number> = { fair: 0, tooHigh: 0, tooLow: 0 };
  for (const answer of answers) tally[answer.choice] += 1;
  return tally;
}
