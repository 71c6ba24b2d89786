import type { GoalProgress } from '../../../src/core/metrics/goalProgress';
import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import { conversationStarters } from '../../../src/core/team/conversationStarters';
import { goalTrend, planTrends } from '../../../src/core/trends/goalTrend';

const context = {
  now: Date.parse('2026-12-02T10:00:00Z'),
  timeZone: 'Europe/Dublin',
  weekStartsOn: 1 as const,
  workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
  teamGroupIds: [360001234567],
};
const [csatGoal, solvedGoal] = parseGoalLines('me csat 85% week floor 80%\nme solved 120 week').goals;
const [csatPlan, solvedPlan] = planTrends([csatGoal!, solvedGoal!], context);

const progressOf = (goal: typeof csatGoal, value: number | null, sampleSize: number): GoalProgress => ({
  goal: goal!,
  bounds: null,
  value,
  sampleSize,
  status: value === null ? 'notEnoughData' : 'behind',
  fraction: 0,
  pace: null,
  share: null,
  oldestWaiting: null,
  stretch: null,
});

describe('conversation starters for a one-to-one', () => {
  it('raises a CSAT drop with last week’s figure and the badly rated tickets to open together', () => {
    // Last week 23 good, 2 bad: 92 %. This week 78 % with 3 bad ratings.
    const csatTrend = goalTrend(csatPlan!, [20, 2, 18, 2, 19, 1, 22, 3, 21, 2, 20, 2, 24, 1, 23, 2], 5);
    const starters = conversationStarters({
      progress: [progressOf(csatGoal, 78, 14)],
      trends: [csatTrend],
      badRatedTicketIds: [1240, 1234, 1199, 1150],
    });
    expect(starters[0]).toEqual({
      kind: 'csat',
      unit: 'week',
      current: 78,
      previous: 92,
      badRatings: 4,
      ticketIds: [1240, 1234, 1199],
    });
  });

  it('says nothing of CSAT when it held steady and nothing was rated bad', () => {
    const csatTrend = goalTrend(csatPlan!, [20, 2, 18, 2, 19, 1, 22, 3, 21, 2, 20, 2, 24, 1, 23, 2], 5);
    const starters = conversationStarters({
      progress: [progressOf(csatGoal, 90, 20)],
      trends: [csatTrend],
      badRatedTicketIds: [],
    });
    expect(starters.filter((s) => s.kind === 'csat')).toEqual([]);
  });

  it('celebrates a goal met week after week, and raises one missed week after week, counting only the run', () => {
    // Solved per week: 100 130 125 90 110 95 105 98 — missed the last 5 (a gap would end the run).
    const missing = goalTrend(solvedPlan!, [100, 130, 125, 90, 110, 95, 105, 98], 5);
    // CSAT (good, bad): 90.9 %, 66.7 %, then 95, 88, 91.3, 90.9, 96 and 92 %: met the last 6 weeks running.
    const meeting = goalTrend(csatPlan!, [20, 2, 10, 5, 19, 1, 22, 3, 21, 2, 20, 2, 24, 1, 23, 2], 5);
    const starters = conversationStarters({
      progress: [],
      trends: [meeting, missing],
      badRatedTicketIds: [],
    });
    expect(starters).toEqual([
      { kind: 'missedStreak', goal: solvedGoal, periods: 5 },
      { kind: 'metStreak', goal: csatGoal, periods: 6 },
    ]);
  });

  it('has nothing to say from a short history', () => {
    const newcomer = goalTrend(solvedPlan!, [0, 0, 0, 0, 0, 0, 90, 125], 5);
    expect(conversationStarters({ progress: [], trends: [newcomer], badRatedTicketIds: [] })).toEqual([]);
  });
});
