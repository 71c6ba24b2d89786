import type { Goal } from '../../../src/core/goals/goal';
import { evaluateGoals } from '../../../src/core/metrics/evaluateGoals';
import { dismissNudge, EMPTY_NUDGE_HISTORY } from '../../../src/core/nudges/nudgeHistory';
import { selectNudges } from '../../../src/core/nudges/selectNudges';
import { snapshotOf, ticketFact } from '../ticketFactBuilder';

// An agent in Los Angeles working a late shift (14:00–24:00), behind on a daily goal.
const zone = 'America/Los_Angeles';
const lateShift = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 14 * 60, endMinute: 24 * 60 };
const goal: Goal = {
  scope: 'me',
  metric: 'solved',
  target: 20,
  period: 'day',
  floor: null,
  audience: { kind: 'everyone' },
  line: 1,
};
const at = Date.parse;

function nudgesAt(now: number, history = EMPTY_NUDGE_HISTORY) {
  const solved = [ticketFact({ solvedAt: now - 3_600_000 })];
  const progress = evaluateGoals([goal], snapshotOf({ solvedTickets: solved }), {
    now,
    timeZone: zone,
    weekStartsOn: 1,
    workingHours: lateShift,
    timeBasis: 'business',
    csatMinimumRatings: 10,
    teamGroupIds: [],
  });
  return selectNudges({
    now,
    timeZone: zone,
    progress,
    openTickets: [],
    solvedTickets: solved,
    slaWarningMinutes: 30,
    history,
    nudgesEnabled: true,
    disabledRules: [],
    isWorkingTime: true,
  });
}

describe('a dismissed nudge across local midnight', () => {
  // 23:30 on Wednesday 18 November in Los Angeles (UTC−8) is 07:30 UTC on Thursday.
  const lateWednesday = at('2026-11-19T07:30:00Z');

  it('stays hidden until the agent’s own midnight, then the new day may nudge again', () => {
    const [behind] = nudgesAt(lateWednesday);
    expect(behind?.rule).toBe('behind-pace');
    expect(new Date(behind!.periodEnd).toISOString()).toBe('2026-11-19T08:00:00.000Z');
    const history = dismissNudge(EMPTY_NUDGE_HISTORY, behind!.id, behind!.periodEnd, lateWednesday);
    // 23:59 local: still Wednesday, still dismissed — though UTC has long been Thursday.
    expect(nudgesAt(at('2026-11-19T07:59:00Z'), history)).toEqual([]);
    // 15:00 local on Thursday: a new period, behind again, so the nudge may come back.
    expect(nudgesAt(at('2026-11-19T23:00:00Z'), history).map((n) => n.rule)).toEqual(['behind-pace']);
  });
});
