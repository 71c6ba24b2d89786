import fc from 'fast-check';
import type { Goal } from '../../../src/core/goals/goal';
import type { GoalProgress, GoalStatus } from '../../../src/core/metrics/goalProgress';
import { GOAL_STATUSES, QUALITY_ALARMS } from '../../../src/core/metrics/goalProgress';
import { HALFWAY_BAND } from '../../../src/core/nudges/nudgeRules';
import {
  dismissNudge,
  EMPTY_NUDGE_HISTORY,
  mergeHistories,
  pruneHistory,
  recordShown,
} from '../../../src/core/nudges/nudgeHistory';
import type { NudgeSelection } from '../../../src/core/nudges/selectNudges';
import { NUDGE_CAP, selectNudges } from '../../../src/core/nudges/selectNudges';
import en from '../../../translations/en.json';
import { goalOf, nudgeSelectionOf, ticketFact } from '../ticketFactBuilder';

const at = Date.parse;
const now = at('2026-11-18T14:00:00Z');
const dayEnd = at('2026-11-19T00:00:00Z');
const weekEnd = at('2026-11-23T00:00:00Z');

function progress(goal: Partial<Goal>, rest: Partial<GoalProgress> = {}): GoalProgress {
  return {
    goal: goalOf(goal),
    bounds: { start: at('2026-11-18T00:00:00Z'), end: goal.period === 'week' ? weekEnd : dayEnd },
    value: 10,
    sampleSize: 10,
    status: 'onTrack',
    fraction: 0.4,
    pace: null,
    share: null,
    stretch: null,
    oldestWaiting: null,
    ...rest,
  };
}

const behindSolved = progress(
  {},
  {
    value: 11,
    status: 'behind',
    pace: {
      milestone: 15.6,
      elapsedWorkFraction: 0.62,
      projection: 17.7,
      aheadBy: -4.6,
      catchUp: { count: 6, by: at('2026-11-18T15:00:00Z') },
      isReachable: true,
    },
  },
);
const csatBelowFloor = progress(
  { metric: 'csat', target: 85, period: 'week', floor: 80 },
  { value: 76.2, sampleSize: 21, status: 'belowFloor', fraction: 0.9 },
);

const selection = (overrides: Partial<NudgeSelection>) => nudgeSelectionOf({ now, ...overrides });

