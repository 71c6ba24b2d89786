import type { WorkingHours } from './appSettings';

const MAX_LENGTH = 200;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export type WorkingHoursResult =
  { ok: true; value: WorkingHours } | { ok: false; reason: 'days' | 'hours' | 'overnight' };

function dayIndex(name: string): number {
  return DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAY_NAMES)[number]);
}

function minuteOfDay(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/**
 * Parses `Mon-Fri 09:00-17:00`, `Mon,Tue,Thu 8:30-16:30` or `Sun-Thu 9-18`.
 * Overnight shifts are refused: a working day must fit between local midnights.
 */
export function parseWorkingHours(text: string): WorkingHoursResult {
  const trimmed = text.trim();
  // Anything this long is not working hours; the bound also keeps every step below linear.
  if (trimmed.length > MAX_LENGTH) return { ok: false, reason: 'hours' };
  // The hours are the end of the text; whatever comes before them names the days. Two plain steps instead
  // of one pattern with a lazy group, which backtracked quadratically on long runs of spaces.
  const hours = /(\d{1,2}(?::\d{2})?)[ \t]*-[ \t]*(\d{1,2}(?::\d{2})?)$/.exec(trimmed);
  if (!hours) return { ok: false, reason: 'hours' };
  const dayText = trimmed.slice(0, hours.index);
  if (!/\s$/.test(dayText) || !/^[A-Za-z,\s-]+$/.test(dayText)) return { ok: false, reason: 'hours' };
  const [, startText = '', endText = ''] = hours;
  const days = new Set<number>();
  for (const part of dayText.split(',').map((p) => p.trim())) {
    const [from, to, extra] = part.split('-').map((d) => d.trim());
    if (extra !== undefined || !from) return { ok: false, reason: 'days' };
    const first = dayIndex(from);
    const last = to === undefined ? first : dayIndex(to);
    if (first < 0 || last < 0) return { ok: false, reason: 'days' };
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  const startMinute = minuteOfDay(startText);
  const endMinute = minuteOfDay(endText);
  if (startMinute === null || endMinute === null) return { ok: false, reason: 'hours' };
  if (endMinute <= startMinute) return { ok: false, reason: 'overnight' };
  return { ok: true, value: { days: [...days].sort((a, b) => a - b), startMinute, endMinute } };
}
