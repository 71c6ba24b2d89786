import { cachedTeamSize, fetchTeamSize } from '../../../src/data/zendesk/fetchTeamSize';
import { MemoryStore } from '../engine/engineHarness';
import { createPoliteGet, DEFAULT_POLITENESS } from '../../../src/data/zendesk/politeRequest';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { fakeZendeskTransport, instantTiming } from '../fakeZendeskTransport';

describe('fetchTeamSize', () => {
  const fake = new FakeZendesk(42);
  fake.budgetPerMinute = 100_000;
  const get = createPoliteGet(fakeZendeskTransport(fake, 3720454), instantTiming(fake), {
    ...DEFAULT_POLITENESS,
    accountBudgetPerMinute: 100_000,
    maxShareOfBudget: 1,
  });
  const membersOf = (groupIds: number[]) =>
    new Set(fake.account.agents.filter((a) => a.groupIds.some((g) => groupIds.includes(g))).map((a) => a.id))
      .size;

  it('counts each agent once across the team’s groups, one request per group', async () => {
    const [first, second] = fake.account.groups.map((g) => g.id);
    const before = fake.log.length;
    expect(await fetchTeamSize(get, [first!])).toBe(membersOf([first!]));
    expect(await fetchTeamSize(get, [first!, second!])).toBe(membersOf([first!, second!]));
    expect(fake.log.length - before).toBe(3);
  });

  it('says nothing rather than guess when Zendesk does not answer', async () => {
    expect(await fetchTeamSize(get, [999])).toBeNull();
  });

  it('is asked once a day for the same groups', async () => {
    const store = new MemoryStore();
    const [first] = fake.account.groups.map((g) => g.id);
    const before = fake.log.length;
    await cachedTeamSize(get, [first!], store, 'size', fake.now);
    await cachedTeamSize(get, [first!], store, 'size', fake.now + 3_600_000);
    expect(fake.log.length - before).toBe(1);
    await cachedTeamSize(get, [first!], store, 'size', fake.now + 86_400_000);
    expect(fake.log.length - before).toBe(2);
  });
});
