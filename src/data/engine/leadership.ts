import * as v from 'valibot';
import type { KeyValueStore } from './snapshotCache';

/**
 * Which of an agent's sidebars talks to Zendesk. Exactly one at a time, handed on when it closes or dies.
 * `check()` is called on every engine tick: it renews what needs renewing and says whether this tab leads.
 */
export interface Leadership {
  check(now: number): boolean;
  /** Gives leadership up at once (the tab is closing), so the next tab need not wait for it to expire. */
  release(now: number): void;
}

/** The part of the Web Locks API used: `navigator.locks` in browsers that have it. */
export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

/**
 * Leadership through the Web Locks API: the first tab to ask holds the lock, the others queue, and the
 * browser hands it on when the holder closes or crashes. No storage write is needed, so a full or blocked
 * localStorage cannot leave an agent without a leader.
 */
export function lockLeadership(locks: LockManagerLike, name: string): Leadership {
  let isHeld = false;
  let isReleased = false;
  let letGo: () => void = () => undefined;
  locks
    .request(name, () => {
      if (isReleased) return Promise.resolve();
      isHeld = true;
      return new Promise<void>((resolve) => {
        letGo = resolve;
      });
    })
    .catch(() => {
      // The lock manager refused (a sandboxed or opaque origin): this tab stays a follower.
    });
  return {
    check: () => isHeld && !isReleased,
    release() {
      isReleased = true;
      isHeld = false;
      letGo();
    },
  };
}

const LeaseSchema = v.object({ holder: v.string(), expiresAt: v.pipe(v.number(), v.finite()) });
type Lease = v.InferOutput<typeof LeaseSchema>;

/** A leader that stops renewing its lease (tab frozen, crashed) is replaced after this. */
export const LEASE_MS = 15_000;

/**
 * Leadership through a lease in localStorage, for browsers without Web Locks. When storage refuses writes
 * no tab could ever hold a lease, so a tab that finds no live lease of another leads by itself: figures
 * still load and refresh, at worst once per tab instead of once per agent.
 */
export function leaseLeadership(storage: KeyValueStore, key: string, holder: string): Leadership {
  const read = (now: number): Lease | null => {
    try {
      const parsed = v.safeParse(LeaseSchema, JSON.parse(storage.getItem(key) ?? 'null'));
      // No tab writes a lease longer than LEASE_MS: one reaching further (a clock moved back, a hand edit)
      // would stop all fetching until then, so it counts as no lease at all.
      return parsed.success && parsed.output.expiresAt <= now + LEASE_MS ? parsed.output : null;
    } catch {
      return null;
    }
  };
  return {
    check(now) {
      const lease = read(now);
      if (lease && lease.holder !== holder && lease.expiresAt > now) return false;
      try {
        storage.setItem(key, JSON.stringify({ holder, expiresAt: now + LEASE_MS }));
      } catch {
        return true;
      }
      // Re-read: when two tabs race, the last writer wins and the other steps back.
      return read(now)?.holder === holder;
    },
    release(now) {
      try {
        if (read(now)?.holder === holder) storage.removeItem(key);
      } catch {
        // Blocked storage held no lease of ours.
      }
    },
  };
}
