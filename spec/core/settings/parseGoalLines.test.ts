import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import en from '../../../translations/en.json';

const EXAMPLE = `# who   metric        target   per     options
me      solved        25       day
me      csat          85%      week    floor 80%
me      first_reply   2h       week
team    solved        120      week
[group 360001234567]
me      solved        15       day
[agent 3720451]
me      solved        30       day
`;

const problemsOf = (source: string) =>
  parseGoalLines(source).problems.map((p) => ({
    line: p.line,
    code: p.message.key.replace('ui.settingsProblems.', ''),
  }));

describe('parseGoalLines', () => {
  it('reads the documented example into exactly its goals', () => {
    const { goals, problems } = parseGoalLines(EXAMPLE);
    expect(problems).toEqual([]);
    expect(goals).toEqual([
      {
        scope: 'me',
        metric: 'solved',
        target: 25,
        period: 'day',
        floor: null,
        audience: { kind: 'everyone' },
        line: 2,
      },
      {
        scope: 'me',
        metric: 'csat',
        target: 85,
        period: 'week',
        floor: 80,
        audience: { kind: 'everyone' },
        line: 3,
      },
      {
        scope: 'me',
        metric: 'first_reply',
        target: 120,
        period: 'week',
        floor: null,
        audience: { kind: 'everyone' },
        line: 4,
      },
      {
        scope: 'team',
        metric: 'solved',
        target: 120,
        period: 'week',
        floor: null,
        audience: { kind: 'everyone' },
        line: 5,
      },
      {
        scope: 'me',
        metric: 'solved',
        target: 15,
        period: 'day',
        floor: null,
        audience: { kind: 'group', groupId: 360001234567 },
        line: 7,
      },
      {
        scope: 'me',
        metric: 'solved',
        target: 30,
        period: 'day',
        floor: null,
        audience: { kind: 'agent', agentId: 3720451 },
        line: 9,
      },
    ]);
  });

  it('keeps valid lines when others are wrong, and names each bad line and its reason', () => {
    const source = [
      'me solved 25 day',
      'me sovled 10 day',
      '',
      '# a comment',
      'me csat 85% week floor 90%',
      'me csat 80% week',
    ].join('\n');
    const { goals } = parseGoalLines(source);
    expect(goals.map((g) => `${g.metric}@${g.line}`)).toEqual(['solved@1', 'csat@6']);
    expect(problemsOf(source)).toEqual([
      { line: 2, code: 'unknownMetricSuggestion' },
      { line: 5, code: 'floorAboveTarget' },
    ]);
  });

  it('suggests the nearest metric for a typo', () => {
    const [problem] = parseGoalLines('me sovled 10 day').problems;
    expect(problem?.message.params.suggestion).toEqual({ type: 'text', value: 'solved' });
    expect(problem?.text).toBe('me sovled 10 day');
  });

  it.each([
    ['boss solved 10 day', 'unknownScope'],
    ['me', 'missingMetric'],
    ['me solved', 'missingTarget'],
    ['me solved ten day', 'badCount'],
    ['me solved 10', 'missingPeriod'],
    ['me solved 10 fortnight', 'unknownPeriod'],
    ['me backlog 10 day', 'periodNotAllowed'],
    ['team first_reply 2h week', 'scopeNotAllowed'],
    ['me csat 101% week', 'badPercent'],
    ['me csat -1 week', 'badPercent'],
    ['me first_reply 45 week', 'durationNeedsUnit'],
    ['me first_reply soon week', 'badDuration'],
    ['me solved 10 day floor 5', 'floorNotAllowed'],
    ['me csat 85% week floor high', 'badFloor'],
    ['me csat 85% week stretch 90%', 'unknownOption'],
    ['me reopen_rate 5% week floor 3%', 'ceilingBelowTarget'],
    ['[team 12]', 'badSection'],
    ['[group abc]', 'badSection'],
  ])('%s → %s', (line, code) => {
    expect(problemsOf(`# header\n${line}`)).toEqual([{ line: 2, code }]);
    expect((en.ui.settingsProblems as Record<string, string>)[code]).toEqual(expect.any(String));
  });

  it.each([
    ['2h', 120],
    ['90m', 90],
    ['1h30m', 90],
    ['1.5h', 90],
    ['2d', 2880],
  ])('reads the duration %s as %i minutes', (duration, minutes) => {
    expect(parseGoalLines(`me first_reply ${duration} week`).goals[0]?.target).toBe(minutes);
  });

  it('accepts percentages with or without the sign, including edges and decimals', () => {
    const { goals } = parseGoalLines('me csat 0 day\nme csat 100% week\nme csat 85.5% month');
    expect(goals.map((g) => g.target)).toEqual([0, 100, 85.5]);
  });

  it('tolerates case, tabs, aliases, CRLF line endings and trailing comments', () => {
    const { goals, problems } = parseGoalLines(
      'ME\tSatisfaction  90%\tWeekly # headline\r\nme first-reply 4h week\r\nme backlog 12',
    );
    expect(problems).toEqual([]);
    expect(goals.map((g) => [g.metric, g.target, g.period, g.line])).toEqual([
      ['csat', 90, 'week', 1],
      ['first_reply', 240, 'week', 2],
      ['backlog', 12, 'now', 3],
    ]);
  });

  it('lets a repeated goal’s later line win, as overrides do, and reports the line it replaces', () => {
    const { goals, problems } = parseGoalLines(
      'me solved 500 day\nme csat 85% week\n# corrected after review:\nme solved 25 day\nme solved 30 day',
    );
    expect(goals.map((g) => [g.metric, g.target, g.line])).toEqual([
      ['solved', 30, 5],
      ['csat', 85, 2],
    ]);
    expect(problems.map((p) => [p.line, p.text, p.message.params])).toEqual([
      [1, 'me solved 500 day', { laterLine: { type: 'count', value: 4 } }],
      [4, 'me solved 25 day', { laterLine: { type: 'count', value: 5 } }],
    ]);
  });

  it.each([
    ['satisfaction', 'csat'],
    ['CSAT', 'csat'],
    ['first-reply', 'first_reply'],
    ['first_reply_time', 'first_reply'],
    ['resolution', 'full_resolution'],
    ['full-resolution', 'full_resolution'],
    ['one-touch', 'one_touch'],
    ['reopens', 'reopen_rate'],
    ['reopen', 'reopen_rate'],
    ['sla', 'sla_breaches'],
    ['solves', 'solved'],
  ])('reads the alias %s as %s', (alias, metric) => {
    const unit = { csat: '90%', first_reply: '2h', full_resolution: '1d', one_touch: '40%' } as Record<
      string,
      string
    >;
    const period = metric === 'sla_breaches' ? 'now' : 'week';
    const { goals, problems } = parseGoalLines(`me ${alias} ${unit[metric] ?? '3'} ${period}`);
    expect(problems).toEqual([]);
    expect(goals[0]?.metric).toBe(metric);
  });

  it.each([
    ['frist_reply', 'first_reply'],
    ['satisfction', 'csat'],
    ['backlgo', 'backlog'],
  ])('suggests %s → %s', (typo, suggestion) => {
    const [problem] = parseGoalLines(`me ${typo} 5 week`).problems;
    expect(problem?.message.params.suggestion).toEqual({ type: 'text', value: suggestion });
  });

  it('lists the metrics instead of guessing when nothing is close', () => {
    const [problem] = parseGoalLines('me happiness 5 week').problems;
    expect(problem?.message.key).toBe('ui.settingsProblems.unknownMetric');
    expect(problem?.message.params.metrics).toEqual({
      type: 'text',
      value: 'solved, csat, first_reply, full_resolution, one_touch, reopen_rate, backlog, sla_breaches',
    });
  });

  it.each([
    ['me solved -1 day', 'badCount'],
    ['me solved 2.5 day', 'badCount'],
    ['me csat 85.5 week floor 101%', 'badFloor'],
    ['me one_touch 40% week floor 30%', 'floorNotAllowed'],
    ['me sla_breaches 0 week', 'periodNotAllowed'],
    ['team reopen_rate 5% week', 'scopeNotAllowed'],
    ['me first_reply 2 hours week', 'durationNeedsUnit'],
    ['me full_resolution 1h30 week', 'badDuration'],
  ])('%s → %s', (line, code) => {
    expect(problemsOf(line)).toEqual([{ line: 1, code }]);
  });

  it('reads counts of zero and state metrics without a period as "now"', () => {
    const { goals, problems } = parseGoalLines('me sla_breaches 0\nteam backlog 40 now\nme backlog 15');
    expect(problems).toEqual([]);
    expect(goals.map((g) => [g.scope, g.metric, g.target, g.period])).toEqual([
      ['me', 'sla_breaches', 0, 'now'],
      ['team', 'backlog', 40, 'now'],
      ['me', 'backlog', 15, 'now'],
    ]);
  });

  it('accepts a reopen-rate ceiling at or above its target', () => {
    const { goals } = parseGoalLines('me reopen_rate 5% month floor 8%\nme reopen_rate 5% week floor 5%');
    expect(goals.map((g) => [g.target, g.floor])).toEqual([
      [5, 8],
      [5, 5],
    ]);
  });

  it('counts every line, blank or comment, so numbers match the settings box', () => {
    const source =
      '\n# solved\n\n   # indented comment\nme solved 10 day\n\nme solved x day\r\n\r\nme csat 1000 week';
    expect(parseGoalLines(source).goals[0]?.line).toBe(5);
    expect(problemsOf(source)).toEqual([
      { line: 7, code: 'badCount' },
      { line: 9, code: 'badPercent' },
    ]);
  });

  it('keeps the raw line as typed in the problem, comment included', () => {
    const [problem] = parseGoalLines('  me csat 85 wek   # weekly CSAT').problems;
    expect(problem?.text).toBe('me csat 85 wek   # weekly CSAT');
    expect(problem?.message.params.period).toEqual({ type: 'text', value: 'wek' });
  });

  it('applies a section until the next one, and [everyone] returns to the shared goals', () => {
    const { goals } = parseGoalLines(
      [
        '[Group 12]',
        'me solved 15 day',
        'me csat 90% week',
        '[ everyone ]',
        'me solved 25 day',
        '[AGENT 7]',
        'me backlog 5',
      ].join('\n'),
    );
    expect(goals.map((g) => [g.metric, g.audience])).toEqual([
      ['solved', { kind: 'group', groupId: 12 }],
      ['csat', { kind: 'group', groupId: 12 }],
      ['solved', { kind: 'everyone' }],
      ['backlog', { kind: 'agent', agentId: 7 }],
    ]);
  });

  it('skips the lines under an unreadable section header, so no one gets goals meant for someone else', () => {
    const { goals, problems } = parseGoalLines(
      '[agent 7]\nme solved 30 day\n[agent seven]\nme solved 40 day\n[group 3]\nme solved 20 day',
    );
    expect(problems.map((p) => [p.line, p.message.key])).toEqual([[3, 'ui.settingsProblems.badSection']]);
    expect(goals.map((g) => [g.target, g.audience])).toEqual([
      [30, { kind: 'agent', agentId: 7 }],
      [20, { kind: 'group', groupId: 3 }],
    ]);
  });

  it.each(['[agent]', '[group 0]', '[everyone 5]', '[agent 7', '[group 1.5]'])(
    'refuses the section %s',
    (header) => {
      expect(problemsOf(header)).toEqual([{ line: 1, code: 'badSection' }]);
    },
  );

  it('allows the same goal again in another section', () => {
    const { problems } = parseGoalLines(
      'me solved 25 day\n[group 7]\nme solved 15 day\n[everyone]\nme csat 85% week',
    );
    expect(problems).toEqual([]);
  });

  it('refuses targets too large to mean anything, instead of showing "Infinity tickets behind"', () => {
    expect(
      problemsOf(`me solved ${'9'.repeat(400)} day\nme solved 100001 week\nme first_reply 400d week`),
    ).toEqual([
      { line: 1, code: 'targetTooLarge' },
      { line: 2, code: 'targetTooLarge' },
      { line: 3, code: 'durationTooLong' },
    ]);
    expect(parseGoalLines('me solved 100000 quarter').goals[0]?.target).toBe(100_000);
  });
});
