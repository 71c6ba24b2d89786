import { toCsv } from '../../../src/core/review/csv';
import { reviewSummary, reviewWindow } from '../../../src/core/review/reviewSummary';
import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import { ticketFact } from '../ticketFactBuilder';

const at = (iso: string) => Date.parse(iso);
const settings = {
  weekStartsOn: 1 as const,
  workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
  timeBasis: 'calendar' as const,
  csatMinimumRatings: 3,
};
const timeZone = 'Europe/Dublin';
// Reviewing October 2026 on 2 December: the clocks went back on Sunday 25 October.
const now = at('2026-12-02T10:00:00Z');
const october = reviewWindow('month', at('2026-10-15T12:00:00Z'), timeZone);
const solved = (iso: string, extra: Parameters<typeof ticketFact>[0] = {}) =>
  ticketFact({ status: 'closed', solvedAt: at(iso), ...extra });

describe('a month’s review summary', () => {
  it('takes October in Dublin time, from summer time (UTC+1) into winter time', () => {
    expect(october).toEqual({
      unit: 'month',
      start: at('2026-09-30T23:00:00Z'),
      end: at('2026-11-01T00:00:00Z'),
    });
    expect(reviewWindow('month', now, timeZone, 2)).toEqual(october);
    expect(reviewWindow('quarter', at('2026-10-15T12:00:00Z'), timeZone)).toMatchObject({
      start: at('2026-09-30T23:00:00Z'),
      end: at('2027-01-01T00:00:00Z'),
    });
  });

  it('counts a day goal over the month’s 22 working days and a week goal over its 3 whole weeks', () => {
    const { goals } = parseGoalLines('me solved 2 day\nme csat 80% week\nme first_reply 1h week');
    const tickets = [
      // Thursday 1 October: 2 solves (met), one rated bad. 00:30 Dublin time is still 1 October (UTC+1).
      solved('2026-09-30T23:30:00Z', {
        id: 101,
        satisfaction: 'bad',
        firstReplyMinutes: { calendar: 90, business: 90 },
      }),
      solved('2026-10-01T10:00:00Z', {
        id: 102,
        satisfaction: 'good',
        firstReplyMinutes: { calendar: 30, business: 30 },
      }),
      // Monday 26 October (after the change, UTC+0): 3 solves, one reopened.
      solved('2026-10-26T09:00:00Z', {
        id: 103,
        satisfaction: 'good',
        reopens: 1,
        firstReplyMinutes: { calendar: 20, business: 20 },
      }),
      solved('2026-10-26T10:00:00Z', {
        id: 104,
        satisfaction: 'good',
        firstReplyMinutes: { calendar: 40, business: 40 },
      }),
      solved('2026-10-26T11:00:00Z', {
        id: 105,
        satisfaction: 'good',
        firstReplyMinutes: { calendar: 50, business: 50 },
      }),
      // Saturday 17 October: a weekend solve counts in the month, not as a working day.
      solved('2026-10-17T12:00:00Z', { id: 106 }),
      // 1 November 00:30 is November.
      solved('2026-11-01T00:30:00Z', { id: 107, satisfaction: 'bad' }),
    ];
    const summary = reviewSummary(goals, tickets, { window: october, now, timeZone, settings });
    expect(summary.solved).toBe(6);
    const [perDay, csat, firstReply] = summary.goals;
    expect(perDay!.periods).toHaveLength(22);
    expect(perDay).toMatchObject({ judged: 22, met: 2, overall: { value: 6 } });
    // Whole weeks inside October: 5, 12 and 19 October (the week of 26 October ends in November).
    expect(csat!.periods.map((p) => new Date(p.start).toISOString())).toEqual([
      '2026-10-04T23:00:00.000Z',
      '2026-10-11T23:00:00.000Z',
      '2026-10-18T23:00:00.000Z',
    ]);
    // None of those weeks had 3 ratings; over the month 4 good and 1 bad: 80 %.
    expect(csat).toMatchObject({ judged: 0, met: 0, overall: { value: 80, sampleSize: 5 } });
    // Median first reply over the month: 20, 30, 40, 50, 90 and the Saturday's 95 → (40 + 50) / 2 = 45 min.
    expect(firstReply!.overall).toEqual({ value: 45, sampleSize: 6 });
    expect(summary.badlyRated).toEqual([101]);
    expect(summary.reopened).toEqual([103]);
  });

  it('counts only periods that have ended when the month is still running', () => {
    const { goals } = parseGoalLines('me solved 2 day');
    const december = reviewWindow('month', now, timeZone);
    // 1 December (Tuesday) has ended; 2 December is today.
    expect(reviewSummary(goals, [], { window: december, now, timeZone, settings }).goals[0]).toMatchObject({
      judged: 1,
      met: 0,
    });
  });
});

describe('CSV for a spreadsheet', () => {
  it('quotes commas, quotes and line breaks, and never lets a note become a formula', () => {
    expect(
      toCsv([
        ['Agent', 'Note', 'Met'],
        ['Byrne, Aoife', 'She said "too high"\nthen left', 3],
        ['Jonas', '=HYPERLINK("x")', -2],
      ]),
    ).toBe(
      'Agent,Note,Met\r\n"Byrne, Aoife","She said ""too high""\nthen left",3\r\nJonas,"\'=HYPERLINK(""x"")",-2\r\n',
    );
  });
});