describe('selectNudges', () => {
  it('gives an agent behind pace a concrete next step: how many more by when', () => {
    const [nudge] = selectNudges(selection({ progress: [behindSolved] }));
    expect(nudge).toMatchObject({
      rule: 'behind-pace',
      kind: 'pace',
      message: {
        key: 'ui.nudges.behindPace',
        params: {
          count: { type: 'count', value: 6 },
          time: { type: 'time', at: at('2026-11-18T15:00:00Z'), timeZone: 'Europe/Dublin' },
        },
      },
    });
  });

  it('says an unreachable target is out of reach, neutrally, instead of pushing', () => {
    const impossible = progress(
      { target: 500 },
      {
        value: 11,
        status: 'behind',
        pace: { ...behindSolved.pace!, milestone: 310, projection: 17.7, isReachable: false },
      },
    );
    const nudges = selectNudges(selection({ progress: [impossible] }));
    expect(nudges).toEqual([
      expect.objectContaining({
        rule: 'behind-pace',
        kind: 'info',
        message: {
          key: 'ui.nudges.outOfReach',
          params: expect.objectContaining({
            value: { type: 'count', value: 11 },
            target: { type: 'count', value: 500 },
          }),
        },
      }),
    ]);
  });

  it('puts no pace pressure on a stretch goal', () => {
    const stretch = { ...behindSolved, status: 'stretch' as const, stretch: { best: 18, periods: 8 } };
    expect(selectNudges(selection({ progress: [stretch] })).filter((n) => n.rule === 'behind-pace')).toEqual(
      [],
    );
  });

  it('words an at-most rate over its limit as over the limit, counted in solved tickets', () => {
    const reopens = progress(
      { metric: 'reopen_rate', target: 5, period: 'month', floor: 8 },
      { value: 10, sampleSize: 156, status: 'overLimit', fraction: 0.5 },
    );
    const [nudge] = selectNudges(selection({ progress: [reopens, behindSolved] }));
    expect(nudge?.message).toEqual({
      key: 'ui.nudges.qualityOverLimit',
      params: {
        goal: { type: 'goal', scope: 'me', metric: 'reopen_rate', period: 'month' },
        value: { type: 'percent', value: 10 },
        limit: { type: 'percent', value: 8 },
        count: { type: 'count', value: 156 },
      },
    });
    // The guard holds for an at-most quality goal too.
    expect(selectNudges(selection({ progress: [reopens, behindSolved] })).map((n) => n.rule)).toEqual([
      'quality-first',
    ]);
  });

  it('says one thing per ticket: an SLA about to breach is not also nagged about as waiting for a reply', () => {
    const ticket = ticketFact({
      status: 'new',
      solvedAt: null,
      createdAt: now - 200 * 60_000,
      firstReplyMinutes: { calendar: null, business: null },
      activeSlaBreachAt: now + 10 * 60_000,
    });
    const nudges = selectNudges(
      selection({
        progress: [progress({ metric: 'first_reply', target: 120, period: 'week' }), behindSolved],
        openTickets: [ticket],
      }),
    );
    expect(nudges.map((n) => n.rule)).toEqual(['sla-soon', 'behind-pace']);
  });

  it('still warns of an SLA about to breach in a slot the agent just emptied', () => {
    const refreshedAt = now - 60_000;
    let history = dismissNudge(EMPTY_NUDGE_HISTORY, 'behind-pace:solved:day', dayEnd, now - 30_000);
    history = dismissNudge(history, 'halfway:solved:week', weekEnd, now - 20_000);
    const due = ticketFact({ status: 'open', solvedAt: null, activeSlaBreachAt: now + 20 * 60_000 });
    const team = progress(
      { scope: 'team', target: 120, period: 'week' },
      { value: 100, fraction: 100 / 120, share: { mine: 14, team: 100, percent: 14 } },
    );
    const nudges = selectNudges(
      selection({
        progress: [behindSolved, team],
        openTickets: [due],
        history,
        figuresRefreshedAt: refreshedAt,
      }),
    );
    expect(nudges.map((n) => n.rule)).toEqual(['sla-soon']);
  });

  it('leaves a dismissed nudge’s slot empty until newer figures arrive', () => {
    const due = ticketFact({ status: 'open', solvedAt: null, activeSlaBreachAt: now + 12 * 60_000 });
    const input = { progress: [behindSolved, csatBelowFloor], openTickets: [due] };
    const refreshedAt = now - 60_000;
    const before = selectNudges(selection({ ...input, figuresRefreshedAt: refreshedAt }));
    expect(before.map((n) => n.rule)).toEqual(['quality-first', 'sla-soon']);
    const history = dismissNudge(EMPTY_NUDGE_HISTORY, 'quality-first:csat', weekEnd, now);
    const after = selectNudges(
      selection({ ...input, history, now: now + 1_000, figuresRefreshedAt: refreshedAt }),
    );
    expect(after.map((n) => n.rule)).toEqual(['sla-soon']);
    const refreshed = selectNudges(
      selection({ ...input, history, now: now + 120_000, figuresRefreshedAt: now + 60_000 }),
    );
    expect(refreshed).toHaveLength(1);
  });

  it('lets a quality goal below its floor lead and silences pace nudges', () => {
    const bad = ticketFact({ satisfaction: 'bad', solvedAt: at('2026-11-18T10:00:00Z') });
    const nudges = selectNudges(
      selection({ progress: [behindSolved, csatBelowFloor], solvedTickets: [bad] }),
    );
    expect(nudges.map((n) => n.rule)).toEqual(['quality-first']);
    expect(nudges[0]).toMatchObject({
      ticketId: bad.id,
      message: { key: 'ui.nudges.qualityBelowFloorWithTicket' },
    });
  });

  it('keeps pace nudges silenced even after the quality nudge is dismissed', () => {
    const history = dismissNudge(EMPTY_NUDGE_HISTORY, 'quality-first:csat', weekEnd, now - 3_600_000);
    expect(selectNudges(selection({ progress: [behindSolved, csatBelowFloor], history }))).toEqual([]);
  });

  it('names the oldest unreplied ticket once it has waited three quarters of the first-reply target', () => {
    const waiting = ticketFact({
      status: 'open',
      solvedAt: null,
      createdAt: now - 190 * 60_000,
      firstReplyMinutes: { calendar: null, business: null },
    });
    const fresh = ticketFact({
      status: 'new',
      solvedAt: null,
      createdAt: now - 10 * 60_000,
      firstReplyMinutes: { calendar: null, business: null },
    });
    const [nudge] = selectNudges(
      selection({
        progress: [progress({ metric: 'first_reply', target: 120, period: 'week' })],
        openTickets: [fresh, waiting],
      }),
    );
    expect(nudge).toMatchObject({
      rule: 'first-reply-at-risk',
      ticketId: waiting.id,
      message: {
        params: { waited: { type: 'duration', minutes: 190 }, target: { type: 'duration', minutes: 120 } },
      },
    });
  });

  it('warns about an SLA target due within 30 minutes and ranks it above pace', () => {
    const due = ticketFact({ status: 'open', solvedAt: null, activeSlaBreachAt: now + 12 * 60_000 });
    const nudges = selectNudges(selection({ progress: [behindSolved], openTickets: [due] }));
    expect(nudges.map((n) => n.rule)).toEqual(['sla-soon', 'behind-pace']);
    expect(nudges[0]?.message.params.remaining).toEqual({ type: 'duration', minutes: 12 });
  });

  it('shows at most two nudges, highest priority first', () => {
    const due = ticketFact({ status: 'open', solvedAt: null, activeSlaBreachAt: now + 5 * 60_000 });
    const nudges = selectNudges(
      selection({
        progress: [
          csatBelowFloor,
          progress({ metric: 'csat', period: 'day', target: 85 }, { status: 'notEnoughData', sampleSize: 2 }),
        ],
        openTickets: [due],
      }),
    );
    expect(nudges.map((n) => n.rule)).toEqual(['quality-first', 'sla-soon']);
  });

  it('hides a dismissed nudge for the rest of its period and shows it again in the next', () => {
    const history = dismissNudge(EMPTY_NUDGE_HISTORY, 'behind-pace:solved:day', dayEnd, now - 3_600_000);
    expect(selectNudges(selection({ progress: [behindSolved], history }))).toEqual([]);
    const tomorrow = { ...behindSolved, bounds: { start: dayEnd, end: dayEnd + 86_400_000 } };
    expect(selectNudges(selection({ now: dayEnd + 3_600_000, progress: [tomorrow], history }))).toHaveLength(
      1,
    );
  });

  it('stays quiet outside working hours, when switched off, or for a disabled rule', () => {
    expect(selectNudges(selection({ progress: [behindSolved], isWorkingTime: false }))).toEqual([]);
    expect(selectNudges(selection({ progress: [behindSolved], nudgesEnabled: false }))).toEqual([]);
    expect(selectNudges(selection({ progress: [behindSolved], disabledRules: ['behind-pace'] }))).toEqual([]);
  });

  it('celebrates a reached goal and says when CSAT has too few ratings to judge', () => {
    const reached = progress({}, { value: 25, status: 'achieved', fraction: 1 });
    const early = progress(
      { metric: 'csat', target: 85, period: 'week' },
      { value: 66.7, sampleSize: 3, status: 'notEnoughData' },
    );
    expect(selectNudges(selection({ progress: [reached, early] })).map((n) => n.message.key)).toEqual([
      'ui.nudges.goalReached',
      'ui.nudges.notEnoughRatings',
    ]);
  });

  it('points the agent at the team goal when the team is close, with their own part only', () => {
    const team = progress(
      { scope: 'team', target: 120, period: 'week' },
      { value: 100, fraction: 100 / 120, share: { mine: 14, team: 100, percent: 14 } },
    );
    const [nudge] = selectNudges(selection({ progress: [team] }));
    expect(nudge?.message.params).toMatchObject({
      remaining: { type: 'count', value: 20 },
      mine: { type: 'count', value: 14 },
    });
  });

  it('marks half-way only near half-way: not at 9 of 12', () => {
    const late = progress({ target: 12 }, { value: 9, fraction: 9 / 12, status: 'onTrack' });
    expect(selectNudges(selection({ progress: [late] })).map((n) => n.rule)).not.toContain('halfway');
  });

  it('marks half-way once, and says so only for a while', () => {
    const half = progress({}, { value: 13, fraction: 13 / 25, status: 'onTrack' });
    const [nudge] = selectNudges(selection({ progress: [half] }));
    expect(nudge).toMatchObject({
      rule: 'halfway',
      message: { params: { value: { type: 'count', value: 13 }, target: { type: 'count', value: 25 } } },
    });
    // On screen from now on, re-recorded as the board re-evaluates.
    let history = recordShown(EMPTY_NUDGE_HISTORY, [nudge!], now);
    for (let minute = 1; minute <= 20; minute += 1)
      history = recordShown(history, [nudge!], now + minute * 60_000);
    expect(selectNudges(selection({ progress: [half], history, now: now + 20.5 * 60_000 }))).toHaveLength(1);
    // Half an hour after it was first said, it is not said again this period.
    expect(selectNudges(selection({ progress: [half], history, now: now + 45 * 60_000 }))).toEqual([]);
  });

  it('suggests a break when far ahead late in the working day', () => {
    const ahead = progress(
      {},
      {
        value: 33,
        fraction: 1,
        status: 'achieved',
        pace: {
          milestone: 20,
          elapsedWorkFraction: 0.8,
          projection: 41,
          aheadBy: 13,
          catchUp: null,
          isReachable: true,
        },
      },
    );
    expect(selectNudges(selection({ progress: [ahead] })).map((n) => n.rule)).toContain('well-being');
    const early = { ...ahead, pace: { ...ahead.pace!, elapsedWorkFraction: 0.4 } };
    expect(selectNudges(selection({ progress: [early] })).map((n) => n.rule)).not.toContain('well-being');
  });

  it('does not bring back a nudge that went away sooner than the minimum interval', () => {
    const history = recordShown(
      EMPTY_NUDGE_HISTORY,
      [{ id: 'behind-pace:solved:day', periodEnd: dayEnd }],
      now,
    );
    expect(selectNudges(selection({ progress: [behindSolved], history, now: now + 10 * 60_000 }))).toEqual(
      [],
    );
    expect(
      selectNudges(selection({ progress: [behindSolved], history, now: now + 31 * 60_000 })),
    ).toHaveLength(1);
    // Still on screen (seen a moment ago): it stays.
    expect(selectNudges(selection({ progress: [behindSolved], history, now: now + 30_000 }))).toHaveLength(1);
  });

  it('reminds admins, and only admins, to review old goals and to balance speed with quality', () => {
    const onlySpeed = [progress({ metric: 'first_reply', target: 120, period: 'week' })];
    const forAdmin = selectNudges(
      selection({ progress: onlySpeed, isAdmin: true, goalsReviewedOn: '2026-06-01' }),
    );
    expect(forAdmin.map((n) => n.message.key).sort()).toEqual([
      'ui.nudges.onlySpeedGoals',
      'ui.nudges.reviewGoals',
    ]);
    expect(forAdmin.find((n) => n.rule === 'review-goals')?.message.params.days).toEqual({
      type: 'count',
      value: 170,
    });
    expect(
      selectNudges(selection({ progress: onlySpeed, isAdmin: false, goalsReviewedOn: '2026-06-01' })),
    ).toEqual([]);
    expect(
      selectNudges(
        selection({ progress: [...onlySpeed, csatBelowFloor], isAdmin: true, goalsReviewedOn: '2026-10-01' }),
      ).map((n) => n.rule),
    ).toEqual(['quality-first']);
  });

  describe('properties', () => {
    const statuses: GoalStatus[] = [...GOAL_STATUSES];
    const arbitraryProgress = fc
      .record({
        metric: fc.constantFrom('solved', 'csat', 'first_reply', 'reopen_rate', 'backlog'),
        scope: fc.constantFrom('me', 'team'),
        status: fc.constantFrom(...statuses),
        value: fc.integer({ min: 0, max: 120 }),
        gap: fc.integer({ min: -5, max: 10 }),
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
        isReachable: fc.boolean(),
        elapsed: fc.double({ min: 0.1, max: 1, noNaN: true }),
      })
      .map((r) =>
        progress(
          {
            metric: r.metric as Goal['metric'],
            scope: r.scope as Goal['scope'],
            floor: r.metric === 'csat' ? 80 : null,
            target: 100,
            period: r.metric === 'backlog' ? 'now' : 'day',
          },
          {
            status: r.status,
            value: r.value,
            fraction: r.fraction,
            // A pace as paceFor computes it: projection and catch-up follow from value, milestone and time.
            pace: {
              milestone: 100 * r.elapsed,
              elapsedWorkFraction: r.elapsed,
              projection: r.value / r.elapsed,
              aheadBy: r.value - 100 * r.elapsed,
              catchUp:
                r.value < Math.floor(100 * r.elapsed)
                  ? { count: Math.floor(100 * r.elapsed) - r.value + 1, by: now + 3_600_000 }
                  : null,
              isReachable: r.isReachable,
            },
          },
        ),
      );
    const arbitraryOpen = fc
      .record({ age: fc.integer({ min: 0, max: 2000 }), sla: fc.option(fc.integer({ min: -120, max: 120 })) })
      .map((r) =>
        ticketFact({
          status: 'open',
          solvedAt: null,
          createdAt: now - r.age * 60_000,
          firstReplyMinutes: { calendar: null, business: null },
          activeSlaBreachAt: r.sla === null ? null : now + r.sla * 60_000,
        }),
      );

    // A board has each goal once (the parser and goalsForAgent guarantee it).
    const goalsOnce = fc.uniqueArray(arbitraryProgress, {
      maxLength: 8,
      selector: (p) => `${p.goal.scope}:${p.goal.metric}:${p.goal.period}`,
    });

    it('exercises the pace rule (guards the generator)', () => {
      const sample = fc.sample(goalsOnce, { numRuns: 1000, seed: 7 });
      expect(
        sample.some((all) => selectNudges(selection({ progress: all })).some((n) => n.kind === 'pace')),
      ).toBe(true);
    });

    it('never shows more than the cap, never a pace nudge under the quality guard, every key translated', () => {
      fc.assert(
        fc.property(goalsOnce, fc.array(arbitraryOpen, { maxLength: 5 }), (all, open) => {
          const nudges = selectNudges(selection({ progress: all, openTickets: open }));
          expect(nudges.length).toBeLessThanOrEqual(NUDGE_CAP);
          if (all.some((p) => QUALITY_ALARMS.includes(p.status)))
            expect(nudges.some((n) => n.kind === 'pace')).toBe(false);
          // Never two nudges about one ticket.
          const tickets = nudges.flatMap((n) => (n.ticketId === null ? [] : [n.ticketId]));
          expect(new Set(tickets).size).toBe(tickets.length);
          for (const nudge of nudges) {
            const subject = all.find(
              (p) => p.goal.scope === 'me' && nudge.id.endsWith(`${p.goal.metric}:${p.goal.period}`),
            );
            // A pace nudge never contradicts the projection: it comes only when the projection falls short.
            if (nudge.kind === 'pace' && subject?.pace?.projection != null)
              expect(subject.pace.projection).toBeLessThan(subject.goal.target);
            // Milestone nudges only inside their band.
            if (nudge.rule === 'halfway' && subject) {
              expect(subject.fraction).toBeGreaterThanOrEqual(HALFWAY_BAND.from);
              expect(subject.fraction).toBeLessThan(HALFWAY_BAND.to);
            }
          }
          for (const nudge of nudges) {
            const key = nudge.message.key.replace('ui.nudges.', '');
            const texts = en.ui.nudges as Record<string, unknown>;
            expect(texts[key] ?? texts[`${key}_other`]).toEqual(expect.any(String));
            // Only the agent's own figures: no free text that could carry a name.
            expect(Object.values(nudge.message.params).filter((param) => param.type === 'text')).toEqual([]);
          }
        }),
      );
    });
  });
});

