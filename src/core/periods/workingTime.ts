import { TZDate } from '@date-fns/tz';
import type { WorkingHours } from '../settings/appSettings';

/** The working window [start, end) of the local calendar day that `dayStart` begins, or null on a day off. */
function workingWindow(
  local: TZDate,
  hours: WorkingHours,
  timeZone: string,
): { start: number; end: number } | null {
  if (!hours.days.includes(local.getDay())) return null;
  const at = (minute: number) =>
    new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      Math.floor(minute / 60),
      minute % 60,
      timeZone,
    ).getTime();
  return { start: at(hours.startMinute), end: at(hours.endMinute) };
}

/**
 * Minutes of working time between two instants, with working days and hours read in the agent's zone.
 * A 09:00–17:00 day counts 8 hours even when the clocks change that night.
 */
export function workingMinutesBetween(
  from: number,
  to: number,
  hours: WorkingHours,
  timeZone: string,
): number {
  if (!(to > from)) return 0;
  let total = 0;
  const first = new TZDate(from, timeZone);
  let day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate(), 0, 0, timeZone);
  while (day.getTime() < to) {
    const window = workingWindow(day, hours, timeZone);
    if (window) total += Math.max(0, Math.min(window.end, to) - Math.max(window.start, from));
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, 0, 0, timeZone);
  }
  return total / 60_000;
}

/** Whether `now` falls inside working hours in the agent's zone. */
export function isWithinWorkingHours(now: number, hours: WorkingHours, timeZone: string): boolean {
  const local = new TZDate(now, timeZone);
  const window = workingWindow(local, hours, timeZone);
  return window !== null && now >= window.start && now < window.end;
}

/**
 * The instant when `minutes` of working time have passed after `from` (working days and hours in the agent's
 * zone), or null if that is not before `limit`.
 */
export function addWorkingMinutes(
  from: number,
  minutes: number,
  hours: WorkingHours,
  timeZone: string,
  limit: number,
): number | null {
  let left = minutes * 60_000;
  const first = new TZDate(from, timeZone);
  let day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate(), 0, 0, timeZone);
  while (day.getTime() < limit) {
    const window = workingWindow(day, hours, timeZone);
    if (window) {
      const start = Math.max(window.start, from);
      const available = Math.max(0, window.end - start);
      if (available >= left) {
        const at = start + left;
        return at <= limit ? at : null;
      }
      left -= available;
    }
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, 0, 0, timeZone);
  }
  return null;
}
