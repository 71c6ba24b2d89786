/**
 * A review-ready summary of one agent's month or quarter (goal-practice: goals as concrete evidence in
 * performance reviews): for each personal goal, in how many of its own periods inside the window it was met,
 * its figure over the whole window, and the tickets behind notable figures (bad ratings, reopens). Pure: the
 * window's solved tickets in, plain data out; the UI words it, prints it and exports it.
 */
import { TZDate } from '@date-fns/tz';
import type { Goal, PeriodUnit } from '../goals/goal';
import { isWithin } from '../goals/metricCatalog';
import type { TicketFact } from '../goals/ticketFacts';
import type { Measurement } from '../metrics/ticketMetrics';
import { csatOf, medianMinutes, oneTouchRate, reopenRate, solvedInWindow } from '../metrics/ticketMetrics';
import { periodBounds } from '../periods/periodBounds';
import type { AppSettings } from '../settings/appSettings';

export type ReviewUnit = 'month' | 'quarter';

export interface ReviewWindow {
  unit: ReviewUnit;
  start: number;
  end: number;
}

export interface GoalReview {
  goal: Goal;
  /** The goal's own whole periods inside the window that have ended (a day goal: working days), oldest first. */
  periods: { start: number; end: number; value: number | null }[];
  judged: number;
  met: number;
  /** Over the whole window: a count summed, or a rate or median over all its tickets. */
  overall: Measurement;
}

export interface ReviewSummary {
  window: ReviewWindow;
  goals: GoalReview[];
  solved: number;
  /** Tickets behind notable figures, newest solve first. */
  badlyRated: number[];
  reopened: number[];
}

export type ReviewSettings = Pick<
  AppSettings,
  'weekStartsOn' | 'workingHours' | 'timeBasis' | 'csatMinimumRatings'
>;

/** The month or quarter containing `at` (offset 0) or `offset` before it, in the agent's zone. */
export function reviewWindow(unit: ReviewUnit, at: number, timeZone: string, offset = 0): ReviewWindow {
  let bounds = periodBounds(unit, at, timeZone, 1);
  for (let i = 0; i < offset; i += 1) bounds = periodBounds(unit, bounds.start - 1, timeZone, 1);
  return { unit, start: bounds.start, end: bounds.end };
}

function measure(goal: Goal, solved: readonly TicketFact[], settings: ReviewSettings): Measurement {
  switch (goal.metric) {
    case 'solved':
      return { value: solved.length, sampleSize: solved.length };
    case 'csat': {
      const csat = csatOf(solved);
      return csat.sampleSize >= settings.csatMinimumRatings
        ? csat
        : { value: null, sampleSize: csat.sampleSize };
    }
    case 'first_reply':
      return medianMinutes(solved, (t) => t.firstReplyMinutes, settings.timeBasis);
    case 'full_resolution':
      return medianMinutes(solved, (t) => t.fullResolutionMinutes, settings.timeBasis);
    case 'one_touch':
      return oneTouchRate(solved);
    case 'reopen_rate':
      return reopenRate(solved);
    case 'backlog':
    case 'sla_breaches':
      return { value: null, sampleSize: 0 };
  }
}

/** The goal's whole periods inside the window that ended by `now`; a day goal's working days only. */
function periodsWithin(
  unit: PeriodUnit,
  window: ReviewWindow,
  now: number,
  timeZone: string,
  settings: ReviewSettings,
) {
  const periods: { start: number; end: number }[] = [];
  let bounds = periodBounds(unit, window.start, timeZone, settings.weekStartsOn);
  // A week that began in the previous month is not this month's.
  if (bounds.start < window.start) bounds = periodBounds(unit, bounds.end, timeZone, settings.weekStartsOn);
  while (bounds.end <= window.end && bounds.end <= now) {
    const isWorkingDay =
      unit !== 'day' || settings.workingHours.days.includes(new TZDate(bounds.start, timeZone).getDay());
    if (isWorkingDay) periods.push({ start: bounds.start, end: bounds.end });
    bounds = periodBounds(unit, bounds.end, timeZone, settings.weekStartsOn);
  }
  return periods;
}

export function reviewSummary(
  goals: readonly Goal[],
  tickets: readonly TicketFact[],
  context: { window: ReviewWindow; now: number; timeZone: string; settings: ReviewSettings },
): ReviewSummary {
  const { window, now, timeZone, settings } = context;
  const inWindow = solvedInWindow(tickets, { start: window.start, end: Math.min(window.end, now) });
  const reviews = goals
    .filter((goal) => goal.scope === 'me' && goal.period !== 'now')
    .map((goal): GoalReview => {
      const unit = goal.period === 'now' ? 'day' : goal.period;
      const periods = periodsWithin(unit, window, now, timeZone, settings).map((period) => ({
        ...period,
        value: measure(goal, solvedInWindow(inWindow, period), settings).value,
      }));
      const judged = periods.filter((period) => period.value !== null);
      return {
        goal,
        periods,
        judged: judged.length,
        met: judged.filter((period) => isWithin(goal.metric, period.value ?? 0, goal.target)).length,
        overall: measure(goal, inWindow, settings),
      };
    });
  const newestFirst = [...inWindow].sort((a, b) => (b.solvedAt ?? 0) - (a.solvedAt ?? 0));
  return {
    window,
    goals: reviews,
    solved: inWindow.length,
    badlyRated: newestFirst.filter((t) => t.satisfaction === 'bad').map((t) => t.id),
    reopened: newestFirst.filter((t) => (t.reopens ?? 0) > 0).map((t) => t.id),
  };
}
