import { planTeamHistory } from '../../../src/core/metrics/teamHistory';
import { createPoliteGet, DEFAULT_POLITENESS } from '../../../src/data/zendesk/politeRequest';
import { fetchTeamHistory } from '../../../src/data/zendesk/fetchTeamHistory';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { MemoryStore } from '../engine/engineHarness';
import { fakeZendeskTransport, instantTiming } from '../fakeZendeskTransport';

describe('fetchTeamHistory', () => {
  it('counts the team’s solves in each past week, once a day', async () => {
    const fake = new FakeZendesk();
    fake.indexLagSeconds = 0;
    const get = createPoliteGet(fakeZendeskTransport(fake, 3720454), instantTiming(fake), {
      ...DEFAULT_POLITENESS,
      maxShareOfBudget: 1,
    });
    const goal = {
      scope: 'team',
      metric: 'solved',
      target: 250,
      period: 'week',
      floor: null,
      audience: { kind: 'everyone' },
      line: 1,
    } as const;
    const plans = planTeamHistory([goal], {
      now: fake.now,
      timeZone: 'Europe/Dublin',
      weekStartsOn: 1,
      teamGroupIds: [360001234567],
    });
    const store = new MemoryStore();
    const [history] = await fetchTeamHistory(get, plans, store, 'history', instantTiming(fake));

    const weekly = plans[0]!.requests
      .map(
        (w) =>
          fake.account.tickets.filter(
            (t) =>
              t.groupId === 360001234567 &&
              t.solvedAt !== null &&
              t.solvedAt >= w.start! &&
              t.solvedAt < w.end!,
          ).length,
      )
      .filter((n) => n > 0)
      .sort((a, b) => a - b);
    const middle = weekly.length / 2;
    const expectedMedian =
      weekly.length % 2 ? weekly[Math.floor(middle)]! : (weekly[middle - 1]! + weekly[middle]!) / 2;
    expect(history).toEqual({
      goalKey: 'team:solved:week',
      period: 'week',
      periods: weekly.length,
      median: expectedMedian,
      basis: 'team',
    });

    const requests = fake.log.length;
    fake.advanceClock(3_600_000);
    await fetchTeamHistory(get, plans, store, 'history', instantTiming(fake));
    expect(fake.log.length).toBe(requests);

    // Five admin tabs restored at once share one fetch: 8 counts, not 40.
    const freshStore = new MemoryStore();
    const before = fake.log.length;
    const tabs = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetchTeamHistory(get, plans, freshStore, 'history', instantTiming(fake)),
      ),
    );
    expect(fake.log.length - before).toBe(plans[0]!.requests.length);
    for (const tab of tabs) expect(tab).toEqual(tabs[0]);
  });
});
