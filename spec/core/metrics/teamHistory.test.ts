import type { Goal } from '../../../src/core/goals/goal';
import { planTeamHistory, toTargetHistory } from '../../../src/core/metrics/teamHistory';
import { selectNudges } from '../../../src/core/nudges/selectNudges';
import { EMPTY_NUDGE_HISTORY } from '../../../src/core/nudges/nudgeHistory';

const teamWeek: Goal = {
  scope: 'team',
  metric: 'solved',
  target: 250,
  period: 'week',
  floor: null,
  audience: { kind: 'everyone' },
  line: 5,
};
const now = Date.parse('2026-11-18T11:00:00Z');

describe('team target history', () => {
  it('asks for the 8 weeks before this one, in the agent’s zone', () => {
    const [plan] = planTeamHistory([teamWeek], {
      now,
      timeZone: 'Europe/Dublin',
      weekStartsOn: 1,
      teamGroupIds: [12],
    });
    expect(plan?.requests).toHaveLength(8);
    expect(new Date(plan!.requests[0]!.start!).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    // Late September is summer time in Dublin (UTC+1): that week starts at 23:00 UTC on Sunday.
    expect(new Date(plan!.requests[7]!.start!).toISOString()).toBe('2026-09-20T23:00:00.000Z');
    expect(planTeamHistory([teamWeek], { now, timeZone: 'UTC', weekStartsOn: 1, teamGroupIds: [] })).toEqual(
      [],
    );
  });

  it('takes the median of the weeks the team worked', () => {
    const [plan] = planTeamHistory([teamWeek], { now, timeZone: 'UTC', weekStartsOn: 1, teamGroupIds: [12] });
    expect(toTargetHistory(plan!, [160, 0, 0, 170, 150, 180, 175, 165])).toMatchObject({
      periods: 6,
      median: 167.5,
    });
  });

  const progress = {
    goal: teamWeek,
    bounds: { start: 0, end: now + 86_400_000 },
    value: 100,
    sampleSize: 100,
    status: 'onTrack' as const,
    fraction: 0.4,
    pace: null,
    share: null,
    stretch: null,
    oldestWaiting: null,
  };
  const select = (median: number) =>
    selectNudges({
      now,
      timeZone: 'Europe/Dublin',
      progress: [progress],
      openTickets: [],
      solvedTickets: [],
      slaWarningMinutes: 30,
      history: EMPTY_NUDGE_HISTORY,
      nudgesEnabled: true,
      disabledRules: ['only-speed-goals', 'review-goals'],
      isWorkingTime: true,
      isAdmin: true,
      targetHistory: [{ goalKey: 'team:solved:week', period: 'week', periods: 8, median }],
    }).filter((n) => n.rule === 'target-vs-history');

  it('warns admins of a target far above or below what the team really does, with the figure', () => {
    expect(select(150)[0]?.message).toEqual({
      key: 'ui.nudges.targetAboveHistory',
      params: {
        goal: { type: 'goal', scope: 'team', metric: 'solved', period: 'week' },
        target: { type: 'count', value: 250 },
        median: { type: 'count', value: 150 },
        periods: { type: 'count', value: 8 },
      },
    });
    expect(select(600)[0]?.message.key).toBe('ui.nudges.targetBelowHistory');
    expect(select(220)).toEqual([]);
  });
});
