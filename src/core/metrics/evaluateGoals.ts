import type { AppSettings } from '../settings/appSettings';
import type { Goal } from '../goals/goal';
import { goalKey } from '../goals/goal';
import { isWithin, METRIC_CATALOG } from '../goals/metricCatalog';
import type { AgentSnapshot, OwnCountKind, TeamCount, TeamCountKind } from '../goals/ticketFacts';
import { countKey } from './fetchPlan';
import { expectedByNow } from './goalProgress';
import { paceFor } from '../pace/pace';
import { periodBounds } from '../periods/periodBounds';
import type { TimeBasis, WeekStart, WorkingHours } from '../settings/appSettings';
import type { GoalProgress, GoalStatus, Pace, PeriodBounds, TeamShare } from './goalProgress';
import type { Measurement } from './ticketMetrics';
import {
  backlogOf,
  csatFromCounts,
  csatOf,
  medianMinutes,
  oneTouchRate,
  reopenRate,
  slaBreachesNow,
  solvedInWindow,
} from './ticketMetrics';

/** The agent's best count in recent past periods of a goal's length, and how many periods that covers. */
export interface OwnBest {
  best: number;
  periods: number;
}

export interface EvaluationContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
  workingHours: WorkingHours;
  timeBasis: TimeBasis;
  csatMinimumRatings: number;
  /** The groups that make up the agent's team (default group, or all their groups). */
  teamGroupIds: readonly number[];
  /**
   * The agent's own best in recent past periods, per personal count goal (goalKey → best count), when known:
   * a target above it is a stretch, shown without pace pressure.
   */
  ownBest?: ReadonlyMap<string, OwnBest>;
  /** The agent's ticket access is restricted now (whatever the snapshot was fetched with). */
  isTeamViewPartial?: boolean;
}

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

function teamCount(
  counts: readonly TeamCount[],
  kind: TeamCountKind,
  bounds: PeriodBounds | null,
  teamGroupIds: readonly number[],
): number | null {
  // The same window and the same groups: a count fetched for another team is not this team's figure.
  const team = [...teamGroupIds].sort((a, b) => a - b).join();
  const match = counts.find(
    (count) =>
      count.kind === kind &&
      count.start === (bounds?.start ?? null) &&
      count.end === (bounds?.end ?? null) &&
      [...count.groupIds].sort((a, b) => a - b).join() === team,
  );
  return match ? match.count : null;
}

/**
 * The agent's own count for the part of a window before the listed tickets: 0 when the list covers the whole
 * window, null when that part was never counted (then the figure is unknown, not an undercount).
 */
function ownCountBefore(
  snapshot: AgentSnapshot,
  kind: OwnCountKind,
  bounds: PeriodBounds,
  groupIds: readonly number[] | null,
): number | null {
  if (bounds.start >= snapshot.solvedSince) return 0;
  const key = countKey({ kind, start: bounds.start, end: snapshot.solvedSince, groupIds });
  return snapshot.ownCounts.find((count) => countKey(count) === key)?.count ?? null;
}

const plus = (a: number | null, b: number): number | null => (a === null ? null : a + b);

interface Measured extends Measurement {
  oldestWaiting?: { ticketId: number; since: number } | null;
  mine?: number;
}

function measure(
  goal: Goal,
  snapshot: AgentSnapshot,
  bounds: PeriodBounds | null,
  context: EvaluationContext,
): Measured {
  const solved = bounds ? solvedInWindow(snapshot.solvedTickets, bounds) : [];
  if (goal.scope === 'team') {
    const counts = snapshot.teamCounts;
    switch (goal.metric) {
      case 'solved': {
        const team = teamCount(counts, 'solved', bounds, context.teamGroupIds);
        const listed = solved.filter(
          (t) => t.groupId !== null && context.teamGroupIds.includes(t.groupId),
        ).length;
        const mine = bounds
          ? plus(ownCountBefore(snapshot, 'solved', bounds, context.teamGroupIds), listed)
          : null;
        return { value: team, sampleSize: team ?? 0, ...(mine === null ? {} : { mine }) };
      }
      case 'csat': {
        const good = teamCount(counts, 'csatGood', bounds, context.teamGroupIds);
        const bad = teamCount(counts, 'csatBad', bounds, context.teamGroupIds);
        return good === null || bad === null ? { value: null, sampleSize: 0 } : csatFromCounts(good, bad);
      }
      case 'backlog': {
        const team = teamCount(counts, 'backlog', null, context.teamGroupIds);
        return { value: team, sampleSize: team ?? 0 };
      }
      default:
        return { value: null, sampleSize: 0 };
    }
  }
  switch (goal.metric) {
    case 'solved': {
      const count = bounds ? plus(ownCountBefore(snapshot, 'solved', bounds, null), solved.length) : null;
      return { value: count, sampleSize: count ?? 0 };
    }
    case 'csat': {
      const listed = csatOf(solved);
      const good = bounds ? plus(ownCountBefore(snapshot, 'csatGood', bounds, null), listed.good) : null;
      const bad = bounds ? plus(ownCountBefore(snapshot, 'csatBad', bounds, null), listed.bad) : null;
      return good === null || bad === null ? { value: null, sampleSize: 0 } : csatFromCounts(good, bad);
    }
    case 'first_reply':
      return medianMinutes(solved, (t) => t.firstReplyMinutes, context.timeBasis);
    case 'full_resolution':
      return medianMinutes(solved, (t) => t.fullResolutionMinutes, context.timeBasis);
    case 'one_touch':
      return oneTouchRate(solved);
    case 'reopen_rate':
      return reopenRate(solved);
    case 'backlog':
      return backlogOf(snapshot.openTickets);
    case 'sla_breaches':
      return slaBreachesNow(snapshot.openTickets, context.now);
  }
}

