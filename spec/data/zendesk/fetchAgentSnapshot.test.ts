import fc from 'fast-check';
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
  it('hands over the agent’s own figures before it asks for any team count', async () => {
    const { fake, get } = setup();
    const since = Date.parse('2026-11-16T00:00:00Z');
    const week = { start: since, end: Date.parse('2026-11-23T00:00:00Z') };
    let countsBeforePersonal: number | null = null;
    const snapshot = await fetchAgentSnapshot(
      get,
      AOIFE,
      { solvedSince: since, teamCounts: [{ kind: 'solved', ...week, groupIds: [EMEA] }] },
      fake.now,
      false,
      (personal) => {
        countsBeforePersonal = fake.log.filter((r) => r.path.includes('search/count')).length;
        expect(personal.teamCounts).toEqual([]);
        expect(personal.solvedTickets.length).toBeGreaterThan(0);
      },
    );
    expect(countsBeforePersonal).toBe(0);
    expect(snapshot.teamCounts).toHaveLength(1);
  });

  it('reads the agent’s solved tickets, metric sets, backlog with SLAs, and team counts', async () => {
    const { fake, get } = setup();
    const since = Date.parse('2026-11-16T00:00:00Z');
    const week = { start: since, end: Date.parse('2026-11-23T00:00:00Z') };
    const snapshot = await fetchAgentSnapshot(
      get,
      AOIFE,
      { solvedSince: since, teamCounts: [{ kind: 'solved', ...week, groupIds: [EMEA] }] },
      fake.now,
    );

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

  it('pages past 100 results and splits windows past search’s 1,000-result cap', async () => {
    const { fake, get } = setup();
    for (let i = 0; i < 1_150; i += 1) {
      fake.solve(fake.createTicket(AOIFE).id);
      fake.advanceClock(60_000);
    }
    const since = Date.parse('2026-10-01T00:00:00Z');
    const snapshot = await fetchAgentSnapshot(get, AOIFE, { solvedSince: since, teamCounts: [] }, fake.now);
    const expected =
      fake.account.tickets.filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= since)
        .length + 1_150;
    expect(snapshot.solvedTickets).toHaveLength(expected);
    expect(fake.log.some((r) => r.status === 422)).toBe(false);
  });

  it('fails with a malformed error, not a crash, on a body that is not the documented shape', async () => {
    const { fake, get } = setup();
    fake.fault = 'malformed';
    await expect(
      fetchAgentSnapshot(get, AOIFE, { solvedSince: fake.now - 86_400_000, teamCounts: [] }, fake.now),
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
          const plan = { solvedSince: Date.parse('2026-11-16T00:00:00Z'), teamCounts: [] };
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
            if (edit.pick % 3 === 0) snapshot = await fetchSnapshotChanges(get, snapshot, plan, fake.now);
          }
          fake.advanceClock(60_000);
          const merged = await fetchSnapshotChanges(get, snapshot, plan, fake.now);
          const full = await fetchAgentSnapshot(get, AOIFE, plan, fake.now);
          const byId = (list: readonly { id: number }[]) => [...list].sort((a, b) => a.id - b.id);
          expect(byId(merged.solvedTickets)).toEqual(byId(full.solvedTickets));
          expect(byId(merged.openTickets)).toEqual(byId(full.openTickets));
        },
      ),
      { numRuns: 15 },
    );
  });
});
