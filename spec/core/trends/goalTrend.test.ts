import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import { goalTrend, planTrends } from '../../../src/core/trends/goalTrend';

const weekdays = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
// Wednesday 2 December 2026, 10:00 in Dublin (UTC+0 in winter); weeks start on Monday.
const dublin = {
  now: Date.parse('2026-12-02T10:00:00Z'),
  timeZone: 'Europe/Dublin',
  weekStartsOn: 1 as const,
  workingHours: weekdays,
  teamGroupIds: [360001234567],
};
const goals = (text: string) => parseGoalLines(text).goals;
const at = (iso: string) => Date.parse(iso);

describe('the periods of a goal’s trend', () => {
  it('covers the 8 weeks before this one in the agent’s zone, the week of the clock change an hour longer', () => {
    const [plan] = planTrends(goals('me solved 120 week'), dublin);
    expect(plan!.periods).toHaveLength(8);
    // Monday 5 October, still summer time (UTC+1), to Monday 30 November.
    expect(plan!.periods[0]).toEqual({ start: at('2026-10-04T23:00:00Z'), end: at('2026-10-11T23:00:00Z') });
    expect(plan!.periods[7]).toEqual({ start: at('2026-11-23T00:00:00Z'), end: at('2026-11-30T00:00:00Z') });
    // Clocks went back on Sunday 25 October: that week lasts 7 days and 1 hour.
    expect(plan!.periods[2]).toEqual({ start: at('2026-10-18T23:00:00Z'), end: at('2026-10-26T00:00:00Z') });
  });

  it('counts the same weeks from Los Angeles by its own midnights and its own clock change', () => {
    const [plan] = planTrends(goals('me solved 120 week'), { ...dublin, timeZone: 'America/Los_Angeles' });
    // Monday 23 November 00:00 PST is 08:00 UTC; the US changed clocks on Sunday 1 November.
    expect(plan!.periods[7]).toEqual({ start: at('2026-11-23T08:00:00Z'), end: at('2026-11-30T08:00:00Z') });
    expect(plan!.periods[3]).toEqual({ start: at('2026-10-26T07:00:00Z'), end: at('2026-11-02T08:00:00Z') });
  });

  it('takes a day goal’s last 8 working days, skipping weekends', () => {
    const [plan] = planTrends(goals('me solved 12 day'), dublin);
    const days = plan!.periods.map((p) => new Date(p.start).toISOString().slice(0, 10));
    expect(days).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('asks for good and bad ratings per period for CSAT, the team’s groups for a team goal, nothing for speed', () => {
    const plans = planTrends(
      goals('me csat 85% week\nteam solved 250 week\nme first_reply 2h week\nme backlog 15 now'),
      dublin,
    );
    expect(plans.map((p) => [p.goal.metric, p.requests.length])).toEqual([
      ['csat', 16],
      ['solved', 8],
    ]);
    expect(plans[0]!.requests.slice(0, 2).map((r) => [r.kind, r.groupIds])).toEqual([
      ['csatGood', null],
      ['csatBad', null],
    ]);
    expect(plans[1]!.requests[0]!.groupIds).toEqual([360001234567]);
    expect(planTrends(goals('team solved 250 week'), { ...dublin, teamGroupIds: [] })).toEqual([]);
  });
});

describe('a goal’s trend from its counts', () => {
  it('judges each week against the target, and treats the weeks before the first solve as not yet begun', () => {
    const [plan] = planTrends(goals('me solved 8 week'), dublin);
    // A new agent: nothing for 3 weeks, then 5, 7, a week of 0 (counted: they were there), 9 and 12.
    const trend = goalTrend(plan!, [0, 0, 0, 5, 7, 0, 9, 12], 5);
    expect(trend.points.map((p) => p.value)).toEqual([null, null, null, 5, 7, 0, 9, 12]);
    expect(trend).toMatchObject({ judged: 5, met: 2 });
    expect(trend.last).toMatchObject({ value: 12, start: at('2026-11-23T00:00:00Z') });
  });

  it('turns good and bad ratings into CSAT per week, and leaves out weeks with too few ratings', () => {
    const [plan] = planTrends(goals('me csat 85% week'), dublin);
    // Good/bad: 9/1 = 90 %, 3/1 (4 ratings, under 5), 11/3 = 78.6 %, unreadable, 17/3 = 85 %, 0/0,
    // 12/2 = 85.7 %, 6/4 = 60 %.
    const counts = [9, 1, 3, 1, 11, 3, null, 2, 17, 3, 0, 0, 12, 2, 6, 4];
    const trend = goalTrend(plan!, counts, 5);
    expect(trend.points.map((p) => (p.value === null ? null : Math.round(p.value * 10) / 10))).toEqual([
      90,
      null,
      78.6,
      null,
      85,
      null,
      85.7,
      60,
    ]);
    // 90, 85 (exactly the target) and 85.7 meet 85 %.
    expect(trend).toMatchObject({ judged: 5, met: 3 });
    expect(trend.last).toMatchObject({ value: 60, ratings: 10 });
  });

  it('has no figures at all when nothing could be counted', () => {
    const [plan] = planTrends(goals('me solved 8 week'), dublin);
    const trend = goalTrend(plan!, Array(8).fill(null), 5);
    expect(trend).toMatchObject({ judged: 0, met: 0 });
    expect(trend.last?.value).toBeNull();
  });
});
