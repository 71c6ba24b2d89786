import { cacheKey, writeCachedSnapshot } from '../../../src/data/engine/snapshotCache';
import type { EngineState } from '../../../src/data/engineState';
import type { AgentSnapshot } from '../../../src/core/goals/ticketFacts';
import { RequestFailure } from '../../../src/data/zendesk/requestFailure';
import { Browser, CountingSource, openEngineTab, SlowSource } from './engineHarness';

const START = Date.parse('2026-11-18T10:00:00Z');
const AGENT = 3720451;
const LEASE_KEY = `goalpost:v1:lease:acme:${AGENT}`;

function openTab(browser: Browser, instanceId: string, source: CountingSource) {
  const engine = openEngineTab(browser, instanceId, source);
  engine.setVisible(true);
  return engine;
}

const refreshedAtOf = (state: EngineState) => (state.status === 'ready' ? state.refreshedAt : null);

describe('when the clock goes back', () => {
  it('a cached snapshot stamped in the future is not taken as fresh: the sidebar fetches at once', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    source.solvedCount = 9;
    // Written an hour "later" than now: the machine's clock has since been set back.
    writeCachedSnapshot(
      browser.storage,
      'acme',
      AGENT,
      await source.full(START + 3_600_000),
      START + 3_600_000,
    );
    source.fullCalls = 0;
    source.solvedCount = 4;
    const tab = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    expect(source.calls).toBe(1);
    expect(refreshedAtOf(tab.getState())).toBeLessThanOrEqual(browser.clock.now());
    const state = tab.getState();
    expect(state.status === 'ready' && state.snapshot.solvedTickets.length).toBe(4);
  });

  it('a lease with a far-future expiry does not stop fetching', async () => {
    const browser = new Browser(START);
    browser.storage.setItem(
      LEASE_KEY,
      JSON.stringify({ holder: 'ghost', expiresAt: START + 365 * 86_400_000 }),
    );
    const source = new CountingSource(browser.clock);
    const tab = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    expect(source.calls).toBe(1);
    expect(tab.getState().status).toBe('ready');
  });

  it('a tab with future-dated figures accepts the leader’s real ones, and "refreshing" news never spreads old figures', async () => {
    const browser = new Browser(START);
    const leaderSource = new CountingSource(browser.clock);
    const leader = openTab(browser, 'tab-1', leaderSource);
    await browser.clock.advance(1_000);
    const follower = openTab(browser, 'tab-2', new CountingSource(browser.clock));
    await browser.clock.advance(1_000);
    const leaderTime = refreshedAtOf(leader.getState());
    expect(refreshedAtOf(follower.getState())).toBe(leaderTime);
    // A foreign message claiming figures from tomorrow is ignored by both.
    const channel = browser.hub.open(`goalpost:v1:acme:${AGENT}`);
    channel.postMessage({
      type: 'state',
      from: 'intruder',
      state: {
        snapshot: null,
        refreshedAt: START + 86_400_000,
        error: null,
        isRefreshing: false,
        nextTryAt: START + 86_400_000,
        failuresInRow: 0,
        lastFullAt: 0,
      },
    });
    await browser.clock.advance(100);
    expect(refreshedAtOf(follower.getState())).toBe(leaderTime);
    expect(follower.getState().status).toBe('ready');
  });
});

describe('stored records that are not what we wrote', () => {
  it.each([
    ['a null ticket', (s: Record<string, unknown>) => ({ ...s, solvedTickets: [null] })],
    [
      'a ticket without an id',
      (s: Record<string, unknown>) => ({ ...s, solvedTickets: [{ status: 'solved' }] }),
    ],
    [
      'team counts that are not numbers',
      (s: Record<string, unknown>) => ({ ...s, teamCounts: [{ kind: 'solved', count: 'x' }] }),
    ],
  ])('%s: the cache is dropped, the sidebar loads and shows fresh figures', async (_name, corrupt) => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const good = await source.full(START - 60_000);
    browser.storage.setItem(
      cacheKey('acme', AGENT),
      JSON.stringify({
        version: 1,
        accountSubdomain: 'acme',
        agentId: AGENT,
        refreshedAt: START - 60_000,
        snapshot: corrupt(good as unknown as Record<string, unknown>),
      }),
    );
    const tab = openTab(browser, 'tab-1', source);
    expect(tab.getState().status).toBe('loading');
    await browser.clock.advance(1_000);
    expect(tab.getState().status).toBe('ready');
  });
});

