import type { DataError } from '../engineState';
import type { HttpResponse } from '../zaf/zafClient';
import { retryAfterMs } from './retryAfter';

/** Thrown by the request layer; carries the typed reason the UI words. */
export class RequestFailure extends Error {
  constructor(readonly error: DataError) {
    super(`Zendesk request failed: ${error.kind}`);
    this.name = 'RequestFailure';
  }
}

export function dataErrorOf(failure: unknown): DataError {
  return failure instanceof RequestFailure ? failure.error : { kind: 'network' };
}

/**
 * Throws the typed failure of a direct (non-polite) call's error status: refused, rate-limited (with its
 * Retry-After), or a server error. Other statuses are the caller's to read.
 */
export function throwOnErrorStatus(response: HttpResponse, now = Date.now()): void {
  if (response.status === 401 || response.status === 403) throw new RequestFailure({ kind: 'forbidden' });
  if (response.status === 429)
    throw new RequestFailure({
      kind: 'rateLimited',
      retryAt: now + retryAfterMs(response.headers['retry-after'], now, 60_000),
    });
  if (response.status >= 500) throw new RequestFailure({ kind: 'serverError', status: response.status });
}
