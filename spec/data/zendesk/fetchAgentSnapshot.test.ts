import fc from 'fast-check';
import type { Goal } from '../../../src/core/goals/goal';
import type { TicketFact } from '../../../src/core/goals/ticketFacts';
import { METRIC_IDS } from '../../../src/core/goals/goal';
import { METRIC_CATALOG } from '../../../src/core/goals/metricCatalog';
import { evaluateGoals } from '../../../src/core/metrics/evaluateGoals';
import { planFetch } from '../../../src/core/metrics/fetchPlan';
import { DUBLIN_WEDNESDAY, goalOf } from '../../core/ticketFactBuilder';
import { DEFAULT_POLITENESS, createPoliteGet } from '../../../src/data/zendesk/politeRequest';
import { fetchAgentSnapshot, fetchSnapshotChanges } from '../../../src/data/zendesk/fetchAgentSnapshot';
import { BACKLOG_QUERY, solvedTicketsQuery, teamCountQuery } from '../../../src/data/zendesk/searchQuery';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { fakeZendeskTransport, instantTiming } from '../fakeZendeskTransport';

const AOIFE = 3720451;
const EMEA = 360001234567;
const generous = { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 100_000, maxShareOfBudget: 1 };

function setup(seed = 42) {
  const fake = new FakeZendesk(seed);
  fake.budgetPerMinute = 100_000;
  fake.indexLagSeconds = 0;
  const get = createPoliteGet(fakeZendeskTransport(fake, AOIFE), instantTiming(fake), generous);
  return { fake, get };
}

describe('search queries', () => {
  it('asks for solved tickets with UTC instants and status>=solved so closed ones count', () => {
    // Monday 16 Nov 2026 00:00 in Berlin = 15 Nov 23:00 UTC.
    expect(solvedTicketsQuery(Date.parse('2026-11-15T23:00:00Z'), Date.parse('2026-11-22T23:00:00Z'))).toBe(
      'type:ticket assignee:me status>=solved solved>=2026-11-15T23:00:00Z solved<2026-11-22T23:00:00Z',
    );
    expect(BACKLOG_QUERY).toBe('type:ticket assignee:me status<solved');
  });

  it('ORs groups and both good scores in one team query', () => {
    expect(
      teamCountQuery({
        kind: 'csatGood',
        start: Date.parse('2026-11-16T00:00:00Z'),
        end: Date.parse('2026-11-23T00:00:00Z'),
        groupIds: [12, 13],
      }),
    ).toBe(
      'type:ticket group:12 group:13 status>=solved solved>=2026-11-16T00:00:00Z solved<2026-11-23T00:00:00Z satisfaction:good satisfaction:goodwithcomment',
    );
  });
});