describe('nudge history', () => {
  it('merges two tabs’ dismissals and forgets those whose period ended', () => {
    const a = dismissNudge(EMPTY_NUDGE_HISTORY, 'behind-pace:solved:day', dayEnd, now);
    const b = dismissNudge(EMPTY_NUDGE_HISTORY, 'goal-reached:solved:week', weekEnd, now);
    const merged = mergeHistories(a, b);
    expect(Object.keys(merged.dismissedUntil).sort()).toEqual([
      'behind-pace:solved:day',
      'goal-reached:solved:week',
    ]);
    expect(Object.keys(pruneHistory(merged, dayEnd + 1).dismissedUntil)).toEqual([
      'goal-reached:solved:week',
    ]);
  });

  it('keeps what was shown through pruning, so a celebration is not said again after a reload', () => {
    const shownAt = dayEnd - 3 * 3_600_000;
    const shown = recordShown(
      EMPTY_NUDGE_HISTORY,
      [{ id: 'goal-reached:me:solved:week', periodEnd: weekEnd }],
      shownAt,
    );
    const reloaded = pruneHistory(shown, shownAt + 60 * 60_000);
    expect(reloaded.firstShownAt?.['goal-reached:me:solved:week']).toEqual({ at: shownAt, until: weekEnd });
    expect(reloaded.lastShownAt?.['goal-reached:me:solved:week']).toBe(shownAt);
    // Once its period is over, the bookkeeping goes, so the history stays small.
    expect(pruneHistory(shown, weekEnd + 1)).toEqual({
      dismissedUntil: {},
      lastShownAt: {},
      firstShownAt: {},
      dismissedAt: {},
    });
  });
});

