import { createDataEngine } from '../../../src/data/engine/createDataEngine';
import { cacheKey, writeCachedSnapshot } from '../../../src/data/engine/snapshotCache';
import type { DataEngine, EngineState } from '../../../src/data/engineState';
import { RequestFailure } from '../../../src/data/zendesk/requestFailure';
import { ChannelHub, CountingSource, ManualClock, MemoryStore } from './engineHarness';

const START = Date.parse('2026-11-18T10:00:00Z');

function setup() {
  const clock = new ManualClock(START);
  const hub = new ChannelHub();
  const storage = new MemoryStore();
  const source = new CountingSource(clock);
  const engines: DataEngine[] = [];
  const openTab = (instanceId: string, options: { agentId?: number; accountSubdomain?: string } = {}) => {
    const engine = createDataEngine({
      source,
      accountSubdomain: options.accountSubdomain ?? 'acme',
      agentId: options.agentId ?? 3720451,
      clock,
      storage,
      openChannel: hub.open,
      instanceId,
      refreshMinutes: 5,
      indexLagSeconds: 70,
    });
    engines.push(engine);
    return engine;
  };
  return { clock, storage, source, openTab, engines };
}

const solvedCount = (state: EngineState) =>
  state.status === 'ready' ? state.snapshot.solvedTickets.length : null;

describe('the shared data engine', () => {
  it('fetches once for several open tabs, and every tab shows the result', async () => {
    const { clock, source, openTab } = setup();
    const tabs = ['tab-1', 'tab-2', 'tab-3'].map((id) => openTab(id));
    tabs.forEach((tab) => {
      tab.setVisible(true);
      tab.refresh('open');
    });
    await clock.advance(10_000);
    expect(source.calls).toBe(1);
    expect(tabs.map((tab) => solvedCount(tab.getState()))).toEqual([3, 3, 3]);
  });

  it('never polls while no sidebar is visible, and polls on the slow timer while one is', async () => {
    const { clock, source, openTab } = setup();
    const tab = openTab('tab-1');
    tab.refresh('open');
    await clock.advance(5_000);
    expect(source.calls).toBe(1);
    await clock.advance(60 * 60_000);
    expect(source.calls).toBe(1);
    tab.setVisible(true); // refreshes at once: figures are an hour old
    await clock.advance(5_000);
    expect(source.calls).toBe(2);
    await clock.advance(10 * 60_000);
    expect(source.calls).toBe(4);
  });

  it('refreshes once search can see a ticket save, one refresh for a burst of saves', async () => {
    const { clock, source, openTab } = setup();
    const tab = openTab('tab-1');
    tab.refresh('open');
    await clock.advance(5_000);
    tab.refresh('ticketSaved');
    await clock.advance(20_000);
    tab.refresh('ticketSaved');
    // Within the index lag a refresh would not see the save yet.
    await clock.advance(60_000);
    expect(source.calls).toBe(1);
    await clock.advance(15_000);
    expect(source.calls).toBe(2);
    expect(source.changeCalls).toBe(1);
  });

  it('hands leadership to another tab when the leader closes', async () => {
    const { clock, source, openTab } = setup();
    const first = openTab('tab-1');
    const second = openTab('tab-2');
    first.refresh('open');
    await clock.advance(5_000);
    expect(source.calls).toBe(1);
    first.dispose();
    second.setVisible(true);
    second.refresh('ticketSaved');
    await clock.advance(80_000);
    expect(source.calls).toBe(2);
    expect(solvedCount(second.getState())).toBe(3);
  });

  it('paints cached figures at once in a new tab, then refreshes them', async () => {
    const { clock, source, openTab, storage } = setup();
    const first = openTab('tab-1');
    first.refresh('open');
    await clock.advance(5_000);
    first.dispose();
    await clock.advance(6 * 60_000);
    source.solvedCount = 4;
    const later = openTab('tab-2');
    expect(solvedCount(later.getState())).toBe(3);
    later.refresh('open');
    await clock.advance(5_000);
    expect(solvedCount(later.getState())).toBe(4);
    expect(storage.getItem(cacheKey('acme', 3720451))).not.toContain('subject');
  });

  it('never shows cached figures of another agent or another account', async () => {
    const { clock, openTab } = setup();
    const colleague = openTab('tab-1', { agentId: 99 });
    colleague.refresh('open');
    await clock.advance(5_000);
    expect(openTab('tab-2', { agentId: 3720451 }).getState().status).toBe('loading');
    expect(openTab('tab-3', { agentId: 99, accountSubdomain: 'other' }).getState().status).toBe('loading');
  });

  it('ignores a corrupt or mislabelled cache entry', () => {
    const { storage, openTab } = setup();
    storage.setItem(cacheKey('acme', 3720451), '{not json');
    expect(openTab('tab-1').getState().status).toBe('loading');
    const { storage: other, openTab: openOther } = setup();
    writeCachedSnapshot(
      other,
      'acme',
      99,
      {
        agentId: 99,
        fetchedAt: START,
        solvedSince: START,
        solvedTickets: [],
        openTickets: [],
        ownCounts: [],
        teamCounts: [],
        countsFetchedAt: START,
        isTeamViewPartial: false,
      },
      START,
    );
    other.setItem(cacheKey('acme', 3720451), other.getItem(cacheKey('acme', 99)) ?? '');
    expect(openOther('tab-1').getState().status).toBe('loading');
  });

  it('keeps the last good figures through a 429 storm and sends nothing before Retry-After', async () => {
    const { clock, source, openTab } = setup();
    const tab = openTab('tab-1');
    tab.setVisible(true);
    tab.refresh('open');
    await clock.advance(5_000);
    source.failWith = new RequestFailure({ kind: 'rateLimited', retryAt: clock.now() + 120_000 });
    tab.refresh('manual');
    await clock.advance(5_000);
    const callsAfter429 = source.calls;
    expect(tab.getState()).toMatchObject({ status: 'ready', error: { kind: 'rateLimited' } });
    expect(solvedCount(tab.getState())).toBe(3);
    await clock.advance(100_000);
    expect(source.calls).toBe(callsAfter429);
    source.failWith = null;
    await clock.advance(30_000);
    expect(source.calls).toBe(callsAfter429 + 1);
    expect(tab.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('says unavailable, not blank, when the first fetch fails and nothing is cached', async () => {
    const { clock, source, openTab } = setup();
    source.failWith = new RequestFailure({ kind: 'serverError', status: 500 });
    const tab = openTab('tab-1');
    tab.refresh('open');
    await clock.advance(5_000);
    expect(tab.getState()).toEqual({ status: 'unavailable', error: { kind: 'serverError', status: 500 } });
  });
});
