import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import {
  judgeHistory,
  planHistoryChecks,
  roundTarget,
  withTarget,
} from '../../../src/core/studio/historyChecks';
import { BILLING, EMEA, europeanAgents } from './studioDirectory';

const directory = europeanAgents;
// Wednesday 2 December 2026 in Dublin; weeks start on Monday.
const context = {
  now: Date.parse('2026-12-02T10:00:00Z'),
  timeZone: 'Europe/Dublin',
  weekStartsOn: 1 as const,
  csatMinimumRatings: 5,
};
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('what the draft’s targets are weighed against', () => {
  it('asks each group’s last 8 weeks for a team target, and per member for a personal one', () => {
    const { goals } = parseGoalLines(
      'me csat 85% week\nme solved 25 day\nteam solved 250 week\n[group 360001234569]\nteam solved 60 week\n[agent 3720452]\nme solved 30 day',
    );
    const questions = planHistoryChecks(goals, directory, context);
    const summary = questions.map((q) => [q.line, q.subject, q.divisor, q.requests.length]);
    // A CSAT target asks for good and bad ratings per week, and is a rate: not shared out per member.
    expect(summary).toEqual([
      [1, { kind: 'group', groupId: EMEA }, 1, 16],
      [2, { kind: 'group', groupId: EMEA }, 4, 8],
      [3, { kind: 'group', groupId: EMEA }, 1, 8],
      [1, { kind: 'group', groupId: BILLING }, 1, 16],
      [2, { kind: 'group', groupId: BILLING }, 2, 8],
      [5, { kind: 'group', groupId: BILLING }, 1, 8],
      [7, { kind: 'agent', agentId: 3720452 }, 1, 8],
    ]);
    const weekly = questions[2]!.requests;
    // The 8 whole weeks before this one, oldest first, Dublin time: from Monday 5 October (still summer
    // time, UTC+1, so 23:00 UTC the day before) to Monday 30 November.
    expect(weekly[0]).toMatchObject({
      start: Date.parse('2026-10-04T23:00:00Z'),
      end: Date.parse('2026-10-11T23:00:00Z'),
    });
    expect(weekly[7]).toMatchObject({ start: day('2026-11-23'), end: day('2026-11-30') });
    const daily = questions[1]!.requests;
    expect(daily[7]).toMatchObject({ start: day('2026-12-01'), end: day('2026-12-02') });
    expect(questions[0]!.requests.slice(0, 2).map((r) => r.kind)).toEqual(['csatGood', 'csatBad']);
  });

  it('leaves speed and reopen targets out: counts cannot weigh them', () => {
    const { goals } = parseGoalLines('me first_reply 2h week\nme reopen_rate 5% week\nme one_touch 40% week');
    expect(planHistoryChecks(goals, directory, context)).toEqual([]);
  });
});

describe('the verdict on a target', () => {
  const { goals } = parseGoalLines('team solved 250 week\nme solved 25 day');
  const [team, personal] = planHistoryChecks(goals, { ...directory, groups: [directory.groups[0]!] }, context)
    .sort((a, b) => b.divisor - a.divisor)
    .reverse();

  it('calls a target never reached out of reach, and suggests the median and the 75th percentile', () => {
    // A week with no solves at all (an office closure) says nothing about pace and is left out.
    const verdict = judgeHistory(team!, [180, 195, 0, 210, 205, 220, 190, 200]);
    expect(verdict).toMatchObject({
      values: [180, 195, 210, 205, 220, 190, 200],
      verdict: 'outOfReach',
      // Sorted 180 190 195 200 205 210 220: median 200; 75th percentile 207.5, in fives 210.
      suggestions: { median: 200, upperQuartile: 210 },
    });
  });

  it('calls a personal target met every day too easy, counting each member’s share of the group', () => {
    // The group of four solved 112 to 140 a day: 28 to 35 each, every day above 25.
    const verdict = judgeHistory(personal!, [112, 120, 128, 116, 124, 140, 132, 136]);
    expect(verdict?.verdict).toBe('tooEasy');
    // Shares 28 29 30 31 32 33 34 35: median 31.5 → 32; 75th percentile 33.25 → 33.
    expect(verdict?.suggestions).toEqual({ median: 32, upperQuartile: 33 });
  });

  it('has nothing to say without any solves in the window', () => {
    expect(judgeHistory(team!, [0, 0, 0, 0, 0, 0, 0, 0])).toBeNull();
  });

  it('weighs a CSAT target by each week’s good and bad ratings, skipping weeks with too few ratings', () => {
    const { goals } = parseGoalLines('team csat 95% week');
    const [csat] = planHistoryChecks(goals, { ...directory, groups: [directory.groups[0]!] }, context);
    // Good, bad per week: 40/4 = 90.9 %, 3/1 (4 ratings, under 5: left out), 45/5 = 90 %, 38/2 = 95 %,
    // 44/6 = 88 %, 47/3 = 94 %, an unreadable count (left out), 41/9 = 82 %.
    const counts = [40, 4, 3, 1, 45, 5, 38, 2, 44, 6, 47, 3, null, 7, 41, 9];
    const verdict = judgeHistory(csat!, counts);
    expect(verdict?.values.map((v) => Math.round(v * 10) / 10)).toEqual([90.9, 90, 95, 88, 94, 82]);
    // 95 % was reached once (exactly): in range. Sorted 82 88 90 90.9 94 95: median 90.45 → 90;
    // 75th percentile at rank 3.75: 90.9 + 0.75 × 3.1 = 93.2 → 93.
    expect(verdict).toMatchObject({ verdict: 'inRange', suggestions: { median: 90, upperQuartile: 93 } });
    expect(
      judgeHistory(
        csat!,
        counts.map(() => 0),
      ),
    ).toBeNull();
  });

  it('rounds suggestions to numbers people take in', () => {
    expect([3.4, 47.6, 52, 207.5, 512, 1234].map(roundTarget)).toEqual([3, 48, 50, 210, 510, 1230]);
  });

  it('inserts a suggestion into the draft at its line, keeping the rest of the text as written', () => {
    const draft = '# weekly\nteam   solved 250 week   # stretch\nme solved 25 day';
    expect(withTarget(draft, 2, 210)).toBe('# weekly\nteam   solved 210 week   # stretch\nme solved 25 day');
    // A percentage keeps its sign, and the floor after it is untouched.
    expect(withTarget('me csat 85% week floor 80%', 1, 92)).toBe('me csat 92% week floor 80%');
  });
});
