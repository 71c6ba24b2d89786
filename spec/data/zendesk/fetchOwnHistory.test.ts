import { planOwnHistory } from '../../../src/core/metrics/ownHistory';
import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import { fetchOwnHistory } from '../../../src/data/zendesk/fetchOwnHistory';
import { createPoliteGet, DEFAULT_POLITENESS } from '../../../src/data/zendesk/politeRequest';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { MemoryStore } from '../engine/engineHarness';
import { fakeZendeskTransport, instantTiming } from '../fakeZendeskTransport';

const AOIFE = 3720451;
const DAY = 86_400_000;

describe('fetchOwnHistory', () => {
  it('counts the agent’s solves per past day once, then only the new day', async () => {
    const fake = new FakeZendesk(42);
    fake.budgetPerMinute = 100_000;
    const get = createPoliteGet(fakeZendeskTransport(fake, AOIFE), instantTiming(fake), {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: 100_000,
      maxShareOfBudget: 1,
    });
    const goals = parseGoalLines('me solved 25 day').goals;
    const context = { timeZone: 'Europe/Dublin', weekStartsOn: 1 as const };
    const store = new MemoryStore();
    const plans = planOwnHistory(goals, { ...context, now: fake.now });
    const best = await fetchOwnHistory(get, plans, store, 'own', instantTiming(fake));

    const perDay = plans[0]!.periods.map(
      (p) =>
        fake.account.tickets.filter(
          (t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= p.start && t.solvedAt < p.end,
        ).length,
    );
    const worked = perDay.filter((n) => n > 0);
    expect(best.get('me:solved:day')).toEqual({ best: Math.max(...worked), periods: worked.length });
    expect(fake.log.filter((r) => r.path.includes('search/count'))).toHaveLength(8);

    // The same day again: nothing asked. The next day: one new past day.
    await fetchOwnHistory(get, plans, store, 'own', instantTiming(fake));
    expect(fake.log.filter((r) => r.path.includes('search/count'))).toHaveLength(8);
    fake.advanceClock(DAY);
    const tomorrow = planOwnHistory(goals, { ...context, now: fake.now });
    await fetchOwnHistory(get, tomorrow, store, 'own', instantTiming(fake));
    expect(fake.log.filter((r) => r.path.includes('search/count'))).toHaveLength(9);
  });

  it('judges nothing on a history cut short by a failure, and completes it next time', async () => {
    const fake = new FakeZendesk(42);
    fake.budgetPerMinute = 100_000;
    const honest = createPoliteGet(fakeZendeskTransport(fake, AOIFE), instantTiming(fake), {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: 100_000,
      maxShareOfBudget: 1,
    });
    let calls = 0;
    const failingAfterThree = (url: string) => (++calls > 3 ? Promise.reject(new Error('429')) : honest(url));
    const plans = planOwnHistory(parseGoalLines('me solved 25 day').goals, {
      timeZone: 'Europe/Dublin',
      weekStartsOn: 1,
      now: fake.now,
    });
    const store = new MemoryStore();
    expect((await fetchOwnHistory(failingAfterThree, plans, store, 'own', instantTiming(fake))).size).toBe(0);
    const complete = await fetchOwnHistory(honest, plans, store, 'own', instantTiming(fake));
    expect(complete.get('me:solved:day')).toEqual(expect.objectContaining({ best: expect.any(Number) }));
    // The three counted before the failure were kept: only five more were asked.
    expect(fake.log.filter((r) => r.path.includes('search/count'))).toHaveLength(3 + 5);
  });

  it('five tabs share one slow count of 16 periods: the fetching tab renews its lease as it goes', async () => {
    const fake = new FakeZendesk(42);
    fake.budgetPerMinute = 100_000;
    const timing = instantTiming(fake);
    const honest = createPoliteGet(fakeZendeskTransport(fake, AOIFE), timing, {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: 100_000,
      maxShareOfBudget: 1,
    });
    // Each count waits half a minute for budget: 16 of them take far longer than the 2-minute lease.
    const slow = async (url: string) => {
      await timing.sleep(30_000);
      return honest(url);
    };
    const plans = planOwnHistory(parseGoalLines('me solved 25 day\nme solved 100 week').goals, {
      timeZone: 'Europe/Dublin',
      weekStartsOn: 1,
      now: fake.now,
    });
    const store = new MemoryStore();
    const tabs = await Promise.all(
      Array.from({ length: 5 }, () => fetchOwnHistory(slow, plans, store, 'own', timing)),
    );
    expect(fake.log.filter((r) => r.path.includes('search/count'))).toHaveLength(16);
    for (const tab of tabs) expect(tab).toEqual(tabs[0]);
  });
});
