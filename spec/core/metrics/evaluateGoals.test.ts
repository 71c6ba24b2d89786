import { evaluateGoals } from '../../../src/core/metrics/evaluateGoals';
import { planFetch } from '../../../src/core/metrics/fetchPlan';
import { periodBounds } from '../../../src/core/periods/periodBounds';
import { DUBLIN_WEDNESDAY, goalOf, snapshotOf, ticketFact } from '../ticketFactBuilder';

const at = Date.parse;
const goal = goalOf;
const context = DUBLIN_WEDNESDAY;
const solvedToday = (n: number, extra = {}) =>
  Array.from({ length: n }, (_, i) =>
    ticketFact({ solvedAt: at('2026-11-18T09:30:00Z') + i * 60_000, ...extra }),
  );

describe('evaluateGoals', () => {
  it('shows a daily solved goal on track when at or above today’s milestone', () => {
    // 5 of 8 working hours gone: milestone 15.6 of 25; 15 solved is on track (kindly rounded down).
    const [progress] = evaluateGoals([goal({})], snapshotOf({ solvedTickets: solvedToday(15) }), context);
    expect(progress).toMatchObject({ value: 15, sampleSize: 15, status: 'onTrack', fraction: 0.6 });
    expect(progress?.pace?.milestone).toBeCloseTo(15.625, 10);
  });

  it('says behind with the gap when under the milestone, achieved at the target', () => {
    const [behind] = evaluateGoals([goal({})], snapshotOf({ solvedTickets: solvedToday(11) }), context);
    expect(behind?.status).toBe('behind');
    expect(behind?.pace?.aheadBy).toBeCloseTo(-4.625, 10);
    const [done] = evaluateGoals([goal({})], snapshotOf({ solvedTickets: solvedToday(26) }), context);
    expect(done).toMatchObject({ status: 'achieved', fraction: 1 });
  });

  it('does not judge CSAT on a tiny sample but still reports it', () => {
    const tickets = [...solvedToday(2, { satisfaction: 'good' }), ...solvedToday(1, { satisfaction: 'bad' })];
    const [progress] = evaluateGoals(
      [goal({ metric: 'csat', target: 85, period: 'week', floor: 80 })],
      snapshotOf({ solvedTickets: tickets }),
      context,
    );
    expect(progress?.status).toBe('notEnoughData');
    expect(progress?.value).toBeCloseTo(66.67, 1);
    expect(progress?.sampleSize).toBe(3);
  });

  it('puts CSAT below its floor when enough ratings say so', () => {
    const tickets = [
      ...solvedToday(15, { satisfaction: 'good' }),
      ...solvedToday(6, { satisfaction: 'bad' }),
    ];
    const [progress] = evaluateGoals(
      [goal({ metric: 'csat', target: 85, period: 'week', floor: 80 })],
      snapshotOf({ solvedTickets: tickets }),
      context,
    );
    expect(progress).toMatchObject({ status: 'belowFloor', sampleSize: 21 });
    expect(progress?.value).toBeCloseTo(71.43, 1);
  });

  it('judges a first-reply median against a ceiling', () => {
    const tickets = [60, 100, 140].map((m) =>
      ticketFact({ solvedAt: at('2026-11-17T10:00:00Z'), firstReplyMinutes: { calendar: m, business: m } }),
    );
    const [progress] = evaluateGoals(
      [goal({ metric: 'first_reply', target: 120, period: 'week' })],
      snapshotOf({ solvedTickets: tickets }),
      context,
    );
    expect(progress).toMatchObject({ value: 100, status: 'withinTarget', fraction: 1 });
    const [slow] = evaluateGoals(
      [goal({ metric: 'first_reply', target: 80, period: 'week' })],
      snapshotOf({ solvedTickets: tickets }),
      context,
    );
    expect(slow).toMatchObject({ status: 'overTarget', fraction: 0.8 });
  });

  it('says not enough data for a time goal in an empty period, with no NaN anywhere', () => {
    const [progress] = evaluateGoals(
      [goal({ metric: 'full_resolution', target: 480, period: 'day' })],
      snapshotOf(),
      context,
    );
    expect(progress).toMatchObject({ value: null, status: 'notEnoughData', fraction: 0, sampleSize: 0 });
  });

  it('gives the agent’s share of a team goal from the team count', () => {
    const week = periodBounds('week', context.now, context.timeZone, 1);
    const snapshot = snapshotOf({
      solvedTickets: [...solvedToday(14), ...solvedToday(2, { groupId: 999 })],
      teamCounts: [{ kind: 'solved', start: week.start, end: week.end, groupIds: [360001234567], count: 78 }],
    });
    const [progress] = evaluateGoals(
      [goal({ scope: 'team', target: 120, period: 'week' })],
      snapshot,
      context,
    );
    expect(progress?.value).toBe(78);
    expect(progress?.share).toEqual({ mine: 14, team: 78, percent: (14 / 78) * 100 });
  });

  it('caps the share at 100 % when search lag makes the team count trail the agent’s own', () => {
    const day = periodBounds('day', context.now, context.timeZone, 1);
    const snapshot = snapshotOf({
      solvedTickets: solvedToday(5),
      teamCounts: [{ kind: 'solved', start: day.start, end: day.end, groupIds: [360001234567], count: 4 }],
    });
    const [progress] = evaluateGoals([goal({ scope: 'team', target: 40 })], snapshot, context);
    expect(progress?.share?.percent).toBe(100);
  });

  it('judges a backlog ceiling now', () => {
    const open = Array.from({ length: 18 }, () => ticketFact({ status: 'open', solvedAt: null }));
    const [progress] = evaluateGoals(
      [goal({ metric: 'backlog', target: 15, period: 'now' })],
      snapshotOf({ openTickets: open }),
      context,
    );
    expect(progress).toMatchObject({ value: 18, status: 'overTarget', bounds: null });
    expect(progress?.fraction).toBeCloseTo(15 / 18, 10);
  });
});

