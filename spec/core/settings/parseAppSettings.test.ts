import { DEFAULT_GOALS } from '../../../src/core/settings/defaultGoals';
import { goalsForAgent } from '../../../src/core/settings/goalsForAgent';
import { parseAppSettings } from '../../../src/core/settings/parseAppSettings';
import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';

describe('parseAppSettings', () => {
  it('gives working defaults with nothing configured, using the published targets', () => {
    const { settings, problems } = parseAppSettings({});
    expect(problems).toEqual([]);
    expect(settings.goals).toBe(DEFAULT_GOALS);
    expect(settings.goals.map((g) => [g.metric, g.target, g.floor])).toEqual([
      ['csat', 85, 80],
      ['first_reply', 240, null],
    ]);
    expect(settings).toMatchObject({
      workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
      weekStartsOn: 1,
      teamScope: 'defaultGroup',
      timeBasis: 'business',
      refreshMinutes: 5,
      nudgesEnabled: true,
      csatMinimumRatings: 10,
      goalsReviewedOn: null,
      nudgeRepeatMinutes: 30,
    });
  });

  it('reads values the way Zendesk sends them (strings for numbers and booleans)', () => {
    const { settings, problems } = parseAppSettings({
      goals: 'me solved 20 day',
      workingHours: 'Sun-Thu 08:30-16:30',
      weekStart: 'Sunday',
      teamScope: 'all_groups',
      timeBasis: 'calendar',
      refreshMinutes: '10',
      nudgesEnabled: 'false',
      disabledNudges: 'well-being, team',
      csatMinimumRatings: 5,
      goalsReviewedOn: '2026-09-01',
      nudgeRepeatMinutes: '60',
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      workingHours: { days: [0, 1, 2, 3, 4], startMinute: 510, endMinute: 990 },
      weekStartsOn: 0,
      teamScope: 'allGroups',
      timeBasis: 'calendar',
      refreshMinutes: 10,
      nudgesEnabled: false,
      disabledNudgeRules: ['well-being', 'team'],
      csatMinimumRatings: 5,
      goalsReviewedOn: '2026-09-01',
      nudgeRepeatMinutes: 60,
    });
  });

  it('falls back to the default for an unusable value and says which setting and why', () => {
    const { settings, problems } = parseAppSettings({
      workingHours: 'Mon-Fri 22:00-06:00',
      weekStart: 'wednesday',
      refreshMinutes: '0',
      goalsReviewedOn: '2026-02-30',
    });
    expect(settings.workingHours.startMinute).toBe(540);
    expect(settings.weekStartsOn).toBe(1);
    expect(settings.refreshMinutes).toBe(5);
    expect(settings.goalsReviewedOn).toBeNull();
    expect(problems.map((p) => [p.setting, p.message.key])).toEqual([
      ['workingHours', 'ui.settingsProblems.workingHours_overnight'],
      ['weekStart', 'ui.settingsProblems.badWeekStart'],
      ['goalsReviewedOn', 'ui.settingsProblems.badReviewDate'],
      ['refreshMinutes', 'ui.settingsProblems.numberOutOfRange'],
    ]);
  });

  it('does not substitute defaults when every goal line is invalid: the admin sees the errors instead', () => {
    const { settings, problems } = parseAppSettings({ goals: 'me solvd 20 day' });
    expect(settings.goals).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});

describe('goalsForAgent', () => {
  const { goals } = parseGoalLines(
    [
      'me solved 25 day',
      'me first_reply 2h week',
      'me csat 85% week',
      '[group 12]',
      'me solved 15 day',
      '[group 13]',
      'me solved 18 day',
      '[agent 99]',
      'me solved 30 day',
    ].join('\n'),
  );

  it('gives everyone the shared goals, CSAT first', () => {
    expect(goalsForAgent(goals, 1, []).map((g) => [g.metric, g.target])).toEqual([
      ['csat', 85],
      ['solved', 25],
      ['first_reply', 120],
    ]);
  });

  it('lets a group override a shared goal, the first matching group section winning', () => {
    const solved = goalsForAgent(goals, 1, [13, 12]).find((g) => g.metric === 'solved');
    expect(solved?.target).toBe(15);
  });

  it('lets an agent line override the group and shared lines', () => {
    const solved = goalsForAgent(goals, 99, [12]).find((g) => g.metric === 'solved');
    expect(solved?.target).toBe(30);
  });
});