describe('dismissals never refill a slot before the next refresh', () => {
  it('holds for any set of candidates and any dismissal', () => {
    const candidates = [
      progress({}, { ...behindSolved }),
      progress(
        { metric: 'csat', target: 85, period: 'week', floor: 80 },
        { value: 70, sampleSize: 20, status: 'belowFloor' },
      ),
      progress({ scope: 'team', target: 120, period: 'week' }, { value: 100, fraction: 100 / 120 }),
      progress({ period: 'week', target: 100 }, { value: 55, fraction: 0.55 }),
    ];
    fc.assert(
      fc.property(fc.subarray(candidates, { minLength: 1 }), fc.nat({ max: 1 }), (some, which) => {
        const refreshedAt = now - 60_000;
        const shown = selectNudges(selection({ progress: some, figuresRefreshedAt: refreshedAt }));
        const dismissed = shown[Math.min(which, shown.length - 1)];
        if (!dismissed) return;
        const history = dismissNudge(EMPTY_NUDGE_HISTORY, dismissed.id, weekEnd, now);
        const after = selectNudges(
          selection({ progress: some, history, now: now + 5_000, figuresRefreshedAt: refreshedAt }),
        );
        expect(after.length).toBeLessThanOrEqual(shown.length - 1);
        expect(after.map((n) => n.id)).not.toContain(dismissed.id);
      }),
    );
  });
});
