/**
 * What the agent has done with nudges, kept per agent across reloads and tabs (JSON-serialisable).
 * `dismissedUntil`: nudge id → end of the period it was dismissed for (epoch ms).
 */
export interface NudgeHistory {
  dismissedUntil: Readonly<Record<string, number>>;
  /** nudge id → when it was last on screen; for the repeat interval and once-per-period celebrations. */
  lastShownAt?: Readonly<Record<string, number>>;
  /** nudge id → when it first appeared, and the end of its period. */
  firstShownAt?: Readonly<Record<string, { at: number; until: number }>>;
  /** nudge id → when the agent dismissed it: its slot stays empty for a while, so the sidebar calms down. */
  dismissedAt?: Readonly<Record<string, number>>;
}

export const EMPTY_NUDGE_HISTORY: NudgeHistory = { dismissedUntil: {} };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isInstant = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A stored history as far as it can be trusted: any entry that is not what we write (a null, a string, an
 * object of the wrong shape — an older build, a hand edit, a broken write) is dropped, the rest kept.
 */
export function sanitiseHistory(stored: unknown): NudgeHistory {
  const source = isRecord(stored) ? stored : {};
  const instants = (value: unknown): Record<string, number> =>
    Object.fromEntries(
      Object.entries(isRecord(value) ? value : {}).flatMap(([id, at]) =>
        isInstant(at) ? [[id, at] as const] : [],
      ),
    );
  const firsts = Object.entries(isRecord(source.firstShownAt) ? source.firstShownAt : {}).flatMap(
    ([id, first]) =>
      isRecord(first) && isInstant(first.at) && isInstant(first.until)
        ? [[id, { at: first.at, until: first.until }] as const]
        : [],
  );
  return {
    dismissedUntil: instants(source.dismissedUntil),
    lastShownAt: instants(source.lastShownAt),
    firstShownAt: Object.fromEntries(firsts),
    dismissedAt: instants(source.dismissedAt),
  };
}

export function dismissNudge(
  history: NudgeHistory,
  nudgeId: string,
  until: number,
  at: number,
): NudgeHistory {
  return {
    ...history,
    dismissedUntil: { ...history.dismissedUntil, [nudgeId]: until },
    dismissedAt: { ...history.dismissedAt, [nudgeId]: at },
  };
}

/** Notes which nudges are on screen now. */
export function recordShown(
  history: NudgeHistory,
  shown: readonly { id: string; periodEnd: number }[],
  now: number,
): NudgeHistory {
  const lastShownAt: Record<string, number> = { ...history.lastShownAt };
  const firstShownAt: Record<string, { at: number; until: number }> = { ...history.firstShownAt };
  for (const nudge of shown) {
    lastShownAt[nudge.id] = now;
    if (!firstShownAt[nudge.id]) firstShownAt[nudge.id] = { at: now, until: nudge.periodEnd };
  }
  return { ...history, lastShownAt, firstShownAt };
}

export function isDismissed(history: NudgeHistory, nudgeId: string, now: number): boolean {
  const until = history.dismissedUntil[nudgeId];
  return until !== undefined && now < until;
}

/** Longest the repeat interval can be set to (8 h) and then some: older "last shown" times decide nothing. */
const LAST_SHOWN_KEPT_MS = 24 * 3_600_000;

/**
 * Drops what no longer decides anything, so the history stays small: dismissals and first-shown marks whose
 * period has ended, and last-shown times older than any repeat interval. The rest must survive, or a reload
 * would celebrate the same goal again and bring nudges back sooner than the interval.
 */
export function pruneHistory(history: NudgeHistory, now: number): NudgeHistory {
  const keep = <T>(record: Readonly<Record<string, T>> = {}, isLive: (value: T) => boolean) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => isLive(value)));
  return {
    dismissedUntil: keep(history.dismissedUntil, (until) => until > now),
    lastShownAt: keep(history.lastShownAt, (at) => now - at < LAST_SHOWN_KEPT_MS),
    firstShownAt: keep(history.firstShownAt, (first) => first.until > now),
    dismissedAt: keep(history.dismissedAt, (at) => now - at < LAST_SHOWN_KEPT_MS),
  };
}

/** Two tabs' histories combined: a nudge dismissed in either stays dismissed, for the longer period. */
export function mergeHistories(a: NudgeHistory, b: NudgeHistory): NudgeHistory {
  const latest = (x: Readonly<Record<string, number>> = {}, y: Readonly<Record<string, number>> = {}) => {
    const merged: Record<string, number> = { ...x };
    for (const [id, at] of Object.entries(y)) merged[id] = Math.max(merged[id] ?? 0, at);
    return merged;
  };
  const firstShownAt: Record<string, { at: number; until: number }> = { ...a.firstShownAt };
  for (const [id, first] of Object.entries(b.firstShownAt ?? {})) {
    const other = firstShownAt[id];
    if (!other || first.at < other.at) firstShownAt[id] = first;
  }
  return {
    dismissedUntil: latest(a.dismissedUntil, b.dismissedUntil),
    lastShownAt: latest(a.lastShownAt, b.lastShownAt),
    firstShownAt,
    dismissedAt: latest(a.dismissedAt, b.dismissedAt),
  };
}
