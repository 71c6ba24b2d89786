import { evaluateGoals } from '../../../src/core/metrics/evaluateGoals';
import { ownBestOf, pastPeriods, planOwnHistory } from '../../../src/core/metrics/ownHistory';
import { selectNudges } from '../../../src/core/nudges/selectNudges';
import { DUBLIN_WEDNESDAY, goalOf, nudgeSelectionOf, snapshotOf, ticketFact } from '../ticketFactBuilder';

const at = Date.parse;
const goal = goalOf;
const context = { ...DUBLIN_WEDNESDAY, teamGroupIds: [] };
const solvedToday = (n: number) =>
  Array.from({ length: n }, (_, i) => ticketFact({ solvedAt: at('2026-11-18T09:30:00Z') + i * 60_000 }));

describe('the agent’s own history', () => {
  it('asks for the 8 days before today in the agent’s zone, for personal solved goals only', () => {
    const plans = planOwnHistory(
      [
        goal({}),
        goal({ scope: 'team', period: 'week' }),
        goal({ metric: 'csat', target: 85, period: 'week' }),
      ],
      { now: context.now, timeZone: 'America/Los_Angeles', weekStartsOn: 1 },
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]?.periods[0]).toEqual({
      start: at('2026-11-17T08:00:00Z'),
      end: at('2026-11-18T08:00:00Z'),
    });
    expect(plans[0]?.periods).toHaveLength(8);
    const weeks = pastPeriods('week', { now: context.now, timeZone: 'Europe/Dublin', weekStartsOn: 1 }, 2);
    expect(weeks.map((w) => new Date(w.start).toISOString())).toEqual([
      '2026-11-09T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
    ]);
  });

  it.each([
    ['never reached: a target of 500 a day against 12–21', [14, 12, 21, 0, 0, 18, 17, 15], 500, 'stretch'],
    ['always exceeded: 10 a day against 12–21', [14, 12, 21, 0, 0, 18, 17, 15], 10, 'achieved'],
    ['reached before: 20 a day, best 21', [14, 12, 21, 0, 0, 18, 17, 15], 20, 'behind'],
    ['a new agent with no history is not judged a stretch', [0, 0, 0, 0, 0, 0, 0, 0], 500, 'behind'],
  ])('%s', (_name, counts, target, status) => {
    const own = ownBestOf(counts);
    const ownBest = own ? new Map([['me:solved:day', own]]) : undefined;
    const [progress] = evaluateGoals([goal({ target })], snapshotOf({ solvedTickets: solvedToday(11) }), {
      ...context,
      ownBest,
    });
    expect(progress?.status).toBe(status);
    if (status === 'stretch') expect(progress?.stretch).toEqual({ best: 21, periods: 6 });
  });

  it('puts no pace pressure on a stretch: no behind-pace nudge, though far below the expected mark', () => {
    const ownBest = new Map([['me:solved:day', { best: 21, periods: 8 }]]);
    const progress = evaluateGoals([goal({ target: 500 })], snapshotOf({ solvedTickets: solvedToday(11) }), {
      ...context,
      ownBest,
    });
    const nudges = selectNudges(nudgeSelectionOf({ now: context.now, progress }));
    expect(nudges.filter((n) => n.rule === 'behind-pace')).toEqual([]);
  });
});
