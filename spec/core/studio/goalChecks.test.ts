import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import { effectiveGoals } from '../../../src/core/studio/effectiveGoals';
import { checkGoals } from '../../../src/core/studio/goalChecks';
import { BILLING, EMEA, europeanAgents } from './studioDirectory';

const directory = europeanAgents;
const NOW = Date.parse('2026-12-02T10:00:00Z');
const checksOf = (text: string, goalsReviewedOn: string | null = '2026-11-20') =>
  checkGoals(parseGoalLines(text).goals, { directory, goalsReviewedOn, now: NOW });

describe('who gets which goals', () => {
  it('applies group and agent sections as the sidebar does, and names who gets none', () => {
    const { goals } = parseGoalLines(
      [
        '[group 360001234567]',
        'me solved 25 day',
        '[agent 3720453]',
        'me solved 18 day',
        'me csat 90% week',
      ].join('\n'),
    );
    const { byAgent, withoutGoals } = effectiveGoals(goals, {
      ...directory,
      agents: [...directory.agents, { id: 3720499, name: 'Zoë New', groupIds: [] }],
    });
    const summary = byAgent.map((entry) => [
      entry.agentId,
      entry.goals.map((g) => `${g.metric} ${g.target}`),
    ]);
    // By name: Aoife, Chiara, Jonas, Maya, Zoë.
    expect(summary).toEqual([
      [3720451, ['solved 25']],
      [3720453, ['csat 90', 'solved 18']],
      [3720452, ['solved 25']],
      [3720454, ['solved 25']],
      [3720499, []],
    ]);
    expect(withoutGoals).toEqual([3720499]);
  });
});

describe('the goal checks', () => {
  it('finds nothing to say about balanced, aligned, recently reviewed goals', () => {
    expect(
      checksOf(
        [
          'me csat 85% week floor 80%',
          'me solved 25 day',
          'team csat 85% week',
          '[group 360001234567]',
          'team solved 100 day',
          '[group 360001234569]',
          'team solved 25 day',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('names sections for a group or agent the account does not have, with their lines', () => {
    const checks = checksOf(
      'me csat 85% week\n[group 999]\nme solved 20 day\nme csat 90% week\n[agent 12]\nme solved 5 day',
    );
    expect(checks).toEqual([
      { kind: 'unknownAudience', audience: { kind: 'group', groupId: 999 }, lines: [3, 4] },
      { kind: 'unknownAudience', audience: { kind: 'agent', agentId: 12 }, lines: [6] },
    ]);
  });

  it('warns when agents would have only speed and volume goals, naming them and the lines', () => {
    const checks = checksOf('me solved 25 day\nme first_reply 2h week\n[agent 3720453]\nme csat 90% week');
    expect(checks).toEqual([{ kind: 'noQualityGoal', agentIds: [3720451, 3720452, 3720454], lines: [1, 2] }]);
  });

  it('flags a team target far from what its members’ personal targets add up to', () => {
    // EMEA has four members at 25 a day each: 100; Billing two: 50. A team target of 500 for everyone is far
    // from both; 120 is in line for EMEA but more than twice Billing's 50.
    const checks = checksOf('me csat 85% week\nme solved 25 day\nteam solved 500 day');
    expect(checks).toEqual([
      { kind: 'teamOutOfLine', lines: [3, 2], groupId: EMEA, teamTarget: 500, personalSum: 100, members: 4 },
      {
        kind: 'teamOutOfLine',
        lines: [3, 2],
        groupId: BILLING,
        teamTarget: 500,
        personalSum: 50,
        members: 2,
      },
    ]);
    expect(checksOf('me csat 85% week\nme solved 25 day\nteam solved 120 day')).toEqual([
      {
        kind: 'teamOutOfLine',
        lines: [3, 2],
        groupId: BILLING,
        teamTarget: 120,
        personalSum: 50,
        members: 2,
      },
    ]);
  });

  it('asks for a review when the goals were never reviewed or not for over 90 days', () => {
    const goals = 'me csat 85% week\nme solved 25 day';
    expect(checksOf(goals, null)).toEqual([{ kind: 'notReviewed', lines: [], reviewedOn: null, days: null }]);
    // 3 September to 2 December is 90 days: still within a quarter. A day earlier is not.
    expect(checksOf(goals, '2026-09-03')).toEqual([]);
    expect(checksOf(goals, '2026-09-02')).toEqual([
      { kind: 'notReviewed', lines: [], reviewedOn: '2026-09-02', days: 91 },
    ]);
  });
});
