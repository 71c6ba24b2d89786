import type { DataError } from '../engineState';

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
