/** No wait is trusted beyond this: a `Retry-After: 1e9` (31 years) must not silence the sidebar for good. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;
/** Even `Retry-After: 0` waits a moment, so a 429 never turns into a tight loop. */
export const MIN_RETRY_AFTER_MS = 1_000;

/**
 * How long to wait after a 429 or 503, from its `Retry-After` (RFC 9110 §10.2.3: delta-seconds, a
 * non-negative integer, or an HTTP-date). Missing, empty or unreadable values get `fallbackMs`; the result
 * is kept between MIN_RETRY_AFTER_MS and MAX_RETRY_AFTER_MS.
 */
export function retryAfterMs(header: string | undefined, now: number, fallbackMs: number): number {
  const value = (header ?? '').trim();
  let wait = fallbackMs;
  if (/^\d+$/.test(value)) wait = Number(value) * 1000;
  else if (value !== '' && /[a-z]/i.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) wait = at - now;
  }
  if (!Number.isFinite(wait)) wait = MAX_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, wait));
}
