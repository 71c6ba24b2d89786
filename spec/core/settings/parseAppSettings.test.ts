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
      disabledNudges: 'well-being, team-close',
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
      disabledNudgeRules: ['well-being', 'team-close'],
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
    expect(problems.map((p) => [p.setting, p.line, p.message.key])).toEqual([
      ['goals', 1, 'ui.settingsProblems.unknownMetricSuggestion'],
      ['goals', null, 'ui.settingsProblems.noValidGoals'],
    ]);
  });

  it('treats a goals setting of only comments and blank lines as empty, so the defaults apply', () => {
    const { settings, problems } = parseAppSettings({ goals: '# goals to come\n\n   \n' });
    expect(problems).toEqual([]);
    expect(settings.goals).toBe(DEFAULT_GOALS);
  });

  it('keeps only the valid lines, without the defaults, when some goal lines are wrong', () => {
    const { settings, problems } = parseAppSettings({ goals: 'me solved 20 day\nme csat 120% week' });
    expect(settings.goals.map((g) => g.metric)).toEqual(['solved']);
    expect(problems.map((p) => p.message.key)).toEqual(['ui.settingsProblems.badPercent']);
  });

  it.each([
    ['2', 2, false],
    ['60', 60, false],
    [' 15 ', 15, false],
    ['1', 5, true],
    ['61', 5, true],
    ['2.5', 5, true],
    ['often', 5, true],
  ])('reads refreshMinutes %j as %i (problem: %s)', (value, minutes, hasProblem) => {
    const { settings, problems } = parseAppSettings({ refreshMinutes: value });
    expect(settings.refreshMinutes).toBe(minutes);
    expect(problems.map((p) => p.setting)).toEqual(hasProblem ? ['refreshMinutes'] : []);
  });

  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['false', false],
    ['', true],
    [undefined, true],
  ])('reads nudgesEnabled %j as %s', (value, isEnabled) => {
    expect(parseAppSettings({ nudgesEnabled: value }).settings.nudgesEnabled).toBe(isEnabled);
  });

  it('ignores stray commas and spaces in the disabled nudge list', () => {
    const { settings, problems } = parseAppSettings({ disabledNudges: ' behind-pace,, SLA-soon , ' });
    expect(settings.disabledNudgeRules).toEqual(['behind-pace', 'sla-soon']);
    expect(problems).toEqual([]);
  });

  it('reports a misspelt nudge id with the nearest real one, and still switches off the rest', () => {
    const { settings, problems } = parseAppSettings({ disabledNudges: 'pace-behind, goal-reached' });
    expect(settings.disabledNudgeRules).toEqual(['goal-reached']);
    expect(problems).toEqual([
      expect.objectContaining({
        setting: 'disabledNudges',
        text: 'pace-behind',
        message: {
          key: 'ui.settingsProblems.unknownNudgeRule',
          params: expect.objectContaining({ rule: { type: 'text', value: 'pace-behind' } }),
        },
      }),
    ]);
    const typo = parseAppSettings({ disabledNudges: 'halfwya' });
    expect(typo.problems[0]?.message).toEqual({
      key: 'ui.settingsProblems.unknownNudgeRuleSuggestion',
      params: { rule: { type: 'text', value: 'halfwya' }, suggestion: { type: 'text', value: 'halfway' } },
    });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses the prototype word %s in every word-valued setting, naming the setting',
    (word) => {
      const { settings, problems } = parseAppSettings({
        weekStart: word,
        teamScope: word,
        timeBasis: word,
        disabledNudges: word,
      });
      expect(settings).toMatchObject({ weekStartsOn: 1, teamScope: 'defaultGroup', timeBasis: 'business' });
      expect(settings.disabledNudgeRules).toEqual([]);
      expect(problems.map((p) => p.setting).sort()).toEqual(
        ['disabledNudges', 'teamScope', 'timeBasis', 'weekStart'].sort(),
      );
    },
  );

  describe('goals last reviewed on', () => {
    // Sunday 22 November 2026, 13:00 UTC.
    const now = Date.UTC(2026, 10, 22, 13);

    it('accepts today and past dates', () => {
      for (const date of ['2026-11-22', '2026-08-01', '2025-12-31']) {
        const { settings, problems } = parseAppSettings({ goalsReviewedOn: date }, now);
        expect(problems).toEqual([]);
        expect(settings.goalsReviewedOn).toBe(date);
      }
    });

    it('accepts tomorrow, which is already today east of UTC', () => {
      expect(parseAppSettings({ goalsReviewedOn: '2026-11-23' }, now).settings.goalsReviewedOn).toBe(
        '2026-11-23',
      );
    });

    it('refuses a date further in the future, so the review reminder cannot be silenced by mistake', () => {
      const { settings, problems } = parseAppSettings({ goalsReviewedOn: '2027-01-15' }, now);
      expect(settings.goalsReviewedOn).toBeNull();
      expect(problems.map((p) => [p.setting, p.text, p.message.key])).toEqual([
        ['goalsReviewedOn', '2027-01-15', 'ui.settingsProblems.futureReviewDate'],
      ]);
    });

    it.each(['2026-13-01', '22/11/2026', '2026-2-1', 'last week'])('refuses %j as not a date', (value) => {
      const { problems } = parseAppSettings({ goalsReviewedOn: value }, now);
      expect(problems.map((p) => p.message.key)).toEqual(['ui.settingsProblems.badReviewDate']);
    });
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

  it('ignores sections for other groups and other agents', () => {
    expect(goalsForAgent(goals, 5, [40]).find((g) => g.metric === 'solved')?.target).toBe(25);
  });

  it('adds a goal only a group has and keeps CSAT first even when it comes from an override', () => {
    const { goals: layered } = parseGoalLines(
      [
        'me solved 25 day',
        '[group 12]',
        'me backlog 10',
        'me csat 90% week',
        '[agent 7]',
        'me csat 92% week',
      ].join('\n'),
    );
    expect(goalsForAgent(layered, 7, [12]).map((g) => [g.metric, g.target])).toEqual([
      ['csat', 92],
      ['solved', 25],
      ['backlog', 10],
    ]);
  });

  it('keeps personal and team goals on the same metric apart', () => {
    const { goals: both } = parseGoalLines(
      'me solved 25 week\nteam solved 120 week\n[group 3]\nteam solved 80 week',
    );
    expect(goalsForAgent(both, 1, [3]).map((g) => [g.scope, g.target])).toEqual([
      ['me', 25],
      ['team', 80],
    ]);
  });
});