function statusOf(
  goal: Goal,
  measured: Measured,
  pace: Pace | null,
  isOver: boolean,
  isHiddenFromAgent: boolean,
  context: EvaluationContext,
): GoalStatus {
  const definition = METRIC_CATALOG[goal.metric];
  const { value, sampleSize } = measured;
  if (isHiddenFromAgent) return 'notVisible';
  if (value === null) return 'notEnoughData';
  const meetsTarget = isWithin(goal.metric, value, goal.target);
  if (definition.direction === 'lowerIsBetter') {
    if (definition.unit !== 'count' && sampleSize === 0) return 'notEnoughData';
    if (goal.floor !== null && !isWithin(goal.metric, value, goal.floor)) return 'overLimit';
    if (!meetsTarget) return 'overTarget';
    return isOver && definition.unit !== 'count' ? 'achieved' : 'withinTarget';
  }
  if (definition.unit === 'count') {
    if (meetsTarget) return 'achieved';
    if (stretchOf(goal, context) !== null && !isOver) return 'stretch';
    if (isOver) return 'behind';
    return !pace || value >= expectedByNow(pace) ? 'onTrack' : 'behind';
  }
  if (sampleSize === 0) return 'notEnoughData';
  if (goal.metric === 'csat' && sampleSize < context.csatMinimumRatings) return 'notEnoughData';
  if (goal.floor !== null && !isWithin(goal.metric, value, goal.floor)) return 'belowFloor';
  if (!meetsTarget) return 'behind';
  return isOver ? 'achieved' : 'onTrack';
}

function stretchOf(goal: Goal, context: EvaluationContext): OwnBest | null {
  const own = goal.scope === 'me' ? context.ownBest?.get(goalKey(goal)) : undefined;
  return own !== undefined && own.periods > 0 && goal.target > own.best ? own : null;
}

function fractionOf(goal: Goal, value: number | null): number {
  if (value === null) return 0;
  if (METRIC_CATALOG[goal.metric].direction === 'higherIsBetter')
    return goal.target === 0 ? 1 : clamp01(value / goal.target);
  return value <= goal.target ? 1 : clamp01(goal.target / value);
}

/** Evaluates each goal against one refresh's facts: value, sample, status, bar fraction, pace and team share. */
/** The evaluation context the settings give, for one agent (or group) in one time zone. */
export function evaluationContextOf(
  settings: AppSettings,
  at: { now: number; timeZone: string; teamGroupIds: readonly number[] },
): EvaluationContext {
  return {
    ...at,
    weekStartsOn: settings.weekStartsOn,
    workingHours: settings.workingHours,
    timeBasis: settings.timeBasis,
    csatMinimumRatings: settings.csatMinimumRatings,
  };
}

export function evaluateGoals(
  goals: readonly Goal[],
  snapshot: AgentSnapshot,
  context: EvaluationContext,
): GoalProgress[] {
  return goals.map((goal) => {
    const bounds =
      goal.period === 'now'
        ? null
        : periodBounds(goal.period, context.now, context.timeZone, context.weekStartsOn);
    const measured = measure(goal, snapshot, bounds, context);
    const definition = METRIC_CATALOG[goal.metric];
    const hasPace =
      bounds !== null && definition.unit === 'count' && definition.direction === 'higherIsBetter';
    const pace =
      hasPace && measured.value !== null
        ? paceFor(measured.value, goal.target, bounds, context.now, context.workingHours, context.timeZone)
        : null;
    const isOver = bounds !== null && context.now >= bounds.end;
    // An agent who sees only some of the team's tickets would be judged on a fraction of the team: say so.
    const isHiddenFromAgent =
      goal.scope === 'team' && (snapshot.isTeamViewPartial || context.isTeamViewPartial === true);
    let share: TeamShare | null = null;
    if (
      goal.scope === 'team' &&
      !isHiddenFromAgent &&
      measured.mine !== undefined &&
      measured.value !== null
    ) {
      const team = measured.value;
      share = {
        mine: measured.mine,
        team,
        percent: team > 0 ? Math.min(100, (measured.mine / team) * 100) : null,
      };
    }
    const status = statusOf(goal, measured, pace, isOver, isHiddenFromAgent, context);
    return {
      goal,
      bounds,
      value: measured.value,
      sampleSize: measured.sampleSize,
      status,
      fraction: fractionOf(goal, measured.value),
      pace,
      share,
      stretch: status === 'stretch' ? stretchOf(goal, context) : null,
      oldestWaiting: measured.oldestWaiting ?? null,
    };
  });
}