describe('the agent’s Try again', () => {
  it('cuts a back-off short after a failure, but never a 429’s Retry-After', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    source.failWith = new RequestFailure({ kind: 'serverError', status: 503 });
    const tab = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    expect(tab.getState().status).toBe('unavailable');
    source.failWith = null;
    tab.refresh('manual');
    await browser.clock.advance(1_000);
    expect(tab.getState().status).toBe('ready');

    const calls = source.calls;
    source.failWith = new RequestFailure({ kind: 'rateLimited', retryAt: browser.clock.now() + 60_000 });
    tab.refresh('manual');
    await browser.clock.advance(1_000);
    source.failWith = null;
    tab.refresh('manual');
    await browser.clock.advance(30_000);
    expect(source.calls).toBe(calls + 1);
    await browser.clock.advance(31_000);
    expect(source.calls).toBe(calls + 2);
  });
});

describe('a clock moved during a fetch', () => {
  it('stamps the figures with when they arrived, so every tab calls them fresh', async () => {
    const browser = new Browser(START);
    const source = new SlowSource(browser.clock, 10_000);
    const leader = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    // The machine's clock is set an hour forward while the fetch is under way.
    browser.clock.current += 3_600_000;
    await browser.clock.advance(12_000);
    const state = leader.getState();
    expect(state.status).toBe('ready');
    const age = state.status === 'ready' ? browser.clock.now() - state.refreshedAt : -1;
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60_000);
  });
});

describe('a browser whose storage is full', () => {
  it('still shows figures: the tab fetches for itself when no lease can be written', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const full = browser.storage;
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const tab = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    expect(tab.getState().status).toBe('ready');
  });
});

describe('review findings', () => {
  it('one Try again during an outage buys one early attempt, then back-off resumes', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    source.failWith = new RequestFailure({ kind: 'serverError', status: 503 });
    const tab = openTab(browser, 'tab-1', source);
    await browser.clock.advance(1_000);
    const before = source.calls;
    tab.refresh('manual');
    await browser.clock.advance(60_000);
    // The click's attempt, and at most one back-off retry (30–60 s) in the minute after it.
    expect(source.calls - before).toBeLessThanOrEqual(2);
  });

  it('keeps own solves from every tab, even one that closed right after its submit', async () => {
    const browser = new Browser(START);
    const first = openTab(browser, 'tab-1', new CountingSource(browser.clock));
    await browser.clock.advance(1_000);
    first.recordSolve(111);
    first.dispose();
    await browser.clock.advance(1_000);
    const second = openTab(browser, 'tab-2', new CountingSource(browser.clock));
    const third = openTab(browser, 'tab-3', new CountingSource(browser.clock));
    await browser.clock.advance(1_000);
    third.recordSolve(222);
    await browser.clock.advance(100);
    for (const tab of [second, third]) {
      const state = tab.getState();
      expect(state.status === 'ready' && state.pendingSolves.map((s) => s.ticketId).sort()).toEqual([
        111, 222,
      ]);
    }
  });
});

describe('a first load that waits for budget', () => {
  it('shows the agent’s own figures as soon as they are in, the team’s when they arrive', async () => {
    const browser = new Browser(START);
    const counting = new CountingSource(browser.clock);
    let releaseTeam: () => void = () => undefined;
    const source = {
      solvedSince: counting.solvedSince,
      changes: counting.changes,
      full: async (now: number, { onPersonal }: { onPersonal?: (personal: AgentSnapshot) => void } = {}) => {
        const whole = await counting.full(now);
        const personal = { ...whole, teamCounts: [] };
        onPersonal?.(personal);
        // The team counts wait a minute for the agent's budget.
        await new Promise<void>((resolve) => (releaseTeam = resolve));
        return {
          ...whole,
          teamCounts: [{ kind: 'solved' as const, start: 0, end: 1, groupIds: [12], count: 70 }],
        };
      },
    };
    const tab = openEngineTab(browser, 'tab-1', source);
    tab.setVisible(true);
    await browser.clock.advance(1_000);
    const early = tab.getState();
    expect(early).toMatchObject({ status: 'ready', isRefreshing: true });
    expect(early.status === 'ready' && early.snapshot.solvedTickets.length).toBe(3);
    expect(early.status === 'ready' && early.snapshot.teamCounts).toEqual([]);
    releaseTeam();
    await browser.clock.advance(1_000);
    const late = tab.getState();
    expect(late).toMatchObject({ status: 'ready', isRefreshing: false });
    expect(late.status === 'ready' && late.snapshot.teamCounts.map((c) => c.count)).toEqual([70]);
  });
});
