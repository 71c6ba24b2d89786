/**
 * How a goal went in its last 8 periods, for the agent's own "am I improving?": each period's figure against
 * the target, and how many periods met it. Counts only (solved; good and bad ratings), so each past period
 * costs one or two `search/count` requests, once. Speed and reopen goals would need every past ticket's
 * metric set and have no trend here.
 */
import { TZDate } from '@date-fns/tz';
import type { Goal, PeriodUnit } from '../goals/goal';
import { isWithin } from '../goals/metricCatalog';
import { pastPeriods } from '../metrics/ownHistory';
import { HISTORY_PERIODS } from '../metrics/teamHistory';
import type { WeekStart, WorkingHours } from '../settings/appSettings';

export type TrendCountKind = 'solved' | 'csatGood' | 'csatBad';

/** One count: the agent's own (`groupIds` null) or their team's, in one past period. */
export interface TrendCountRequest {
  kind: TrendCountKind;
  start: number;
  end: number;
  groupIds: readonly number[] | null;
}

export interface TrendPlan {
  goal: Goal;
  unit: PeriodUnit;
  /** Oldest first; for a day goal, working days only (a day off is not a missed goal). */
  periods: { start: number; end: number }[];
  /** Per period, in `periods` order: solved, or good then bad ratings. */
  requests: TrendCountRequest[];
}

export interface TrendPoint {
  start: number;
  end: number;
  /** A count, or a percentage; null when the period says nothing (no figures, too few ratings, not yet started). */
  value: number | null;
  /** CSAT: how many ratings the percentage rests on. */
  ratings: number | null;
}

export interface GoalTrend {
  goal: Goal;
  unit: PeriodUnit;
  /** Oldest first. */
  points: TrendPoint[];
  /** Periods with a figure, and how many of them met the target. */
  judged: number;
  met: number;
  /** The most recent past period. */
  last: TrendPoint | null;
}

export interface TrendContext {
  now: number;
  timeZone: string;
  weekStartsOn: WeekStart;
  workingHours: WorkingHours;
  teamGroupIds: readonly number[];
}

const KINDS: Readonly<Partial<Record<Goal['metric'], readonly TrendCountKind[]>>> = {
  solved: ['solved'],
  csat: ['csatGood', 'csatBad'],
};

/** The periods a goal's trend covers: the last 8, oldest first; for days, the last 8 working days. */
function trendPeriods(unit: PeriodUnit, context: TrendContext): { start: number; end: number }[] {
  if (unit !== 'day') return pastPeriods(unit, context).reverse();
  // Two weeks of calendar days hold 8 working days for any week of 4 or more working days; fewer (a
  // 3-day week) shows what the last 3 weeks hold.
  const days = pastPeriods('day', context, 3 * 7).filter((period) =>
    context.workingHours.days.includes(new TZDate(period.start, context.timeZone).getDay()),
  );
  return days.slice(0, HISTORY_PERIODS).reverse();
}

/** The counts each goal's trend needs: solved and CSAT goals with a period, personal or team. */
export function planTrends(goals: readonly Goal[], context: TrendContext): TrendPlan[] {
  return goals.flatMap((goal) => {
    const kinds = KINDS[goal.metric];
    if (!kinds || goal.period === 'now') return [];
    if (goal.scope === 'team' && context.teamGroupIds.length === 0) return [];
    const groupIds = goal.scope === 'team' ? context.teamGroupIds : null;
    const periods = trendPeriods(goal.period, context);
    const requests = periods.flatMap((period) => kinds.map((kind) => ({ kind, ...period, groupIds })));
    return [{ goal, unit: goal.period, periods, requests }];
  });
}

/**
 * The trend from its counts (in the plan's requests' order; null where a count could not be read). A CSAT
 * period with fewer ratings than the minimum says nothing; solved periods before the first with any solves
 * are before the agent's (or team's) history began, not periods of zero.
 */
export function goalTrend(
  plan: TrendPlan,
  counts: readonly (number | null)[],
  minimumRatings: number,
): GoalTrend {
  const { goal } = plan;
  let points: TrendPoint[];
  if (goal.metric === 'csat') {
    points = plan.periods.map((period, index) => {
      const good = counts[index * 2] ?? null;
      const bad = counts[index * 2 + 1] ?? null;
      if (good === null || bad === null) return { ...period, value: null, ratings: null };
      const ratings = good + bad;
      const value = ratings > 0 && ratings >= minimumRatings ? (good / ratings) * 100 : null;
      return { ...period, value, ratings };
    });
  } else {
    const firstActive = counts.findIndex((count) => count !== null && count > 0);
    points = plan.periods.map((period, index) => {
      const count = counts[index] ?? null;
      const hasBegun = firstActive !== -1 && index >= firstActive;
      return { ...period, value: hasBegun ? count : null, ratings: null };
    });
  }
  const judgedPoints = points.filter((point) => point.value !== null);
  return {
    goal,
    unit: plan.unit,
    points,
    judged: judgedPoints.length,
    met: judgedPoints.filter((point) => isWithin(goal.metric, point.value ?? 0, goal.target)).length,
    last: points[points.length - 1] ?? null,
  };
}
