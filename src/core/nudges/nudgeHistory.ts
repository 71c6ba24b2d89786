/**
 * What the agent has done with nudges, kept per agent across reloads and tabs (JSON-serialisable).
 * `dismissedUntil`: nudge id → end of the period it was dismissed for (epoch ms).
 */
export interface NudgeHistory {
  dismissedUntil: Readonly<Record<string, number>>;
}

export const EMPTY_NUDGE_HISTORY: NudgeHistory = { dismissedUntil: {} };

export function dismissNudge(history: NudgeHistory, nudgeId: string, until: number): NudgeHistory {
  return { dismissedUntil: { ...history.dismissedUntil, [nudgeId]: until } };
}

export function isDismissed(history: NudgeHistory, nudgeId: string, now: number): boolean {
  const until = history.dismissedUntil[nudgeId];
  return until !== undefined && now < until;
}

/** Drops dismissals whose period has ended, so the history stays small. */
export function pruneHistory(history: NudgeHistory, now: number): NudgeHistory {
  return {
    dismissedUntil: Object.fromEntries(
      Object.entries(history.dismissedUntil).filter(([, until]) => until > now),
    ),
  };
}

/** Two tabs' histories combined: a nudge dismissed in either stays dismissed, for the longer period. */
export function mergeHistories(a: NudgeHistory, b: NudgeHistory): NudgeHistory {
  const merged: Record<string, number> = { ...a.dismissedUntil };
  for (const [id, until] of Object.entries(b.dismissedUntil)) merged[id] = Math.max(merged[id] ?? 0, until);
  return { dismissedUntil: merged };
}
