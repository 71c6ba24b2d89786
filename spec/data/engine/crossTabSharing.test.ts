import type { DataEngineOptions } from '../../../src/data/engine/engineTypes';
import type { EngineState } from '../../../src/data/engineState';
import { RequestFailure } from '../../../src/data/zendesk/requestFailure';
import { Browser, CountingSource, openEngineTab, SlowSource } from './engineHarness';

const START = Date.parse('2026-11-18T10:00:00Z');

const openTab = (
  browser: Browser,
  instanceId: string,
  source: CountingSource,
  extra: Partial<DataEngineOptions> = {},
) => openEngineTab(browser, instanceId, source, extra);

const solvedCount = (state: EngineState) =>
  state.status === 'ready' ? state.snapshot.solvedTickets.length : null;

describe('sidebars of one agent share one leader', () => {
  it('forwards a follower tab’s refresh to the leader, which fetches for both', async () => {
    const browser = new Browser(START);
    const leaderSource = new CountingSource(browser.clock);
    const followerSource = new CountingSource(browser.clock);
    const leader = openTab(browser, 'tab-1', leaderSource);
    await browser.clock.advance(1_000);
    const follower = openTab(browser, 'tab-2', followerSource);
    await browser.clock.advance(1_000);
    follower.refresh('manual');
    await browser.clock.advance(1_000);
    expect(leaderSource.calls).toBe(1);
    expect(followerSource.calls).toBe(0);
    expect(solvedCount(follower.getState())).toBe(3);
    expect(solvedCount(leader.getState())).toBe(3);
  });

  it('never runs two fetches at once, however many tabs ask while one is under way', async () => {
    const browser = new Browser(START);
    const source = new SlowSource(browser.clock, 8_000);
    const tabs = ['tab-1', 'tab-2', 'tab-3', 'tab-4'].map((id) => openTab(browser, id, source));
    tabs.forEach((tab) => tab.refresh('open'));
    await browser.clock.advance(2_000);
    // While the first fetch runs, every tab asks again in every way it can.
    tabs.forEach((tab) => {
      tab.setVisible(true);
      tab.refresh('manual');
    });
    await browser.clock.advance(2_000);
    tabs[0]?.dispose(); // the leader closes mid-fetch; another tab takes over
    await browser.clock.advance(120_000);
    expect(source.mostAtOnce).toBe(1);
    expect(tabs.slice(1).map((tab) => solvedCount(tab.getState()))).toEqual([3, 3, 3]);
  });

  it('moves leadership when the leader’s tab crashes, once its lease has expired', async () => {
    const browser = new Browser(START);
    const firstSource = new CountingSource(browser.clock);
    const secondSource = new CountingSource(browser.clock);
    const first = openTab(browser, 'tab-1', firstSource);
    first.refresh('open');
    await browser.clock.advance(1_000);
    const second = openTab(browser, 'tab-2', secondSource);
    await browser.clock.advance(1_000);
    expect(firstSource.calls).toBe(1);

    browser.crash('tab-1'); // no dispose, no goodbye: the lease stays in storage until it runs out
    const crashedAt = browser.clock.now();
    second.refresh('manual');
    await browser.clock.advance(5_000);
    expect(secondSource.calls).toBe(0); // the crashed tab's lease has not run out yet
    await browser.clock.advance(20_000);
    expect(secondSource.calls).toBe(1);
    const state = second.getState();
    expect(state.status === 'ready' && state.refreshedAt > crashedAt).toBe(true);
  });

  it('hands over without refetching what the old leader already fetched, and keeps using deltas', async () => {
    const browser = new Browser(START);
    const firstSource = new CountingSource(browser.clock);
    const secondSource = new CountingSource(browser.clock);
    const first = openTab(browser, 'tab-1', firstSource);
    await browser.clock.advance(1_000);
    const second = openTab(browser, 'tab-2', secondSource);
    second.refresh('open'); // answered by the leader's fetch
    await browser.clock.advance(2_000);
    expect(firstSource.fullCalls).toBe(1);

    first.dispose();
    await browser.clock.advance(10_000);
    expect(secondSource.calls).toBe(0);
    second.refresh('manual');
    await browser.clock.advance(2_000);
    expect(secondSource.changeCalls).toBe(1);
    expect(secondSource.fullCalls).toBe(0);
  });

  it('polls only while some tab of the agent shows the sidebar, whichever tab leads', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const leader = openTab(browser, 'tab-1', source);
    leader.refresh('open');
    await browser.clock.advance(1_000);
    const follower = openTab(browser, 'tab-2', source);
    await browser.clock.advance(8 * 3_600_000); // a whole shift with every sidebar hidden
    expect(source.calls).toBe(1);

    follower.setVisible(true); // the leader's own sidebar stays hidden
    await browser.clock.advance(1_000);
    expect(source.calls).toBe(2);
    await browser.clock.advance(15 * 60_000);
    expect(source.calls).toBe(5); // every 5 minutes

    follower.setVisible(false);
    await browser.clock.advance(3_600_000);
    expect(source.calls).toBe(5);
  });

  it('keeps every tab’s figures through a 429 and the next leader still waits for Retry-After', async () => {
    const browser = new Browser(START);
    const source = new CountingSource(browser.clock);
    const leader = openTab(browser, 'tab-1', source);
    leader.refresh('open');
    await browser.clock.advance(1_000);
    const follower = openTab(browser, 'tab-2', source);
    follower.setVisible(true);
    await browser.clock.advance(1_000);
    const retryAt = browser.clock.now() + 180_000;
    source.failWith = new RequestFailure({ kind: 'rateLimited', retryAt });
    follower.refresh('manual');
    await browser.clock.advance(1_000);
    const callsAfter429 = source.calls;
    expect(follower.getState()).toMatchObject({ status: 'ready', error: { kind: 'rateLimited', retryAt } });
    expect(solvedCount(follower.getState())).toBe(3);

    leader.dispose();
    follower.refresh('manual');
    await browser.clock.advance(retryAt - browser.clock.now() - 1);
    expect(source.calls).toBe(callsAfter429);
    source.failWith = null;
    await browser.clock.advance(6_000);
    expect(source.calls).toBe(callsAfter429 + 1);
    expect(follower.getState()).toMatchObject({ status: 'ready', error: null });
  });
});
