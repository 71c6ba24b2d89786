import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../../src/data/zendesk/retryAfter';

const now = Date.parse('2026-11-18T10:00:00Z');
const fallback = 60_000;

describe('retryAfterMs (RFC 9110 Retry-After)', () => {
  it.each([
    ['40', 40_000],
    [' 36 ', 36_000],
    ['0', 1_000],
    ['Wed, 18 Nov 2026 10:00:20 GMT', 20_000],
    ['Wed, 18 Nov 2026 09:00:00 GMT', 1_000],
    ['1e9', fallback],
    ['-5', fallback],
    ['3.5', fallback],
    ['', fallback],
    ['   ', fallback],
    ['soon', fallback],
    [undefined, fallback],
    ['999999999999', MAX_RETRY_AFTER_MS],
    ['Fri, 01 Jan 2100 00:00:00 GMT', MAX_RETRY_AFTER_MS],
    ['9'.repeat(400), MAX_RETRY_AFTER_MS],
  ])('waits the right time for %j', (header, expected) => {
    expect(retryAfterMs(header, now, fallback)).toBe(expected);
  });
});
