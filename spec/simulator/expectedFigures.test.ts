import { expectedFigures, expectedFiguresFor } from '../../simulator/seed/expectedFigures';
import { localDay, localWeek } from '../../simulator/seed/localWindows';
import { ANNA, BEN, handMadeAccount, NOW } from './handMadeAccount';

describe('local day and week windows', () => {
  it('start at local midnight, on Monday for the week', () => {
    // Wednesday 18 Nov 2026, 11:00 UTC = 12:00 in Berlin (UTC+1), 06:00 in New York (UTC−5).
    expect(localDay(NOW, 'Europe/Berlin')).toEqual({
      start: Date.parse('2026-11-17T23:00:00Z'),
      end: Date.parse('2026-11-18T23:00:00Z'),
    });
    expect(localWeek(NOW, 'America/New_York')).toEqual({
      start: Date.parse('2026-11-16T05:00:00Z'),
      end: Date.parse('2026-11-23T05:00:00Z'),
    });
  });

  it('follow a DST change: the day Berlin’s clocks go forward is 23 hours long', () => {
    const day = localDay(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(day).toEqual({
      start: Date.parse('2026-03-28T23:00:00Z'),
      end: Date.parse('2026-03-29T22:00:00Z'),
    });
  });

  it('put 00:30 local time on the new day even when UTC is still on the previous one', () => {
    // 23:30 UTC on Sunday is 00:30 on Monday in Berlin: a new day and a new week.
    const at = Date.parse('2026-11-22T23:30:00Z');
    expect(localDay(at, 'Europe/Berlin').start).toBe(Date.parse('2026-11-22T23:00:00Z'));
    expect(localWeek(at, 'Europe/Berlin').start).toBe(Date.parse('2026-11-22T23:00:00Z'));
  });
});

describe('expectedFigures on the hand-made account', () => {
  const { agents, tickets } = handMadeAccount();

  it('counts Anna’s week (Mon 16 – Sun 22 Nov, Dublin = UTC) by hand', () => {
    const figures = expectedFiguresFor({ agents }, tickets, ANNA, NOW)!;
    // Anna solved #1 (Mon, good) and #2 (Tue, good with comment) this week; #6 and #8 were last week.
    expect(figures.solvedWeek).toBe(2);
    expect(figures.solvedToday).toBe(0);
    expect(figures.csatWeek).toEqual({ good: 2, bad: 0, percent: 100 });
    // EMEA solves this week: #1, #2 (Anna) and #4 (Ben, bad).
    expect(figures.teamSolvedWeek).toBe(3);
    expect(figures.teamCsatWeek).toEqual({ good: 2, bad: 1, percent: (2 / 3) * 100 });
    // Open: #3, whose first-reply target (17 Nov 16:00) has passed.
    expect(figures.backlog).toBe(1);
    expect(figures.slaBreachedNow).toBe(1);
    // Both solves had one reply, at the moment of solving: 60 min for #1, 21 h for #2.
    expect(figures.oneTouchWeek).toBe(2);
    expect(figures.firstReplyMedianWeek.calendar).toBe((60 + 21 * 60) / 2);
  });

  it('counts today in Ben’s zone: #4 solved at 10:30 Berlin time', () => {
    const figures = expectedFiguresFor({ agents }, tickets, BEN, NOW)!;
    expect(figures.solvedToday).toBe(1);
    expect(figures.csatWeek).toEqual({ good: 0, bad: 1, percent: 0 });
    expect(figures.backlog).toBe(2);
  });

  it('gives no CSAT percentage without ratings, and null for an unknown agent', () => {
    const day = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-11-02T00:00:00Z') };
    expect(expectedFigures(tickets, ANNA, 1, day, day).csatWeek).toEqual({ good: 0, bad: 0, percent: null });
    expect(expectedFiguresFor({ agents }, tickets, 999, NOW)).toBeNull();
  });
});
