import type { Goal } from '../../../src/core/goals/goal';
import { planTeamHistory, toTargetHistory } from '../../../src/core/metrics/teamHistory';
import { selectNudges } from '../../../src/core/nudges/selectNudges';
import type { NudgeSelection } from '../../../src/core/nudges/selectNudges';
import { nudgeSelectionOf } from '../ticketFactBuilder';

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
/** An admin's selection with the other admin reminders switched off, so only the target check speaks. */
const adminSelection = (overrides: Partial<NudgeSelection>) =>
  nudgeSelectionOf({ now, isAdmin: true, disabledRules: ['only-speed-goals', 'review-goals'], ...overrides });
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

  const select = (median: number) =>
    selectNudges(
      adminSelection({
        progress: [progress],
        targetHistory: [{ goalKey: 'team:solved:week', period: 'week', periods: 8, median, basis: 'team' }],
      }),
    ).filter((n) => n.rule === 'target-vs-history');

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

describe('personal targets against what the team’s agents each did (admins)', () => {
  const meDay: Goal = { ...teamWeek, scope: 'me', period: 'day', target: 500 };

  it('plans the team’s daily counts for a personal daily goal only when the team size is known', () => {
    const context = { now, timeZone: 'UTC', weekStartsOn: 1 as const, teamGroupIds: [12] };
    expect(planTeamHistory([meDay], context)).toEqual([]);
    const [plan] = planTeamHistory([meDay], { ...context, teamSize: 4 });
    expect(plan).toMatchObject({ goalKey: 'me:solved:day', basis: 'perAgent', divisor: 4 });
    expect(plan?.requests).toHaveLength(8);
    // 4 agents solving 48–64 a day between them: 12–16 each, median 14.
    expect(toTargetHistory(plan!, [48, 56, 64, 0, 0, 52, 60, 56])).toMatchObject({ median: 14, periods: 6 });
  });

  it('warns an admin that 500 a day per agent is far beyond the 14 the team’s agents each solve', () => {
    const [nudge] = selectNudges(
      adminSelection({
        progress: [{ ...progress, goal: meDay, bounds: { start: 0, end: now + 3_600_000 } }],
        targetHistory: [
          { goalKey: 'me:solved:day', period: 'day', periods: 6, median: 14, basis: 'perAgent' },
        ],
      }),
    ).filter((n) => n.rule === 'target-vs-history');
    expect(nudge?.message).toEqual({
      key: 'ui.nudges.targetAboveAgentHistory',
      params: {
        goal: { type: 'goal', scope: 'me', metric: 'solved', period: 'day' },
        target: { type: 'count', value: 500 },
        median: { type: 'count', value: 14 },
        periods: { type: 'count', value: 6 },
      },
    });
  });
});
