import { parseGoalLines } from '../../../src/core/settings/parseGoalLines';
import type { DataEngineOptions } from '../../../src/data/engine/engineTypes';
import { lockLeadership } from '../../../src/data/engine/leadership';
import { writeCachedSnapshot } from '../../../src/data/engine/snapshotCache';
import { createZendeskSnapshotSource } from '../../../src/data/engine/zendeskSnapshotSource';
import type { EngineState } from '../../../src/data/engineState';
import { createPoliteGet, DEFAULT_POLITENESS } from '../../../src/data/zendesk/politeRequest';
import { createStoredRateState } from '../../../src/data/zendesk/sharedRateState';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { fakeZendeskTransport } from '../fakeZendeskTransport';
import type { KeyValueStore } from '../../../src/data/engine/snapshotCache';
import {
  BlockedStore,
  Browser,
  CountingSource,
  FakeLockManager,
  FullStore,
  openEngineTab,
  SlowSource,
} from './engineHarness';

const AOIFE = 3720451;
const EMEA = 360001234567;
const SECOND = 1_000;
const MINUTE = 60_000;
const GOALS = parseGoalLines(
  'me csat 85% week floor 80%\nme solved 12 day\nme first_reply 2h week\nme backlog 15 now\nteam solved 250 week',
).goals;

/** Agent Aoife's sidebars against the fake Zendesk API, with the app's real request layer and fetch plan. */
function zendeskTabs(fake: FakeZendesk, browser: Browser, storage: KeyValueStore = browser.storage) {
  const clock = browser.clock;
  const transport = fakeZendeskTransport(fake, AOIFE);
  const send: typeof transport = (request) => {
    fake.now = clock.now();
    return transport(request);
  };
  const open = (instanceId: string, extra: Partial<DataEngineOptions> = {}) => {
    const get = createPoliteGet(
      send,
      {
        now: clock.now,
        sleep: (ms) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)),
        random: () => 0.5,
      },
      DEFAULT_POLITENESS,
      createStoredRateState(storage, 'goalpost-demo', AOIFE),
    );
    const source = createZendeskSnapshotSource({
      get,
      agentId: AOIFE,
      goals: GOALS,
      timeZone: 'Europe/Dublin',
      weekStartsOn: 1,
      teamGroupIds: [EMEA],
      isTeamViewPartial: false,
    });
    return openEngineTab(browser, instanceId, source, {
      accountSubdomain: 'goalpost-demo',
      storage,
      ...extra,
    });
  };
  return { open, requests: () => fake.log.filter((r) => r.agentId === AOIFE) };
}

const hasTeamFigures = (state: EngineState) =>
  state.status === 'ready' && state.snapshot.teamCounts.length > 0 && !state.isRefreshing;

describe('on an account whose budget is tight', () => {
  it('with 4 requests a minute for the whole account, figures load within minutes and no 429 is ignored', async () => {
    const fake = new FakeZendesk(42);
    fake.indexLagSeconds = 0;
    fake.budgetPerMinute = 4;
    const browser = new Browser(fake.now);
    const { open, requests } = zendeskTabs(fake, browser);
    // Another integration on the account uses three of the four requests at the start of every minute, and
    // all four every third minute: then the agent's request gets a 429.
    let minute = 0;
    const otherIntegration = () => {
      fake.now = browser.clock.now();
      const used = minute % 3 === 1 ? 4 : 3;
      for (let i = 0; i < used; i += 1)
        fake.handle(1, 'GET', '/api/v2/search/count.json?query=type%3Aticket');
      minute += 1;
      browser.clock.setTimeout(otherIntegration, MINUTE);
    };
    otherIntegration();
    const tab = open('tab-1');
    tab.setVisible(true);
    let loadedAt: number | null = null;
    for (let minute = 0; minute < 30 && loadedAt === null; minute += 1) {
      for (let step = 0; step < 12 && loadedAt === null; step += 1) {
        await browser.clock.advance(5 * SECOND);
        if (hasTeamFigures(tab.getState())) loadedAt = browser.clock.now();
      }
    }
    expect(loadedAt).not.toBeNull();
    expect((loadedAt! - fake.account.now) / MINUTE).toBeLessThan(15);
    const mine = requests();
    const refused = mine.filter((r) => r.status === 429);
    // Every 429 said to wait for the next minute; nothing of the agent's was sent before it passed.
    expect(refused.length).toBeGreaterThan(0);
    const start = fake.account.now;
    for (const refusal of refused) {
      const retryAt = start + (Math.floor((refusal.at - start) / MINUTE) + 1) * MINUTE;
      expect(mine.filter((r) => r.at > refusal.at && r.at < retryAt)).toEqual([]);
    }
    // A refresh cut short keeps what it got: nothing answered once is asked for again in the first load.
    const answered = mine.filter((r) => r.status === 200).map((r) => r.path);
    expect(new Set(answered).size).toBe(answered.length);
  });
});

