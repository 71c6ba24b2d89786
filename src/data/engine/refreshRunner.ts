import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { ResponseMemo } from '../zendesk/fetchAgentSnapshot';
import type { EngineClock, SnapshotSource } from './engineTypes';

/**
 * A refresh cut short (429, outage) is resumed with the answers it got, if retried within this; later, its
 * start time is too old to stamp the figures with, and it starts afresh.
 */
const RESUME_WITHIN_MS = 10 * 60_000;
/** No fetch takes this long, even waiting politely for budget: a longer one means the clock was moved. */
const CLOCK_JUMP_MS = 20 * 60_000;

export interface RefreshInput {
  previous: AgentSnapshot | null;
  lastFullAt: number;
  /** The agent pressed Refresh: the slower-changing parts are fetched afresh too. */
  isAsked: boolean;
  /** On a first load, the agent's own figures as soon as they are in. */
  onPersonal?: (personal: AgentSnapshot, startedAt: number) => void;
}

export interface RefreshOutcome {
  snapshot: AgentSnapshot;
  /** When the figures are as of: the fetch's start, unless the clock jumped meanwhile. */
  stampedAt: number;
  /** When the last full fetch ran, after this one. */
  lastFullAt: number;
}

/**
 * The fetching job of the engine: full or delta, resumed with what an earlier attempt got, stamped honestly.
 * Throws the request layer's failure; whatever had arrived is kept for the next attempt.
 */
export function createRefreshRunner(
  source: SnapshotSource,
  clock: EngineClock,
  fullEveryMs: number,
  random: () => number,
) {
  // Each agent's full refetches drift apart (±25 %): a team that started at nine does not refetch in step.
  const drawFullGap = () => fullEveryMs * (0.75 + 0.5 * random());
  let fullGapMs = drawFullGap();
  let unfinished: { startedAt: number; isFull: boolean; memo: ResponseMemo } | null = null;

  return {
    /** One refresh, resuming the last one if it failed part-way a short while ago. */
    async run({ previous, lastFullAt, isAsked, onPersonal }: RefreshInput): Promise<RefreshOutcome> {
      const now = clock.now();
      const resumed =
        unfinished && now >= unfinished.startedAt && now - unfinished.startedAt < RESUME_WITHIN_MS
          ? unfinished
          : null;
      unfinished = null;
      const startedAt = resumed?.startedAt ?? now;
      const memo: ResponseMemo = resumed?.memo ?? new Map();
      const isFull =
        resumed?.isFull ??
        (!previous ||
          previous.solvedSince !== source.solvedSince(startedAt) ||
          startedAt - lastFullAt >= fullGapMs);
      try {
        const snapshot =
          isFull || !previous
            ? await source.full(startedAt, {
                memo,
                previous,
                onPersonal: onPersonal && ((personal) => onPersonal(personal, startedAt)),
              })
            : await source.changes(previous, startedAt, { memo, isAsked });
        // Figures are stamped with when their fetch began (a change made meanwhile is not covered by them) —
        // unless the clock jumped during the fetch, back or far forward: then its start means nothing now.
        const finishedAt = clock.now();
        const didClockJump = finishedAt < startedAt || finishedAt - startedAt > CLOCK_JUMP_MS;
        const stampedAt = didClockJump ? finishedAt : startedAt;
        if (isFull) fullGapMs = drawFullGap();
        return { snapshot, stampedAt, lastFullAt: isFull ? stampedAt : lastFullAt };
      } catch (failure) {
        // Whatever arrived before the failure is kept for the retry.
        if (memo.size > 0) unfinished = { startedAt, isFull, memo };
        throw failure;
      }
    },
  };
}
