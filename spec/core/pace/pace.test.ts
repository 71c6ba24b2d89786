import { paceFor } from '../../../src/core/pace/pace';
import { periodBounds } from '../../../src/core/periods/periodBounds';
import { workingMinutesBetween } from '../../../src/core/periods/workingTime';
import type { WorkingHours } from '../../../src/core/settings/appSettings';

const weekdays: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
const at = Date.parse;

describe('workingMinutesBetween', () => {
  it('counts 8 hours on the day the clocks go forward', () => {
    // Monday 30 March 2026 follows the Berlin change; use a Mon–Sun rota to include Sunday 29 March.
    const everyDay: WorkingHours = { ...weekdays, days: [0, 1, 2, 3, 4, 5, 6] };
    const sunday = periodBounds('day', at('2026-03-29T12:00:00Z'), 'Europe/Berlin', 1);
    expect(workingMinutesBetween(sunday.start, sunday.end, everyDay, 'Europe/Berlin')).toBe(480);
  });

  it('counts a Mon–Fri 9–17 week as 40 hours and a weekend as none', () => {
    const week = periodBounds('week', at('2026-11-18T12:00:00Z'), 'America/Chicago', 1);
    expect(workingMinutesBetween(week.start, week.end, weekdays, 'America/Chicago')).toBe(2400);
    const saturday = periodBounds('day', at('2026-11-21T18:00:00Z'), 'America/Chicago', 1);
    expect(workingMinutesBetween(saturday.start, saturday.end, weekdays, 'America/Chicago')).toBe(0);
  });

  it('counts part of a day', () => {
    // 10:30 to 12:00 local in Berlin (UTC+1).
    expect(
      workingMinutesBetween(
        at('2026-11-18T09:30:00Z'),
        at('2026-11-18T11:00:00Z'),
        weekdays,
        'Europe/Berlin',
      ),
    ).toBe(90);
  });
});

describe('paceFor', () => {
  const zone = 'Europe/Berlin';
  const week = periodBounds('week', at('2026-11-18T11:00:00Z'), zone, 1);

  it('on Wednesday at noon expects 2.375 of 5 working days: 47.5 % of a weekly target', () => {
    // 12:00 Berlin = 11:00 UTC. Mon + Tue (16 h) + Wed 9–12 (3 h) = 19 h of 40 h.
    const pace = paceFor(40, 100, week, at('2026-11-18T11:00:00Z'), weekdays, zone);
    expect(pace.elapsedWorkFraction).toBeCloseTo(0.475, 10);
    expect(pace.milestone).toBeCloseTo(47.5, 10);
    expect(pace.aheadBy).toBeCloseTo(-7.5, 10);
    expect(pace.projection).toBeCloseTo(84.2, 1);
  });

  it('holds the milestone still outside working hours', () => {
    const evening = paceFor(10, 100, week, at('2026-11-18T19:00:00Z'), weekdays, zone);
    const nextMorning = paceFor(10, 100, week, at('2026-11-19T07:59:00Z'), weekdays, zone);
    expect(evening.milestone).toBeCloseTo(60, 10);
    expect(nextMorning.milestone).toBeCloseTo(60, 10);
  });

  it('gives no projection before a tenth of the working time has passed', () => {
    const mondayMorning = paceFor(2, 100, week, at('2026-11-16T08:30:00Z'), weekdays, zone);
    expect(mondayMorning.projection).toBeNull();
    expect(mondayMorning.milestone).toBeCloseTo(1.25, 10);
  });

  it('never returns NaN or Infinity: a weekend day expects nothing, a zero target is already met', () => {
    const saturday = periodBounds('day', at('2026-11-21T12:00:00Z'), zone, 1);
    const pace = paceFor(0, 10, saturday, at('2026-11-21T12:00:00Z'), weekdays, zone);
    expect(pace).toEqual({
      milestone: 0,
      elapsedWorkFraction: 0,
      projection: null,
      aheadBy: 0,
      catchUp: null,
      isReachable: false,
    });
    const zero = paceFor(0, 0, week, at('2026-11-18T11:00:00Z'), weekdays, zone);
    expect(Number.isFinite(zero.milestone) && Number.isFinite(zero.aheadBy)).toBe(true);
  });
});