describe('fetchAgentSnapshot against the spec-shaped fake API', () => {
  const since = Date.parse('2026-11-16T00:00:00Z');
  const week = { start: since, end: Date.parse('2026-11-23T00:00:00Z') };
  /** The week's solved tickets listed, and the team's solved count for the same week. */
  const weekPlan = {
    solvedSince: since,
    ownCounts: [],
    backlogNeedsMetricSets: false,
    teamCounts: [{ kind: 'solved' as const, ...week, groupIds: [EMEA] }],
  };
  it('hands over the agent’s own figures before it asks for any team count', async () => {
    const { fake, get } = setup();
    let countsBeforePersonal: number | null = null;
    const snapshot = await fetchAgentSnapshot(get, AOIFE, weekPlan, fake.now, {
      onPersonal: (personal) => {
        countsBeforePersonal = fake.log.filter((r) => r.path.includes('search/count')).length;
        expect(personal.teamCounts).toEqual([]);
        expect(personal.solvedTickets.length).toBeGreaterThan(0);
      },
    });
    expect(countsBeforePersonal).toBe(0);
    expect(snapshot.teamCounts).toHaveLength(1);
  });

  it('reads the agent’s solved tickets, metric sets, backlog with SLAs, and team counts', async () => {
    const { fake, get } = setup();
    const snapshot = await fetchAgentSnapshot(get, AOIFE, weekPlan, fake.now);

    // Independently from the seed:
    const mine = fake.account.tickets.filter((t) => t.assigneeId === AOIFE);
    const solved = mine.filter((t) => t.solvedAt !== null && t.solvedAt >= since);
    const open = mine.filter((t) => t.solvedAt === null);
    const teamSolved = fake.account.tickets.filter(
      (t) => t.groupId === EMEA && t.solvedAt !== null && t.solvedAt >= week.start && t.solvedAt < week.end,
    );
    expect(snapshot.solvedTickets.map((t) => t.id).sort()).toEqual(solved.map((t) => t.id).sort());
    expect(snapshot.openTickets.map((t) => t.id).sort()).toEqual(open.map((t) => t.id).sort());
    expect(snapshot.teamCounts[0]?.count).toBe(teamSolved.length);
    const sample = solved[0]!;
    const fact = snapshot.solvedTickets.find((t) => t.id === sample.id);
    expect(fact?.firstReplyMinutes.calendar).toBe(
      Math.round((sample.firstReplyAt! - sample.createdAt) / 60_000),
    );
    expect(fact?.publicReplies).toBe(sample.replies);
    const unreplied = open.find((t) => t.firstReplyAt === null);
    if (unreplied)
      expect(snapshot.openTickets.find((t) => t.id === unreplied.id)?.activeSlaBreachAt).toBe(
        unreplied.slaBreachAt,
      );
  });

  it('pages past 100 results and splits windows past search’s 1,000-result cap by page 1’s count', async () => {
    const { fake } = setup();
    for (let i = 0; i < 1_150; i += 1) {
      fake.solve(fake.createTicket(AOIFE).id);
      fake.advanceClock(60_000);
    }
    // What each search answered: its query, page and reported count.
    const answered: { query: string; page: number; count: number }[] = [];
    const send = fakeZendeskTransport(fake, AOIFE);
    const get = createPoliteGet(
      async (request) => {
        const response = await send(request);
        const url = new URL(request.url, 'https://acme.zendesk.com');
        if (url.pathname === '/api/v2/search.json')
          answered.push({
            query: url.searchParams.get('query') ?? '',
            page: Number(url.searchParams.get('page')),
            count: (response.body as { count: number }).count,
          });
        return response;
      },
      instantTiming(fake),
      generous,
    );
    const since = Date.parse('2026-10-01T00:00:00Z');
    const snapshot = await fetchAgentSnapshot(
      get,
      AOIFE,
      { solvedSince: since, ownCounts: [], backlogNeedsMetricSets: false, teamCounts: [] },
      fake.now,
    );
    // The seeded account's solves plus the 1,150 made above.
    const expected =
      fake.account.tickets.filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= since)
        .length + 1_150;
    expect(snapshot.solvedTickets).toHaveLength(expected);
    expect(fake.log.some((r) => r.status === 422)).toBe(false);
    // A query that reports more than search can list is never paged: its page 1 only tells how to split it.
    const overCap = new Set(answered.filter((a) => a.count > 1_000).map((a) => a.query));
    expect(overCap.size).toBeGreaterThan(0);
    expect(answered.filter((a) => overCap.has(a.query)).every((a) => a.page === 1)).toBe(true);
  });

  it('fails with a malformed error, not a crash, on a body that is not the documented shape', async () => {
    const { fake, get } = setup();
    fake.fault = 'malformed';
    await expect(
      fetchAgentSnapshot(
        get,
        AOIFE,
        { solvedSince: fake.now - 86_400_000, ownCounts: [], backlogNeedsMetricSets: false, teamCounts: [] },
        fake.now,
      ),
    ).rejects.toMatchObject({
      error: { kind: 'malformed' },
    });
  });

  it('merging only what changed equals a full refetch, over random edit streams', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            action: fc.constantFrom('create', 'reply', 'solve', 'rateGood', 'rateBad'),
            pick: fc.nat(),
            minutes: fc.integer({ min: 1, max: 30 }),
          }),
          { maxLength: 12 },
        ),
        async (edits) => {
          const { fake, get } = setup(7);
          const plan = {
            solvedSince: Date.parse('2026-11-16T00:00:00Z'),
            ownCounts: [],
            teamCounts: [],
            backlogNeedsMetricSets: true,
          };
          let snapshot = await fetchAgentSnapshot(get, AOIFE, plan, fake.now);
          for (const edit of edits) {
            fake.advanceClock(edit.minutes * 60_000);
            const mine = fake.account.tickets
              .filter((t) => t.assigneeId === AOIFE)
              .map((t) => fake.live(t.id)!);
            const open = mine.filter((t) => t.solvedAt === null);
            const solved = mine.filter((t) => t.solvedAt !== null);
            if (edit.action === 'create') fake.createTicket(AOIFE);
            else if (edit.action === 'reply' && open.length) fake.reply(open[edit.pick % open.length]!.id);
            else if (edit.action === 'solve' && open.length) fake.solve(open[edit.pick % open.length]!.id);
            else if (solved.length)
              fake.rate(solved[edit.pick % solved.length]!.id, edit.action === 'rateGood' ? 'good' : 'bad');
            if (edit.pick % 3 === 0)
              snapshot = await fetchSnapshotChanges(get, snapshot, plan, fake.now, { countsAreDue: false });
          }
          fake.advanceClock(60_000);
          const merged = await fetchSnapshotChanges(get, snapshot, plan, fake.now, { countsAreDue: false });
          const full = await fetchAgentSnapshot(get, AOIFE, plan, fake.now);
          const byId = (list: readonly { id: number }[]) => [...list].sort((a, b) => a.id - b.id);
          expect(byId(merged.solvedTickets)).toEqual(byId(full.solvedTickets));
          // Open tickets: what the sidebar reads of them (status, times, SLA, whether first replied); their
          // reply and reopen counts matter only once solved, and are fetched then.
          const asShown = (list: readonly TicketFact[]) =>
            [...list]
              .sort((a, b) => a.id - b.id)
              .map(({ publicReplies: _r, reopens: _o, fullResolutionMinutes: _f, ...shown }) => shown);
          expect(asShown(merged.openTickets)).toEqual(asShown(full.openTickets));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('the planned requests give the same figures as fetching every ticket, for any goal mix', async () => {
    const goalArbitrary = fc
      .record({
        metric: fc.constantFrom(...METRIC_IDS),
        scope: fc.constantFrom('me' as const, 'team' as const),
        period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const),
      })
      .map(({ metric, scope, period }): Goal => {
        const definition = METRIC_CATALOG[metric];
        return goalOf({
          metric,
          scope: definition.scopes.includes(scope) ? scope : 'me',
          period: definition.periods.includes(period) ? period : 'now',
          target: definition.unit === 'percent' ? 85 : 40,
        });
      });
    await fc.assert(
      fc.asyncProperty(fc.array(goalArbitrary, { minLength: 1, maxLength: 6 }), async (goals) => {
        const { fake, get } = setup(11);
        const context = { ...DUBLIN_WEDNESDAY, now: fake.now, csatMinimumRatings: 1 };
        const plan = planFetch(goals, context);
        const planned = await fetchAgentSnapshot(get, AOIFE, plan, fake.now);
        // Everything: every solved ticket since the start of the quarter listed, nothing counted.
        const quarterStart = planFetch(
          [goalOf({ metric: 'one_touch', period: 'quarter' })],
          context,
        ).solvedSince;
        const everything = await fetchAgentSnapshot(
          get,
          AOIFE,
          { ...plan, solvedSince: quarterStart, ownCounts: [] },
          fake.now,
        );
        const figures = (snapshot: typeof planned) =>
          evaluateGoals(goals, snapshot, context).map((p) => [
            p.value,
            p.sampleSize,
            p.status,
            p.share?.mine,
          ]);
        expect(figures(planned)).toEqual(figures(everything));
        // And the plan never lists more than the whole quarter would.
        expect(planned.solvedTickets.length).toBeLessThanOrEqual(everything.solvedTickets.length);
      }),
      { numRuns: 40 },
    );
  });

  it('a busy agent’s full refresh costs a handful of requests when long windows only need counts', async () => {
    const { fake, get } = setup();
    // A solve every 75 minutes, round the clock, for ten weeks: hundreds in the quarter so far.
    for (let i = 0; i < 1_400; i += 1) {
      fake.solve(fake.createTicket(AOIFE).id);
      fake.advanceClock(75 * 60_000);
    }
    const goals = [
      goalOf({ metric: 'solved', period: 'quarter', target: 2_000 }),
      goalOf({ metric: 'csat', period: 'month', target: 90 }),
      goalOf({ metric: 'solved', period: 'day', target: 35 }),
      goalOf({ metric: 'backlog', period: 'now', target: 15 }),
      goalOf({ scope: 'team', metric: 'solved', period: 'week', target: 900 }),
    ];
    const context = { ...DUBLIN_WEDNESDAY, now: fake.now };
    const before = fake.log.length;
    const snapshot = await fetchAgentSnapshot(get, AOIFE, planFetch(goals, context), fake.now);
    const requests = fake.log.slice(before);
    // Today listed (1 page + metric sets), the backlog, 3 own counts (quarter solved, month good and bad,
    // solved in the team's groups this week) and the team's count.
    expect(requests.length).toBeLessThanOrEqual(9);
    const [quarter] = evaluateGoals(goals, snapshot, context);
    const solvedThisQuarter = fake
      .liveTickets()
      .filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= quarter!.bounds!.start);
    expect(solvedThisQuarter.length).toBeGreaterThan(300);
    expect(quarter!.value).toBe(solvedThisQuarter.length);
  });

  it('asks for an open ticket’s metric set only once someone may have answered it', async () => {
    const { fake, get } = setup();
    const plan = {
      solvedSince: Date.parse('2026-11-16T00:00:00Z'),
      ownCounts: [],
      teamCounts: [],
      backlogNeedsMetricSets: true,
    };
    const first = await fetchAgentSnapshot(get, AOIFE, plan, fake.now);
    fake.advanceClock(60_000);
    const fresh = fake.createTicket(AOIFE);
    fake.advanceClock(60_000);
    const metricSetsAskedFor = () =>
      fake.log
        .filter((r) => r.path.includes('show_many'))
        .flatMap((r) => decodeURIComponent(/ids=([^&]*)/.exec(r.path)?.[1] ?? '').split(','))
        .map(Number);
    const untouched = await fetchSnapshotChanges(get, first, plan, fake.now, { countsAreDue: false });
    // Never touched since it was created: nobody can have answered it, so nothing is asked.
    expect(metricSetsAskedFor()).not.toContain(fresh.id);
    expect(untouched.openTickets.find((t) => t.id === fresh.id)?.firstReplyMinutes.calendar).toBeNull();
    fake.advanceClock(10 * 60_000);
    fake.reply(fresh.id);
    fake.advanceClock(60_000);
    const answered = await fetchSnapshotChanges(get, untouched, plan, fake.now, { countsAreDue: false });
    expect(metricSetsAskedFor()).toContain(fresh.id);
    expect(answered.openTickets.find((t) => t.id === fresh.id)?.firstReplyMinutes.calendar).toBe(11);
  });
});
