import { tz } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from 'date-fns';
import type { PeriodUnit } from '../goals/goal';
import type { PeriodBounds } from '../metrics/goalProgress';
import type { WeekStart } from '../settings/appSettings';

/**
 * The window of `unit` that contains `now`, with its edges at local midnight in `timeZone`
 * (an IANA name), returned as UTC instants. A day across a DST change is 23 or 25 hours long.
 *
 * @example periodBounds('day', Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin', 1)
 * //=> { start: Date.parse('2026-03-28T23:00:00Z'), end: Date.parse('2026-03-29T22:00:00Z') }
 */
export function periodBounds(
  unit: PeriodUnit,
  now: number,
  timeZone: string,
  weekStartsOn: WeekStart,
): PeriodBounds {
  const options = { in: tz(timeZone) };
  switch (unit) {
    case 'day': {
      const start = startOfDay(now, options);
      return { start: start.getTime(), end: addDays(start, 1, options).getTime() };
    }
    case 'week': {
      const start = startOfWeek(now, { ...options, weekStartsOn });
      return { start: start.getTime(), end: addWeeks(start, 1, options).getTime() };
    }
    case 'month': {
      const start = startOfMonth(now, options);
      return { start: start.getTime(), end: addMonths(start, 1, options).getTime() };
    }
    case 'quarter': {
      const start = startOfQuarter(now, options);
      return { start: start.getTime(), end: addQuarters(start, 1, options).getTime() };
    }
  }
}