describe('planFetch', () => {
  it('lists today, counts the rest of count-only windows, and asks only the team counts goals need', () => {
    const goals = [
      goal({}),
      goal({ metric: 'csat', period: 'month', target: 85 }),
      goal({ scope: 'team', metric: 'csat', period: 'week', target: 85 }),
      goal({ scope: 'team', metric: 'backlog', period: 'now', target: 60 }),
    ];
    const plan = planFetch(goals, { ...context, teamGroupIds: [12, 13] });
    expect(new Date(plan.solvedSince).toISOString()).toBe('2026-11-18T00:00:00.000Z');
    expect(
      plan.ownCounts.map((c) => [c.kind, new Date(c.start).toISOString(), new Date(c.end).toISOString()]),
    ).toEqual([
      ['csatGood', '2026-11-01T00:00:00.000Z', '2026-11-18T00:00:00.000Z'],
      ['csatBad', '2026-11-01T00:00:00.000Z', '2026-11-18T00:00:00.000Z'],
    ]);
    expect(
      plan.teamCounts.map((c) => [c.kind, c.start === null ? null : new Date(c.start).toISOString()]),
    ).toEqual([
      ['csatGood', '2026-11-16T00:00:00.000Z'],
      ['csatBad', '2026-11-16T00:00:00.000Z'],
      ['backlog', null],
    ]);
  });

  it('lists solved tickets from the earliest window of a goal that needs per-ticket fields', () => {
    const goals = [
      goal({ metric: 'first_reply', period: 'week', target: 120 }),
      goal({ metric: 'solved', period: 'month', target: 200 }),
      goal({ metric: 'csat', period: 'day', target: 85 }),
    ];
    const plan = planFetch(goals, context);
    expect(new Date(plan.solvedSince).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    // The month's solved count before Monday is counted; the day's CSAT lies inside the listed week.
    expect(plan.ownCounts).toEqual([
      {
        kind: 'solved',
        start: Date.parse('2026-11-01T00:00:00Z'),
        end: Date.parse('2026-11-16T00:00:00Z'),
        groupIds: null,
      },
    ]);
  });
});
