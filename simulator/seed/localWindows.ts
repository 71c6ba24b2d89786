/**
 * Day and week windows in an agent's own time zone, computed with Intl only (not the app's date code), so the
 * simulator's expected figures stay an independent check on what the sidebar shows.
 */

export interface Window {
  start: number;
  end: number;
}

const DAY = 86_400_000;

/** Minutes the zone is ahead of UTC at `at`. */
function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The UTC instant of local midnight starting the calendar date `localDate` (ms of that date at 00:00 UTC). */
function localMidnight(localDate: number, timeZone: string): number {
  // Guess with the offset at the date's UTC midnight, then correct once for a DST change in between.
  const guess = localDate - offsetMinutes(localDate, timeZone) * 60_000;
  return localDate - offsetMinutes(guess, timeZone) * 60_000;
}

/** The local calendar date containing `now`, as ms of that date at 00:00 UTC. */
function localDate(now: number, timeZone: string): number {
  return Math.floor((now + offsetMinutes(now, timeZone) * 60_000) / DAY) * DAY;
}

/** Today in `timeZone`: local midnight to the next local midnight (23 or 25 hours across a DST change). */
export function localDay(now: number, timeZone: string): Window {
  const date = localDate(now, timeZone);
  return { start: localMidnight(date, timeZone), end: localMidnight(date + DAY, timeZone) };
}

/** This week in `timeZone`, starting on Monday (the app's default `weekStart`). */
export function localWeek(now: number, timeZone: string): Window {
  const date = localDate(now, timeZone);
  const monday = date - ((new Date(date).getUTCDay() + 6) % 7) * DAY;
  return { start: localMidnight(monday, timeZone), end: localMidnight(monday + 7 * DAY, timeZone) };
}
