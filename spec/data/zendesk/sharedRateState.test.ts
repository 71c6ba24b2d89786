import type { SharedRateState } from '../../../src/data/zendesk/sharedRateState';
import { createMemoryRateState, createStoredRateState } from '../../../src/data/zendesk/sharedRateState';
import { MemoryStore } from '../engine/engineHarness';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each([
  ['in memory', () => createMemoryRateState()],
  ['in localStorage', () => createStoredRateState(new MemoryStore(), 'acme', 7)],
])('the account’s stated limit (%s)', (_, makeState: () => SharedRateState) => {
  it('is unknown until a response states it', () => {
    expect(makeState().accountLimit(NOW)).toBeNull();
  });

  it('keeps the remaining count for two minutes and the limit for a day', () => {
    const state = makeState();
    state.recordAccountLimit({ limit: 700, remaining: 120, at: NOW });
    expect(state.accountLimit(NOW + 2 * MINUTE)).toEqual({ limit: 700, remaining: 120, at: NOW });
    expect(state.accountLimit(NOW + 2 * MINUTE + 1)).toEqual({ limit: 700, remaining: null, at: NOW });
    expect(state.accountLimit(NOW + 24 * HOUR)).toEqual({ limit: 700, remaining: null, at: NOW });
    expect(state.accountLimit(NOW + 24 * HOUR + 1)).toBeNull();
  });

  it('keeps the newest reading when answers arrive out of order', () => {
    const state = makeState();
    state.recordAccountLimit({ limit: 700, remaining: 90, at: NOW + 1_000 });
    state.recordAccountLimit({ limit: 700, remaining: 600, at: NOW });
    expect(state.accountLimit(NOW + 2_000)?.remaining).toBe(90);
  });

  it.each([
    { limit: Number.NaN, remaining: 1, at: NOW },
    { limit: 0, remaining: 0, at: NOW },
    { limit: 1_000_001, remaining: 1, at: NOW },
    { limit: 200, remaining: 201, at: NOW },
    { limit: 200, remaining: Number.NaN, at: NOW },
  ])('ignores a reading that makes no sense: %o', (reading) => {
    const state = makeState();
    state.recordAccountLimit(reading);
    expect(state.accountLimit(NOW)).toBeNull();
  });

  it('does not answer with a reading from the future', () => {
    const state = makeState();
    state.recordAccountLimit({ limit: 200, remaining: 10, at: NOW + HOUR });
    expect(state.accountLimit(NOW)).toBeNull();
  });
});

describe('the stored limit', () => {
  it('is one per account, shared by every agent and tab of that account', () => {
    const store = new MemoryStore();
    createStoredRateState(store, 'acme', 7).recordAccountLimit({ limit: 400, remaining: 30, at: NOW });
    expect(JSON.parse(store.getItem('goalpost:v1:limit:acme') ?? 'null')).toEqual({
      limit: 400,
      remaining: 30,
      at: NOW,
    });
    expect(createStoredRateState(store, 'acme', 8).accountLimit(NOW)).toEqual({
      limit: 400,
      remaining: 30,
      at: NOW,
    });
    expect(createStoredRateState(store, 'globex', 7).accountLimit(NOW)).toBeNull();
  });

  it('replaces a stored reading from the future rather than keeping it for ever', () => {
    const store = new MemoryStore();
    store.setItem(
      'goalpost:v1:limit:acme',
      JSON.stringify({ limit: 40, remaining: 0, at: NOW + 365 * 24 * HOUR }),
    );
    const state = createStoredRateState(store, 'acme', 7);
    expect(state.accountLimit(NOW)).toBeNull();
    state.recordAccountLimit({ limit: 700, remaining: 500, at: NOW });
    expect(createStoredRateState(store, 'acme', 8).accountLimit(NOW)?.limit).toBe(700);
  });

  it('falls back to the tab’s own reading when storage throws', () => {
    const store = new MemoryStore();
    store.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    store.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const state = createStoredRateState(store, 'acme', 7);
    state.recordAccountLimit({ limit: 400, remaining: 30, at: NOW });
    expect(state.accountLimit(NOW + MINUTE)).toEqual({ limit: 400, remaining: 30, at: NOW });
    // Past two minutes the limit is still this tab's to use.
    expect(state.accountLimit(NOW + 3 * MINUTE)).toEqual({ limit: 400, remaining: null, at: NOW });
  });
});
