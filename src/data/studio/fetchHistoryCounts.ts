import * as v from 'valibot';
import type { HistoryCountRequest, HistoryQuestion } from '../../core/studio/historyChecks';
import type { KeyValueStore } from '../engine/snapshotCache';
import type { PoliteGet } from '../zendesk/politeRequest';
import { countUrl, satisfactionTerms, utc } from '../zendesk/searchQuery';
import { CountResponseSchema } from '../zendesk/zendeskSchemas';

/** A past period's count changes only if old tickets are reopened or moved: a day's cache is honest. */
const KEPT_MS = 24 * 3_600_000;

const StoredCountsSchema = v.record(
  v.string(),
  v.object({ count: v.pipe(v.number(), v.integer(), v.minValue(0)), at: v.pipe(v.number(), v.finite()) }),
);

/** One `search/count` per subject, past period and kind: a group's solves (or good or bad ratings), or one agent's. */
export function historyCountUrl(request: HistoryCountRequest): string {
  const who =
    request.subject.kind === 'group'
      ? `group:${request.subject.groupId}`
      : `assignee:${request.subject.agentId}`;
  return countUrl(
    [
      `type:ticket ${who} status>=solved solved>=${utc(request.start)} solved<${utc(request.end)}`,
      ...satisfactionTerms(request.kind),
    ].join(' '),
  );
}

export interface HistoryCounts {
  /** Requests a full check still has to send (the rest are cached): shown before the admin runs it. */
  cost(questions: readonly HistoryQuestion[]): number;
  /**
   * Counts per question, in its requests' order (null where a count could not be read). `onProgress` hears
   * how many of the requests still to send have been answered, so a long check shows it is moving.
   */
  fetch(
    questions: readonly HistoryQuestion[],
    onProgress?: (answered: number, total: number) => void,
  ): Promise<(number | null)[][]>;
}

/** The studio's history counts through the polite client, cached a day per account and viewer. */
export function createHistoryCounts(
  get: PoliteGet,
  store: KeyValueStore,
  cacheKey: string,
  now: () => number,
): HistoryCounts {
  const read = (): Record<string, { count: number; at: number }> => {
    try {
      const parsed = v.safeParse(StoredCountsSchema, JSON.parse(store.getItem(cacheKey) ?? '{}'));
      if (!parsed.success) return {};
      const at = now();
      return Object.fromEntries(
        Object.entries(parsed.output).filter(([, entry]) => entry.at <= at && at - entry.at < KEPT_MS),
      );
    } catch {
      return {};
    }
  };
  const urls = (questions: readonly HistoryQuestion[]) => [
    ...new Set(questions.flatMap((q) => q.requests.map(historyCountUrl))),
  ];
  return {
    cost: (questions) => {
      const cached = read();
      return urls(questions).filter((url) => !(url in cached)).length;
    },
    async fetch(questions, onProgress) {
      const counts = read();
      const missing = urls(questions).filter((url) => !(url in counts));
      let answered = 0;
      onProgress?.(answered, missing.length);
      for (const url of missing) {
        const body = v.safeParse(CountResponseSchema, await get(url).catch(() => null));
        answered += 1;
        onProgress?.(answered, missing.length);
        if (!body.success) continue;
        counts[url] = { count: body.output.count, at: now() };
        try {
          store.setItem(cacheKey, JSON.stringify(counts));
        } catch {
          // Storage full or blocked: counted again next time.
        }
      }
      return questions.map((q) =>
        q.requests.map((request) => counts[historyCountUrl(request)]?.count ?? null),
      );
    },
  };
}
