import { loadAgentContext } from '../../src/data/loadAgentContext';
import { createPoliteGet } from '../../src/data/zendesk/politeRequest';
import { createStoredRateState } from '../../src/data/zendesk/sharedRateState';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { createFakeClient } from './createFakeClient';
import { MemoryStore } from './engine/engineHarness';

const AOIFE = 3720451;
/** The first paint waits for the profile (the default waits PROFILE_WAIT_MS of the injected clock). */
const never = () => new Promise<void>(() => undefined);

function setUp() {
  const zendesk = new FakeZendesk();
  const client = createFakeClient({ zendesk, agentId: AOIFE });
  const storage = new MemoryStore();
  const timing = {
    now: () => zendesk.now,
    sleep: async (ms: number) => {
      zendesk.advanceClock(ms);
      await Promise.resolve();
    },
    random: () => 0.5,
  };
  const getFor = (account: string, agentId: number) =>
    createPoliteGet(client.request, timing, undefined, createStoredRateState(storage, account, agentId));
  const profileRequests = () =>
    zendesk.log.filter((r) => r.path.includes('/users/me') || r.path.includes('group_memberships')).length;
  return { zendesk, client, storage, timing, getFor, profileRequests };
}

describe('loadAgentContext', () => {
  it('caches only the profile facts the app uses: no name, e-mail or other personal data', async () => {
    const { client, storage, timing, getFor, zendesk } = setUp();
    const { agent } = await loadAgentContext(client, getFor, storage, timing, never);
    const user = zendesk.currentUser(AOIFE) as { name: string; email?: string };
    const stored = [...storage.items.values()].join('\n');
    expect(agent.agentName).toBe(user.name);
    expect(stored).not.toContain(user.name);
    if (user.email) expect(stored).not.toContain(user.email);
    expect(stored).not.toMatch(/"(name|email|phone|photo|signature|notes|user_fields)"/);
    expect(agent.groupIds.length).toBeGreaterThan(0);
  });

  it('five tabs restored at once ask Zendesk for the profile once between them', async () => {
    const { client, storage, timing, getFor, profileRequests } = setUp();
    const agents = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await loadAgentContext(client, getFor, storage, timing, never)).agent,
      ),
    );
    expect(profileRequests()).toBe(2);
    expect(new Set(agents.map((a) => JSON.stringify(a.groupIds))).size).toBe(1);
  });

  it('still starts, with the groups ZAF knows, when the profile cannot be fetched', async () => {
    const { client, storage, timing, getFor, zendesk } = setUp();
    zendesk.fault = '500';
    const { agent } = await loadAgentContext(client, getFor, storage, timing, never);
    expect(agent.agentId).toBe(AOIFE);
    expect(agent.defaultGroupId).toBeNull();
    expect(storage.items.has(`goalpost:v2:profile:${zendesk.account.subdomain}:${AOIFE}`)).toBe(false);
  });

  it('does not hold the first paint for a slow profile: ZAF’s groups first, the full profile when it comes', async () => {
    const { client, storage, timing, getFor, zendesk } = setUp();
    const { agent, refined } = await loadAgentContext(client, getFor, storage, timing, async () => undefined);
    const zafGroups = (zendesk.currentUser(AOIFE) as { groups: { id: number }[] }).groups.map((g) => g.id);
    expect(agent.groupIds).toEqual(zafGroups);
    expect(agent.defaultGroupId).toBeNull();
    const late = await refined;
    expect(late?.defaultGroupId).toEqual(expect.any(Number));
  });
});
