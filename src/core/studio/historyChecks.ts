/**
 * The studio's checks against history: what each group (or agent) actually solved in its last 8 periods,
 * against the targets the draft sets for them. A target met in every period is too easy; one never met is out
 * of reach; either way the admin sees the history and suggested targets (the median and the 75th percentile,
 * rounded sensibly) to insert with one click. Counts only: `search/count` per subject and period.
 */
import type { Goal, PeriodUnit } from '../goals/goal';
import { HISTORY_PERIODS } from '../metrics/teamHistory';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';
import { goalsForAgent } from '../settings/goalsForAgent';
import type { StudioDirectory } from './effectiveGoals';

/** Whose solves a history counts: a group's (a team goal, or its members' personal goal), or one agent's. */
export type HistorySubject = { kind: 'group'; groupId: number } | { kind: 'agent'; agentId: number };

export interface HistoryCountRequest {
  subject: HistorySubject;
  start: number;
  end: number;
}

export interface HistoryQuestion {
  /** The draft line whose target is weighed (its text is rewritten when a suggestion is inserted). */
  line: number;
  goal: Goal;
  subject: HistorySubject;
  /** A group's count per member when the goal is personal: each agent's share of what the group solved. */
  divisor: number;
  /** Oldest first, the current period excluded. */
  requests: HistoryCountRequest[];
}

export interface HistoryVerdict {
  question: HistoryQuestion;
  /** Per past period, oldest first, per agent where the goal is personal. */
  values: number[];
  verdict: 'tooEasy' | 'outOfReach' | 'inRange';
  suggestions: { median: number; upperQuartile: number };
}

export interface HistoryContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
}

function pastWindows(unit: PeriodUnit, context: HistoryContext): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  let current = periodBounds(unit, context.now, context.timeZone, context.weekStartsOn);
  for (let i = 0; i < HISTORY_PERIODS; i += 1) {
    current = periodBounds(unit, current.start - 1, context.timeZone, context.weekStartsOn);
    windows.unshift({ start: current.start, end: current.end });
  }
  return windows;
}

const subjectKey = (subject: HistorySubject) =>
  subject.kind === 'group' ? `group:${subject.groupId}` : `agent:${subject.agentId}`;

/**
 * What the draft's solved targets should be weighed against: each group's team target against the group's
 * counts; each personal target against its agent's counts (`[agent]` sections) or, for everyone and group
 * sections, against each group's counts per member. One question per line and subject.
 */
export function planHistoryChecks(
  goals: readonly Goal[],
  directory: StudioDirectory,
  context: HistoryContext,
): HistoryQuestion[] {
  const questions = new Map<string, HistoryQuestion>();
  const ask = (goal: Goal, subject: HistorySubject, divisor: number) => {
    if (goal.period === 'now' || divisor <= 0) return;
    const key = `${goal.line}/${subjectKey(subject)}`;
    if (questions.has(key)) return;
    const requests = pastWindows(goal.period, context).map((window) => ({ subject, ...window }));
    questions.set(key, { line: goal.line, goal, subject, divisor, requests });
  };
  for (const group of directory.groups) {
    const members = directory.agents.filter((agent) => agent.groupIds.includes(group.id));
    if (members.length === 0) continue;
    const subject: HistorySubject = { kind: 'group', groupId: group.id };
    // The goals written for this group (its own section over the lines for everyone), as an agent in this
    // group alone would get them; agent sections are weighed against that agent's own counts below.
    for (const goal of goalsForAgent(goals, null, [group.id])) {
      if (goal.metric !== 'solved') continue;
      ask(goal, subject, goal.scope === 'team' ? 1 : members.length);
    }
  }
  for (const goal of goals)
    if (goal.metric === 'solved' && goal.scope === 'me' && goal.audience.kind === 'agent')
      ask(goal, { kind: 'agent', agentId: goal.audience.agentId }, 1);
  return [...questions.values()];
}

/** Targets people can take in: whole numbers, then fives past 50, tens past 500. */
export function roundTarget(value: number): number {
  const step = value >= 500 ? 10 : value >= 50 ? 5 : 1;
  return Math.max(1, Math.round(value / step) * step);
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  // Linear interpolation between closest ranks.
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return (sorted[lower] ?? 0) + ((sorted[upper] ?? 0) - (sorted[lower] ?? 0)) * (position - lower);
}

/**
 * The verdict on one target from its counts (oldest first). Periods with no solves at all (before the group
 * existed, a shutdown) say nothing about pace and are left out.
 */
export function judgeHistory(question: HistoryQuestion, counts: readonly number[]): HistoryVerdict | null {
  const values = counts.filter((count) => count > 0).map((count) => count / question.divisor);
  if (values.length === 0) return null;
  const target = question.goal.target;
  const met = values.filter((value) => value >= target).length;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    question,
    values,
    verdict: met === values.length ? 'tooEasy' : met === 0 ? 'outOfReach' : 'inRange',
    suggestions: {
      median: roundTarget(percentile(sorted, 0.5)),
      upperQuartile: roundTarget(percentile(sorted, 0.75)),
    },
  };
}

/** The draft with one line's target replaced (the third word: who, metric, target). */
export function withTarget(text: string, line: number, target: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  const index = line - 1;
  const current = lines[index];
  if (current === undefined) return text;
  lines[index] = current.replace(/^(\s*\S+\s+\S+\s+)\S+/, `$1${target}`);
  return lines.join('\n');
}
