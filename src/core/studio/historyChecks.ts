/**
 * The studio's checks against history: what each group (or agent) actually reached in its last 8 periods,
 * against the targets the draft sets for them. A target met in every period is too easy; one never met is out
 * of reach; either way the admin sees the history and suggested targets (the median and the 75th percentile,
 * rounded sensibly) to insert with one click. Counts only, `search/count` per subject and period: solved
 * targets from solved counts, CSAT targets from good and bad ratings. Speed and reopen targets need each
 * ticket's metric set, far too many requests for a whole account's 8 periods, so they are not weighed here.
 */
import type { Goal, MetricId, PeriodUnit } from '../goals/goal';
import { isWithin } from '../goals/metricCatalog';
import { HISTORY_PERIODS } from '../metrics/teamHistory';
import { periodBounds } from '../periods/periodBounds';
import type { WeekStart } from '../settings/appSettings';
import { goalsForAgent } from '../settings/goalsForAgent';
import type { StudioDirectory } from './effectiveGoals';

/** Whose solves a history counts: a group's (a team goal, or its members' personal goal), or one agent's. */
export type HistorySubject = { kind: 'group'; groupId: number } | { kind: 'agent'; agentId: number };

/** What one count asks: solved tickets, or solved tickets rated good, or rated bad. */
export type HistoryCountKind = 'solved' | 'csatGood' | 'csatBad';

export interface HistoryCountRequest {
  kind: HistoryCountKind;
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
  /** Oldest first, the current period excluded; a CSAT target's good and bad counts side by side. */
  requests: HistoryCountRequest[];
  /** A period with fewer ratings than this says nothing about CSAT (the sidebar's own rule). */
  minimumRatings: number;
}

export interface HistoryVerdict {
  question: HistoryQuestion;
  /** Per past period that says something, oldest first: a count (per agent where personal) or a percentage. */
  values: number[];
  verdict: 'tooEasy' | 'outOfReach' | 'inRange';
  suggestions: { median: number; upperQuartile: number };
}

export interface HistoryContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
  csatMinimumRatings: number;
}

/** The metrics counts can weigh, and the counts each period needs. */
const COUNTS_PER_PERIOD: Readonly<Partial<Record<MetricId, readonly HistoryCountKind[]>>> = {
  solved: ['solved'],
  csat: ['csatGood', 'csatBad'],
};

const isWeighed = (goal: Goal) => COUNTS_PER_PERIOD[goal.metric] !== undefined;

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
 * One target weighed against one subject's last 8 periods: null for a goal counts cannot weigh (speed,
 * reopens, `now` goals). A personal solved target against a group is shared out per member (`divisor`).
 */
export function historyQuestion(
  goal: Goal,
  subject: HistorySubject,
  divisor: number,
  context: HistoryContext,
): HistoryQuestion | null {
  const kinds = COUNTS_PER_PERIOD[goal.metric];
  if (!kinds || goal.period === 'now' || divisor <= 0) return null;
  const requests = pastWindows(goal.period, context).flatMap((window) =>
    kinds.map((kind) => ({ kind, subject, ...window })),
  );
  // A rate is the same for the group as per member: only counts are shared out.
  const share = goal.metric === 'solved' ? divisor : 1;
  return {
    line: goal.line,
    goal,
    subject,
    divisor: share,
    requests,
    minimumRatings: context.csatMinimumRatings,
  };
}

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
    const key = `${goal.line}/${subjectKey(subject)}`;
    if (questions.has(key)) return;
    const question = historyQuestion(goal, subject, divisor, context);
    if (question) questions.set(key, question);
  };
  for (const group of directory.groups) {
    const members = directory.agents.filter((agent) => agent.groupIds.includes(group.id));
    if (members.length === 0) continue;
    const subject: HistorySubject = { kind: 'group', groupId: group.id };
    // The goals written for this group (its own section over the lines for everyone), as an agent in this
    // group alone would get them; agent sections are weighed against that agent's own counts below.
    for (const goal of goalsForAgent(goals, null, [group.id])) {
      if (!isWeighed(goal)) continue;
      ask(goal, subject, goal.scope === 'team' ? 1 : members.length);
    }
  }
  for (const goal of goals)
    if (isWeighed(goal) && goal.scope === 'me' && goal.audience.kind === 'agent')
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
 * Each period's figure from its counts (in the question's requests' order; null where a count could not be
 * read). Periods with no solves at all (before the group existed, a shutdown) say nothing about pace, and
 * periods with too few ratings nothing about CSAT: they are left out.
 */
function periodValues(question: HistoryQuestion, counts: readonly (number | null)[]): number[] {
  if (question.goal.metric === 'csat') {
    const values: number[] = [];
    for (let i = 0; i + 1 < question.requests.length; i += 2) {
      const good = counts[i];
      const bad = counts[i + 1];
      if (good == null || bad == null) continue;
      const rated = good + bad;
      if (rated === 0 || rated < question.minimumRatings) continue;
      values.push((good / rated) * 100);
    }
    return values;
  }
  return counts
    .filter((count): count is number => count !== null && count > 0)
    .map((count) => count / question.divisor);
}

/** The verdict on one target from its counts; null when no period says anything. */
export function judgeHistory(
  question: HistoryQuestion,
  counts: readonly (number | null)[],
): HistoryVerdict | null {
  const values = periodValues(question, counts);
  if (values.length === 0) return null;
  const { metric, target } = question.goal;
  const met = values.filter((value) => isWithin(metric, value, target)).length;
  const sorted = [...values].sort((a, b) => a - b);
  // Percentages in whole points (a CSAT target of 90 %, not 90 in fives); counts as people take them in.
  const round = metric === 'csat' ? (value: number) => Math.round(value) : roundTarget;
  return {
    question,
    values,
    verdict: met === values.length ? 'tooEasy' : met === 0 ? 'outOfReach' : 'inRange',
    suggestions: {
      median: round(percentile(sorted, 0.5)),
      upperQuartile: round(percentile(sorted, 0.75)),
    },
  };
}

/** The draft with one line's target replaced (the number of the third word: who, metric, target; its unit stays). */
export function withTarget(text: string, line: number, target: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  const index = line - 1;
  const current = lines[index];
  if (current === undefined) return text;
  lines[index] = current.replace(/^(\s*\S+\s+\S+\s+)\d+(?:[.,]\d+)?/, `$1${target}`);
  return lines.join('\n');
}
