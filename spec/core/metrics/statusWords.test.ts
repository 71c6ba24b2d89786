import type { Goal } from '../../../src/core/goals/goal';
import type { TicketFact } from '../../../src/core/goals/ticketFacts';
import { evaluateGoals } from '../../../src/core/metrics/evaluateGoals';
import type { GoalStatus } from '../../../src/core/metrics/goalProgress';
import { DUBLIN_WEDNESDAY, goalOf, snapshotOf, ticketFact } from '../ticketFactBuilder';

const at = Date.parse;
const THIS_WEEK = at('2026-11-17T10:00:00Z');

/** `n` solved tickets this week (or last), `hits` of them with the property a rate counts. */
function solved(n: number, hits: number, mark: (hit: boolean) => Partial<TicketFact>) {
  return Array.from({ length: n }, (_, i) =>
    ticketFact({ solvedAt: THIS_WEEK + i * 60_000, ...mark(i < hits) }),
  );
}
const rated = (hit: boolean) => ({ satisfaction: hit ? ('good' as const) : ('bad' as const) });
const reopened = (hit: boolean) => ({ reopens: hit ? 1 : 0 });

const statusOf = (goal: Goal, facts: { solved?: TicketFact[]; open?: TicketFact[] }, partial = false) =>
  evaluateGoals(
    [goal],
    snapshotOf({
      solvedTickets: facts.solved ?? [],
      openTickets: facts.open ?? [],
      isTeamViewPartial: partial,
    }),
    { ...DUBLIN_WEDNESDAY, csatMinimumRatings: 5 },
  )[0]?.status;

const csat = goalOf({ metric: 'csat', target: 85, period: 'week', floor: 80 });
const reopens = goalOf({ metric: 'reopen_rate', target: 5, period: 'week', floor: 8 });
const backlog = goalOf({ metric: 'backlog', target: 15, period: 'now' });
const open = (n: number) => Array.from({ length: n }, () => ticketFact({ status: 'open', solvedAt: null }));

describe('status words: one meaning each, whichever way the metric points', () => {
  it.each<[string, GoalStatus | undefined, GoalStatus]>([
    ['at-least rate at target', statusOf(csat, { solved: solved(20, 18, rated) }), 'onTrack'],
    ['at-least rate under target, above floor', statusOf(csat, { solved: solved(40, 33, rated) }), 'behind'],
    ['at-least rate under its floor', statusOf(csat, { solved: solved(20, 15, rated) }), 'belowFloor'],
    ['at-least rate, too few ratings', statusOf(csat, { solved: solved(3, 3, rated) }), 'notEnoughData'],
    ['at-most rate under target', statusOf(reopens, { solved: solved(50, 2, reopened) }), 'withinTarget'],
    [
      'at-most rate over target, under limit',
      statusOf(reopens, { solved: solved(50, 3, reopened) }),
      'overTarget',
    ],
    ['at-most rate over its limit', statusOf(reopens, { solved: solved(50, 5, reopened) }), 'overLimit'],
    ['at-most count within target', statusOf(backlog, { open: open(12) }), 'withinTarget'],
    ['at-most count over target', statusOf(backlog, { open: open(19) }), 'overTarget'],
    [
      'team figure the agent cannot see whole',
      statusOf(goalOf({ scope: 'team', target: 250, period: 'week' }), {}, true),
      'notVisible',
    ],
  ])('%s', (_case, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('team figures belong to one team', () => {
  it('does not take a count fetched for other groups as this team’s figure', () => {
    const week = { start: at('2026-11-16T00:00:00Z'), end: at('2026-11-23T00:00:00Z') };
    const counts = [{ kind: 'solved' as const, ...week, groupIds: [99], count: 180 }];
    const [progress] = evaluateGoals(
      [goalOf({ scope: 'team', target: 250, period: 'week' })],
      snapshotOf({ teamCounts: counts }),
      DUBLIN_WEDNESDAY,
    );
    expect(progress).toMatchObject({ value: null, status: 'notEnoughData' });
    const [own] = evaluateGoals(
      [goalOf({ scope: 'team', target: 250, period: 'week' })],
      snapshotOf({ teamCounts: [{ ...counts[0]!, groupIds: [...DUBLIN_WEDNESDAY.teamGroupIds] }] }),
      DUBLIN_WEDNESDAY,
    );
    expect(own).toMatchObject({ value: 180 });
  });
});

it('hides team figures from a restricted agent even when the snapshot was fetched before their profile arrived', () => {
  const [progress] = evaluateGoals(
    [goalOf({ scope: 'team', target: 250, period: 'week' })],
    snapshotOf({ isTeamViewPartial: false }),
    { ...DUBLIN_WEDNESDAY, isTeamViewPartial: true },
  );
  expect(progress?.status).toBe('notVisible');
});
