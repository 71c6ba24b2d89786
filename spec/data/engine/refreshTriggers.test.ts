import type { DataEngineOptions } from '../../../src/data/engine/engineTypes';
import { writeCachedSnapshot } from '../../../src/data/engine/snapshotCache';
import { RequestFailure } from '../../../src/data/zendesk/requestFailure';
import { Browser, CountingSource, openEngineTab } from './engineHarness';

const START = Date.parse('2026-11-18T10:00:00Z');
const AGENT = 3720451;
const SECOND = 1_000;
const MINUTE = 60_000;

function setup() {
  const browser = new Browser(START);
  const source = new CountingSource(browser.clock);
  const openTab = (instanceId: string, extra: Partial<DataEngineOptions> = {}) =>
    openEngineTab(browser, instanceId, source, { random: () => 1, ...extra });
  const seconds = () => source.log.map((call) => (call.at - START) / SECOND);
  return { browser, clock: browser.clock, source, openTab, seconds };
}

describe('when the engine refreshes', () => {
  it('refreshes for a save made in a follower tab once search can see it, and only then', async () => {
    const { clock, source, openTab } = setup();
    const leader = openTab('tab-1');
    leader.refresh('open');
    await clock.advance(SECOND);
    const follower = openTab('tab-2');
    await clock.advance(4 * SECOND);
    follower.refresh('ticketSaved');
    await clock.advance(65 * SECOND);
    expect(source.calls).toBe(1);
    await clock.advance(10 * SECOND);
    expect(source.calls).toBe(2);
    await clock.advance(30 * MINUTE); // no sidebar visible: nothing more
    expect(source.calls).toBe(2);
  });

  it('coalesces a long stream of saves without postponing figures until it ends', async () => {
    const { clock, openTab, seconds } = setup();
    const tab = openTab('tab-1');
    tab.refresh('open');
    await clock.advance(10 * SECOND);
    // A save every 20 s for 5 minutes: 16 saves, from second 10 to second 310.
    for (let i = 0; i < 16; i += 1) {
      tab.refresh('ticketSaved');
      await clock.advance(20 * SECOND);
    }
    await clock.advance(5 * MINUTE);
    const refreshes = seconds().slice(1);
    expect(refreshes[0]).toBeLessThanOrEqual(10 + 70 + 30 + 5); // the first save is seen within ~2 minutes
    expect(refreshes.at(-1)).toBeGreaterThanOrEqual(310 + 70); // the last save is seen too
    expect(refreshes.length).toBeLessThanOrEqual(6); // far fewer refreshes than saves
  });

  it('switching back to a ticket tab repaints from the shared figures; it fetches only once they are due', async () => {
    const { clock, source, openTab } = setup();
    const tab = openTab('tab-1');
    tab.refresh('open');
    await clock.advance(10 * SECOND);
    for (let switches = 0; switches < 5; switches += 1) {
      tab.setVisible(true);
      await clock.advance(45 * SECOND);
      tab.setVisible(false);
      await clock.advance(10 * SECOND);
    }
    // Almost five minutes of switching every 45 s: no fetch beyond the first.
    expect(source.calls).toBe(1);
    await clock.advance(MINUTE);
    tab.setVisible(true);
    await clock.advance(SECOND);
    expect(source.calls).toBe(2);
  });

  it('paints cached figures on open and skips the fetch while they are fresh', async () => {
    const { browser, clock, source, openTab } = setup();
    const cached = await source.full(START - 20 * SECOND);
    writeCachedSnapshot(browser.storage, 'acme', AGENT, cached, START - 20 * SECOND);
    const callsBefore = source.calls;
    const tab = openTab('tab-1');
    expect(tab.getState()).toMatchObject({ status: 'ready', refreshedAt: START - 20 * SECOND });
    tab.refresh('open');
    await clock.advance(5 * SECOND);
    expect(source.calls).toBe(callsBefore);
  });

  it('after a reload with a recent cache, asks only for changes: the last full fetch is remembered', async () => {
    const { browser, clock, source, openTab } = setup();
    const cached = await source.full(START - 10 * MINUTE);
    writeCachedSnapshot(browser.storage, 'acme', AGENT, cached, START - 6 * MINUTE, START - 10 * MINUTE);
    source.log.length = 0;
    const tab = openTab('tab-1');
    tab.setVisible(true);
    await clock.advance(SECOND);
    expect(source.log.map((call) => call.kind)).toEqual(['changes']);
  });

  it('asks only for changes after the first load, everything again every two hours or so and when the period rolls over', async () => {
    const { clock, source, openTab } = setup();
    const tab = openTab('tab-1');
    tab.setVisible(true);
    await clock.advance(30 * MINUTE);
    expect(source.log.map((call) => call.kind)).toEqual(['full', ...Array(6).fill('changes')]);
    // random() = 1: the full refetch comes 2 h × 1.25 after the first (agents drift apart by up to ±25 %).
    await clock.advance(119 * MINUTE);
    expect(source.fullCalls).toBe(1);
    await clock.advance(6 * MINUTE);
    expect(source.fullCalls).toBe(2);
    const newWeek = Date.parse('2026-11-23T00:00:00Z');
    source.solvedSince = () => newWeek;
    await clock.advance(5 * MINUTE);
    expect(source.log.at(-1)?.kind).toBe('full');
    expect(source.fullCalls).toBe(3);
  });

  it('backs off further after each failure in a row while a sidebar is visible, then recovers', async () => {
    const { clock, source, openTab, seconds } = setup();
    source.failWith = new RequestFailure({ kind: 'serverError', status: 503 });
    const tab = openTab('tab-1');
    tab.setVisible(true);
    await clock.advance(4 * MINUTE);
    // random() = 1 gives the full delay: 30 s, then 60 s, then 120 s (checked on 5 s ticks).
    expect(seconds()).toEqual([0, 30, 90, 210]);
    expect(tab.getState()).toEqual({ status: 'unavailable', error: { kind: 'serverError', status: 503 } });
    source.failWith = null;
    await clock.advance(4 * MINUTE);
    expect(seconds()[4]).toBe(450);
    expect(tab.getState()).toMatchObject({ status: 'ready', error: null });
  });
});

