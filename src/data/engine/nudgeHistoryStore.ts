import type { NudgeHistory } from '../../core/nudges/nudgeHistory';
import {
  EMPTY_NUDGE_HISTORY,
  mergeHistories,
  pruneHistory,
  sanitiseHistory,
} from '../../core/nudges/nudgeHistory';
import { storageKeys } from '../storageKeys';
import type { KeyValueStore } from './snapshotCache';

export interface NudgeHistoryStore {
  read(now: number): NudgeHistory;
  write(history: NudgeHistory, now: number): void;
  clear(): void;
}

/**
 * Dismissed nudges per account and agent in localStorage, so a dismissal holds across reloads and every
 * ticket tab (tabs of one origin share the store; a write merges with what another tab saved meanwhile).
 */
export function createNudgeHistoryStore(
  storage: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
): NudgeHistoryStore {
  const key = storageKeys.nudgeHistory({ accountSubdomain, agentId });
  const load = (): NudgeHistory => {
    try {
      return sanitiseHistory(JSON.parse(storage.getItem(key) ?? 'null'));
    } catch {
      return EMPTY_NUDGE_HISTORY;
    }
  };
  return {
    read: (now) => pruneHistory(load(), now),
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        // Storage blocked: nothing stored either.
      }
    },
    write(history, now) {
      try {
        // Pruned after merging, so what the other tabs stored does not pile up either.
        storage.setItem(key, JSON.stringify(pruneHistory(mergeHistories(load(), history), now)));
      } catch {
        // Storage blocked: the dismissal holds for this tab only.
      }
    },
  };
}
