import {
  backlogOf,
  csatOf,
  median,
  medianMinutes,
  oneTouchRate,
  reopenRate,
  slaBreachesNow,
  solvedInWindow,
} from '../../../src/core/metrics/ticketMetrics';
import { periodBounds } from '../../../src/core/periods/periodBounds';
import { ticketFact } from '../ticketFactBuilder';

const at = Date.parse;
// Wednesday 18 November 2026 in Europe/Berlin (UTC+1): local midnight is 23:00 UTC the day before.
const wednesday = { start: at('2026-11-17T23:00:00Z'), end: at('2026-11-18T23:00:00Z') };

describe('solvedInWindow', () => {
  it('counts a ticket solved then closed once, by its solve time in local days', () => {
    const tickets = [
      ticketFact({ status: 'closed', solvedAt: at('2026-11-18T09:00:00Z') }),
      ticketFact({ status: 'solved', solvedAt: at('2026-11-18T22:30:00Z') }), // 23:30 local: still Wednesday
      ticketFact({ status: 'solved', solvedAt: at('2026-11-17T22:59:00Z') }), // 23:59 Tuesday local
      ticketFact({ status: 'open', solvedAt: null }),
      ticketFact({ status: 'open', solvedAt: at('2026-11-18T10:00:00Z') }), // reopened since: not solved now
    ];
    expect(solvedInWindow(tickets, wednesday).map((t) => t.id)).toEqual([tickets[0]?.id, tickets[1]?.id]);
  });

  it('keeps a 23:30 solve on the day the clocks go forward (Berlin, Sunday 29 March 2026)', () => {
    const bounds = periodBounds('day', at('2026-03-29T12:00:00Z'), 'Europe/Berlin', 1);
    const lateSunday = ticketFact({ status: 'solved', solvedAt: at('2026-03-29T21:30:00Z') }); // 23:30 CEST
    const pastMidnight = ticketFact({ status: 'solved', solvedAt: at('2026-03-29T22:30:00Z') }); // 00:30 Monday
    expect(solvedInWindow([lateSunday, pastMidnight], bounds).map((t) => t.id)).toEqual([lateSunday.id]);
  });

  it('finds nothing in an empty period', () => {
    expect(solvedInWindow([], wednesday)).toEqual([]);
  });
});

describe('csatOf', () => {
  it('is good / (good + bad), ignoring offered and unoffered surveys', () => {
    const tickets = [
      ...Array.from({ length: 22 }, () => ticketFact({ satisfaction: 'good' })),
      ...Array.from({ length: 3 }, () => ticketFact({ satisfaction: 'bad' })),
      ticketFact({ satisfaction: 'offered' }),
      ticketFact({ satisfaction: null }),
    ];
    expect(csatOf(tickets)).toEqual({ good: 22, bad: 3, sampleSize: 25, value: 88 });
  });

  it('has no value without ratings', () => {
    expect(csatOf([ticketFact({ satisfaction: 'offered' })]).value).toBeNull();
  });
});

describe('medians', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([100, 20, 60])).toBe(60);
    expect(median([100, 20, 60, 40])).toBe(50);
    expect(median([])).toBeNull();
  });

  it('uses the chosen clock and leaves out tickets with no reading on it', () => {
    const tickets = [
      ticketFact({ firstReplyMinutes: { calendar: 900, business: 60 } }),
      ticketFact({ firstReplyMinutes: { calendar: 30, business: 30 } }),
      ticketFact({ firstReplyMinutes: { calendar: 120, business: null } }),
    ];
    expect(medianMinutes(tickets, (t) => t.firstReplyMinutes, 'business')).toEqual({
      value: 45,
      sampleSize: 2,
    });
    expect(medianMinutes(tickets, (t) => t.firstReplyMinutes, 'calendar')).toEqual({
      value: 120,
      sampleSize: 3,
    });
  });
});

describe('one-touch and reopen rates', () => {
  it('counts exactly one public reply as one-touch; a ticket solved with no reply is not', () => {
    const tickets = [
      ticketFact({ publicReplies: 1 }),
      ticketFact({ publicReplies: 0 }),
      ticketFact({ publicReplies: 3 }),
      ticketFact({ publicReplies: 1 }),
      ticketFact({ publicReplies: null }),
    ];
    expect(oneTouchRate(tickets)).toEqual({ value: 50, sampleSize: 4 });
  });

  it('is the share of solved tickets reopened at least once', () => {
    const tickets = [
      ticketFact({ reopens: 2 }),
      ticketFact({ reopens: 0 }),
      ticketFact({ reopens: 0 }),
      ticketFact({ reopens: 0 }),
    ];
    expect(reopenRate(tickets)).toEqual({ value: 25, sampleSize: 4 });
  });
});

describe('backlog and SLA breaches', () => {
  const now = at('2026-11-18T12:00:00Z');
  const open = [
    ticketFact({ status: 'open', solvedAt: null, updatedAt: at('2026-11-17T15:00:00Z') }),
    ticketFact({ status: 'pending', solvedAt: null, updatedAt: at('2026-11-10T09:00:00Z') }),
    ticketFact({
      status: 'new',
      solvedAt: null,
      updatedAt: at('2026-11-18T08:00:00Z'),
      activeSlaBreachAt: at('2026-11-18T11:30:00Z'),
    }),
    ticketFact({ status: 'hold', solvedAt: null, activeSlaBreachAt: at('2026-11-18T13:00:00Z') }),
  ];

  it('counts unsolved tickets and names the one waiting on the agent longest (not pending ones)', () => {
    expect(backlogOf(open)).toMatchObject({
      value: 4,
      oldestWaiting: { ticketId: open[0]?.id, since: at('2026-11-17T15:00:00Z') },
    });
  });

  it('counts only SLA targets already past', () => {
    expect(slaBreachesNow(open, now).value).toBe(1);
  });
});
