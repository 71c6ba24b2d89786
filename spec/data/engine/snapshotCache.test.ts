import type { AgentSnapshot } from '../../../src/core/goals/ticketFacts';
import {
  CACHE_MAX_AGE_MS,
  cacheKey,
  readCachedSnapshot,
  writeCachedSnapshot,
} from '../../../src/data/engine/snapshotCache';
import { MemoryStore } from './engineHarness';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const AGENT = 3720451;

const snapshot: AgentSnapshot = {
  agentId: AGENT,
  fetchedAt: NOW,
  solvedSince: Date.parse('2026-11-16T00:00:00Z'),
  solvedTickets: [
    {
      id: 48211,
      status: 'solved',
      assigneeId: AGENT,
      groupId: 12,
      createdAt: NOW - 5 * 3_600_000,
      updatedAt: NOW - 3_600_000,
      solvedAt: NOW - 3_600_000,
      satisfaction: 'good',
      firstReplyMinutes: { calendar: 42, business: 42 },
      fullResolutionMinutes: { calendar: 240, business: 240 },
      publicReplies: 2,
      reopens: 0,
      activeSlaBreachAt: null,
    },
  ],
  openTickets: [],
  ownCounts: [
    { kind: 'csatGood', start: NOW - 7 * 86_400_000, end: NOW - 86_400_000, groupIds: null, count: 9 },
  ],
  teamCounts: [{ kind: 'solved', start: NOW - 86_400_000, end: NOW, groupIds: [12], count: 41 }],
  countsFetchedAt: NOW - 300_000,
  isTeamViewPartial: false,
};

describe('the figures cache', () => {
  it('gives back what was stored for the same account and agent', () => {
    const store = new MemoryStore();
    writeCachedSnapshot(store, 'acme', AGENT, snapshot, NOW, NOW - 600_000);
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW + 60_000)).toEqual({
      snapshot,
      refreshedAt: NOW,
      lastFullAt: NOW - 600_000,
    });
  });

  it('keeps accounts and agents apart', () => {
    const store = new MemoryStore();
    writeCachedSnapshot(store, 'acme', AGENT, snapshot, NOW);
    expect(readCachedSnapshot(store, 'acme', 99, NOW)).toBeNull();
    expect(readCachedSnapshot(store, 'globex', AGENT, NOW)).toBeNull();
    // The same record copied under another account's key is still refused.
    store.setItem(cacheKey('globex', AGENT), store.getItem(cacheKey('acme', AGENT)) ?? '');
    expect(readCachedSnapshot(store, 'globex', AGENT, NOW)).toBeNull();
  });

  it('drops figures older than a week', () => {
    const store = new MemoryStore();
    writeCachedSnapshot(store, 'acme', AGENT, snapshot, NOW);
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW + CACHE_MAX_AGE_MS - 1)).not.toBeNull();
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW + CACHE_MAX_AGE_MS)).toBeNull();
  });

  it('ignores valid JSON of the wrong shape and records of another version', () => {
    const store = new MemoryStore();
    const record = { version: 1, accountSubdomain: 'acme', agentId: AGENT, refreshedAt: NOW };
    store.setItem(cacheKey('acme', AGENT), JSON.stringify({ ...record, snapshot: { agentId: AGENT } }));
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW)).toBeNull();
    store.setItem(cacheKey('acme', AGENT), JSON.stringify({ ...record, version: 0, snapshot }));
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW)).toBeNull();
  });

  it('survives storage that refuses writes', () => {
    const store = new MemoryStore();
    store.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    expect(() => writeCachedSnapshot(store, 'acme', AGENT, snapshot, NOW)).not.toThrow();
    expect(readCachedSnapshot(store, 'acme', AGENT, NOW)).toBeNull();
  });
});
