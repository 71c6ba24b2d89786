import type { RefreshRequests } from '../../../src/data/engine/refreshPolicy';
import {
  coveredBy,
  firstTryAt,
  isDue,
  NO_REQUESTS,
  nextTryAfter,
  withRequest,
} from '../../../src/data/engine/refreshPolicy';

const NOW = Date.parse('2026-11-18T10:00:00Z');
const SECOND = 1_000;
const MINUTE = 60_000;
const context = (now: number, refreshedAt = NOW - 10 * MINUTE) => ({
  now,
  indexLagMs: 70 * SECOND,
  refreshMs: 5 * MINUTE,
  shared: { isRefreshing: false, refreshedAt },
});

describe('the refresh policy', () => {
  it('turns a burst of saves into one re-check after the index lag, and a long stream into a follow-up', () => {
    let requests: RefreshRequests = NO_REQUESTS;
    for (const at of [0, 10, 25]) requests = withRequest(requests, 'ticketSaved', context(NOW + at * SECOND));
    expect(requests.recheck).toEqual({ at: NOW + 95 * SECOND, firstSaveAt: NOW });
    requests = withRequest(requests, 'ticketSaved', context(NOW + 40 * SECOND));
    expect(requests.recheck?.at).toBe(NOW + 95 * SECOND);
    expect(requests.followUpRecheckAt).toBe(NOW + 110 * SECOND);
    // Figures fetched after the first re-check cover it; the follow-up becomes the next re-check.
    const after = coveredBy(requests, NOW + 96 * SECOND, 70 * SECOND);
    expect(after).toEqual({
      pending: null,
      recheck: { at: NOW + 110 * SECOND, firstSaveAt: NOW + 40 * SECOND },
      followUpRecheckAt: null,
    });
  });

  it('ignores opening or showing a sidebar while the figures are younger than the refresh interval', () => {
    const fresh = context(NOW, NOW - 4 * MINUTE);
    expect(withRequest(NO_REQUESTS, 'visible', fresh)).toBe(NO_REQUESTS);
    expect(withRequest(NO_REQUESTS, 'manual', fresh).pending).toEqual({ reason: 'manual', at: NOW });
    expect(withRequest(NO_REQUESTS, 'visible', context(NOW, NOW - 5 * MINUTE)).pending?.reason).toBe(
      'visible',
    );
  });

  it('lets the agent’s Try again cut a back-off short, but never a 429’s Retry-After', () => {
    const requests = withRequest(NO_REQUESTS, 'manual', context(NOW));
    const due = (error: { kind: 'timeout' } | { kind: 'rateLimited'; retryAt: number }) =>
      isDue({
        now: NOW,
        shared: { nextTryAt: NOW + MINUTE, error, refreshedAt: NOW - 10 * MINUTE },
        requests,
        isAnyoneLooking: true,
        refreshMs: 5 * MINUTE,
        quietRefreshes: 0,
      });
    expect(due({ kind: 'timeout' })).toBe(true);
    expect(due({ kind: 'rateLimited', retryAt: NOW + MINUTE })).toBe(false);
  });

  it('never polls when nobody is looking, and stretches the timer after quiet refreshes', () => {
    const at = (minutesSinceRefresh: number, quietRefreshes: number, isAnyoneLooking = true) =>
      isDue({
        now: NOW,
        shared: { nextTryAt: 0, error: null, refreshedAt: NOW - minutesSinceRefresh * MINUTE },
        requests: NO_REQUESTS,
        isAnyoneLooking,
        refreshMs: 5 * MINUTE,
        quietRefreshes,
      });
    expect(at(60, 0, false)).toBe(false);
    expect(at(5, 0)).toBe(true);
    expect(at(9, 1)).toBe(false);
    expect(at(10, 1)).toBe(true);
    expect(at(14, 5)).toBe(false);
    expect(at(15, 5)).toBe(true);
  });

  it('waits for Retry-After after a 429, and backs off with equal jitter otherwise', () => {
    expect(nextTryAfter({ kind: 'rateLimited', retryAt: NOW + 58 * SECOND }, 1, NOW, () => 0)).toBe(
      NOW + 58 * SECOND,
    );
    expect(nextTryAfter({ kind: 'timeout' }, 1, NOW, () => 0)).toBe(NOW + 15 * SECOND);
    expect(nextTryAfter({ kind: 'timeout' }, 3, NOW, () => 1)).toBe(NOW + 120 * SECOND);
    expect(nextTryAfter({ kind: 'timeout' }, 40, NOW, () => 1)).toBe(NOW + 10 * MINUTE);
  });

  it('spreads a session’s first refresh only over stale cached figures', () => {
    expect(firstTryAt(null, NOW, 5 * MINUTE, 15 * MINUTE, () => 0.5)).toBe(0);
    expect(firstTryAt(NOW - MINUTE, NOW, 5 * MINUTE, 15 * MINUTE, () => 0.5)).toBe(0);
    expect(firstTryAt(NOW - 16 * 60 * MINUTE, NOW, 5 * MINUTE, 15 * MINUTE, () => 0.5)).toBe(
      NOW + 7.5 * MINUTE,
    );
  });
});
