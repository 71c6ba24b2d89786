import type { KeyValueStore } from './engine/snapshotCache';
import type { LastBoard } from './lastBoard';
import { LAST_BOARD_VERSION, readLastBoard } from './lastBoard';
import { storageKeys } from './storageKeys';

// Keeping the board is the full sidebar's work; the first paint only reads it (lastBoard.ts, in main.js).

export interface LastBoardStore {
  read(now: number): LastBoard | null;
  save(board: LastBoard): void;
  clear(): void;
}

/** The last board of one agent on one account (its key names both). */
export function createLastBoardStore(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
): LastBoardStore {
  const key = storageKeys.lastBoard({ accountSubdomain, agentId });
  let lastWritten: string | null = null;
  return {
    read: (now) => readLastBoard(store, accountSubdomain, agentId, now),
    save(board) {
      // The board is redrawn every 30 s with the same figures: write only what changed.
      const { savedAt, ...figures } = board;
      const fingerprint = JSON.stringify(figures);
      if (fingerprint === lastWritten) return;
      try {
        store.setItem(key, JSON.stringify({ version: LAST_BOARD_VERSION, board: { ...figures, savedAt } }));
        lastWritten = fingerprint;
      } catch {
        // Storage full or blocked: the next sidebar shows "Loading" first, nothing worse.
      }
    },
    clear() {
      lastWritten = null;
      try {
        store.removeItem(key);
      } catch {
        // Nothing to forget.
      }
    },
  };
}