describe('on a quiet afternoon', () => {
  it('stretches the timer while refreshes find nothing new, and returns to it once something changes', async () => {
    const browser = new Browser(START);
    const counting = new CountingSource(browser.clock);
    // The agent's tickets as of the first fetch: later refreshes find the same versions until a save.
    let tickets = (await counting.full(START)).solvedTickets;
    const calls: number[] = [];
    const answer = async (now: number) => {
      calls.push(now);
      return { ...(await counting.full(START)), solvedTickets: tickets, fetchedAt: now };
    };
    const source = {
      solvedSince: counting.solvedSince,
      full: answer,
      changes: (_previous: unknown, now: number) => answer(now),
    };
    const tab = openEngineTab(browser, 'tab-1', source);
    tab.setVisible(true);
    await browser.clock.advance(60 * MINUTE);
    // 5, then 10, then 15 minutes apart: six refreshes in the hour instead of twelve.
    expect(calls.map((at) => Math.round((at - START) / MINUTE))).toEqual([0, 5, 15, 30, 45, 60]);
    // The agent saves a ticket: the re-check finds it changed, and the timer is back to 5 minutes.
    tickets = tickets.map((t, i) => (i === 0 ? { ...t, updatedAt: browser.clock.now() } : t));
    tab.refresh('ticketSaved');
    await browser.clock.advance(75 * SECOND);
    const afterSave = calls.length;
    await browser.clock.advance(5 * MINUTE + 5 * SECOND);
    expect(calls.length).toBe(afterSave + 1);
  });
});
