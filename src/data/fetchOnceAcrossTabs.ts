import * as v from 'valibot';
import type { KeyValueStore } from './engine/snapshotCache';

const FetchLeaseSchema = v.object({ until: v.pipe(v.number(), v.finite()), holder: v.optional(v.string()) });

export interface WaitTiming {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const POLL_MS = 500;

function isLeaseLive(store: KeyValueStore, leaseKey: string, now: number, leaseMs: number): boolean {
  try {
    const lease = v.safeParse(FetchLeaseSchema, JSON.parse(store.getItem(leaseKey) ?? 'null'));
    // A lease reaching further than any tab writes one (a clock moved back, a hand edit) is no lease.
    return lease.success && lease.output.until > now && lease.output.until <= now + leaseMs;
  } catch {
    return false;
  }
}

/**
 * Something every tab needs but one tab should fetch (profile, admin history): tabs opened together find a
 * short lease in storage and wait for the first tab's result in the cache instead of asking Zendesk again.
 * If that tab dies, its lease runs out and the next one fetches.
 */
export async function fetchOnceAcrossTabs<T>(options: {
  store: KeyValueStore;
  leaseKey: string;
  timing: WaitTiming;
  readCached: () => T | null;
  /** `stillFetching` renews the lease: a long fetch calls it as it goes, so the others keep waiting. */
  fetch: (stillFetching: () => void) => Promise<T>;
  leaseMs?: number;
}): Promise<T> {
  const { store, leaseKey, timing, readCached } = options;
  const leaseMs = options.leaseMs ?? 20_000;
  const cached = readCached();
  if (cached !== null) return cached;
  while (isLeaseLive(store, leaseKey, timing.now(), leaseMs)) {
    await timing.sleep(POLL_MS);
    const fetched = readCached();
    if (fetched !== null) return fetched;
  }
  const holder = `${timing.now()}:${Math.random()}`;
  const claim = () => {
    try {
      store.setItem(leaseKey, JSON.stringify({ until: timing.now() + leaseMs, holder }));
    } catch {
      // Blocked storage: this tab fetches on its own.
    }
  };
  claim();
  try {
    return await options.fetch(claim);
  } finally {
    try {
      // Only our own lease: another tab may have taken over after ours ran out.
      const lease = v.safeParse(FetchLeaseSchema, JSON.parse(store.getItem(leaseKey) ?? 'null'));
      if (lease.success && lease.output.holder === holder) store.removeItem(leaseKey);
    } catch {
      // The lease expires by itself.
    }
  }
}