describe('the first refresh of a session', () => {
  const START = Date.parse('2026-11-18T09:00:00Z');
  /** A sidebar opened at nine with last evening's figures in the cache. */
  const openOverEveningFigures = async (random: number) => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const evening = START - 16 * 3_600_000;
    writeCachedSnapshot(browser.storage, 'acme', AOIFE, await source.full(evening), evening, evening);
    source.log.length = 0;
    const tab = openEngineTab(browser, 'tab-1', source, {
      firstRefreshSpreadMs: 10 * MINUTE,
      random: () => random,
    });
    tab.setVisible(true);
    return { browser, source, tab };
  };

  it('waits a random moment within the spread when cached figures are showing, so a team does not start in step', async () => {
    const { browser, source, tab } = await openOverEveningFigures(0.3);
    expect(tab.getState().status).toBe('ready');
    await browser.clock.advance(2 * MINUTE + 55 * SECOND);
    expect(source.log).toEqual([]);
    await browser.clock.advance(10 * SECOND);
    expect(source.log.map((call) => (call.at - START) / SECOND)).toEqual([180]);
  });

  it('does not wait when there is nothing to show, nor when the agent asks', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const first = openEngineTab(browser, 'tab-1', source, { firstRefreshSpreadMs: 10 * MINUTE });
    first.setVisible(true);
    await browser.clock.advance(SECOND);
    expect(source.calls).toBe(1);

    const asked = await openOverEveningFigures(0.9);
    asked.tab.refresh('manual');
    await asked.browser.clock.advance(SECOND);
    expect(asked.source.log).toHaveLength(1);
  });
});

describe('leadership that survives its storage', () => {
  const START = Date.parse('2026-11-18T10:00:00Z');

  it.each([
    ['full', () => new FullStore()],
    ['throwing on every use', () => new BlockedStore()],
  ])(
    'with storage %s, Web Locks keep it to one fetch at a time across tabs, and figures load and refresh',
    async (_name, makeStore) => {
      const browser = new Browser(START);
      const storage = makeStore();
      const locks = new FakeLockManager();
      const source = new SlowSource(browser.clock, 20 * SECOND);
      const tabs = ['tab-1', 'tab-2', 'tab-3'].map((id) =>
        openEngineTab(browser, id, source, {
          storage,
          leadership: lockLeadership(locks, 'goalpost:v1:leader:acme:3720451'),
        }),
      );
      tabs.forEach((tab) => tab.setVisible(true));
      await browser.clock.advance(30 * SECOND);
      expect(tabs.map((tab) => tab.getState().status)).toEqual(['ready', 'ready', 'ready']);
      await browser.clock.advance(20 * MINUTE);
      expect(source.mostAtOnce).toBe(1);
      expect(source.calls).toBeGreaterThanOrEqual(4);
      // The leader closes: the next tab in the lock's queue carries on.
      tabs[0]!.dispose();
      const before = source.calls;
      await browser.clock.advance(6 * MINUTE);
      expect(source.calls).toBeGreaterThan(before);
      expect(source.mostAtOnce).toBe(1);
    },
  );

  it('without Web Locks and with storage full, every tab still gets figures (each leads for itself)', async () => {
    const browser = new Browser(START);
    const storage = new FullStore();
    const source = new CountingSource(browser.clock);
    const tabs = ['tab-1', 'tab-2'].map((id) => openEngineTab(browser, id, source, { storage }));
    tabs.forEach((tab) => tab.setVisible(true));
    await browser.clock.advance(10 * SECOND);
    expect(tabs.map((tab) => tab.getState().status)).toEqual(['ready', 'ready']);
  });
});
