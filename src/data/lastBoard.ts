import type { SnapshotGaps } from '../core/goals/ticketFacts';
import type { GoalProgress } from '../core/metrics/goalProgress';
import type { NudgeCandidate } from '../core/nudges/nudgeRules';
import type { GoalTrend } from '../core/trends/goalTrend';
import type { KeyValueStore } from './engine/snapshotCache';
import { storageKeys } from './storageKeys';

/**
 * A nudge as it was worded on the board. The first paint shows the sentence as it was, so the bundle it loads
 * in carries no nudge texts (about 1 KB gzip in every language); the engine's board words them afresh.
 */
export type KeptNudge = NudgeCandidate & { text: string };

/**
 * The board this agent's sidebar last showed, as plain data: the next sidebar paints it at once, before the
 * engine, settings parser and goal evaluation (a later chunk) have loaded, and replaces it when they have.
 * Settings problems are left out: they quote the settings text, which is never stored.
 */
export interface LastBoard {
  /** When the board was drawn (epoch ms). */
  savedAt: number;
  /** The agent's Zendesk locale it was worded in: a board in another language is not painted. */
  locale: string;
  /** When its figures were fetched: the footer says how old they are. */
  refreshedAt: number;
  progress: GoalProgress[];
  nudges: KeptNudge[];
  pendingSolveCount: number;
  gaps: SnapshotGaps | null;
  isTeamViewPartial: boolean;
  trends: GoalTrend[];
}

/** Older figures are not worth a first paint: the sidebar says it is loading instead. */
export const LAST_BOARD_MAX_AGE_MS = 12 * 3_600_000;

/** 2: nudges kept as worded, with the board's locale. An older record is not painted, and is overwritten. */
export const LAST_BOARD_VERSION = 2;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A goal row's fields the first paint reads before anything else. */
function isDrawable(p: unknown): p is Record<string, unknown> {
  return (
    isRecord(p) &&
    isRecord(p.goal) &&
    typeof p.goal.scope === 'string' &&
    typeof p.goal.metric === 'string' &&
    typeof p.goal.period === 'string' &&
    typeof p.goal.target === 'number' &&
    typeof p.status === 'string' &&
    typeof p.fraction === 'number' &&
    typeof p.sampleSize === 'number' &&
    (p.value === null || typeof p.value === 'number')
  );
}

/**
 * Whether a stored board can be painted now: this format, drawn in the past, figures under
 * LAST_BOARD_MAX_AGE_MS old, and no goal's period over since (yesterday's "today" is not today's).
 * The check is lighter than a schema (no validation library in the first paint): the record is this app's
 * own; a damaged one fails here or in the first paint's error boundary, and the engine's board replaces it.
 */
function paintable(stored: unknown, now: number): LastBoard | null {
  if (!isRecord(stored) || stored.version !== LAST_BOARD_VERSION || !isRecord(stored.board)) return null;
  const board = stored.board as unknown as LastBoard;
  if (
    typeof board.savedAt !== 'number' ||
    typeof board.refreshedAt !== 'number' ||
    typeof board.locale !== 'string' ||
    !Array.isArray(board.progress) ||
    !Array.isArray(board.nudges) ||
    !Array.isArray(board.trends)
  )
    return null;
  if (board.savedAt > now || now - board.refreshedAt > LAST_BOARD_MAX_AGE_MS) return null;
  const periodsStillRunning = board.progress.every(
    (p) => isDrawable(p) && (p.bounds === null || (isRecord(p.bounds) && Number(p.bounds.end) > now)),
  );
  const nudgesStillDue = board.nudges.every(
    (n) => isRecord(n) && typeof n.text === 'string' && Number(n.periodEnd) > now,
  );
  return periodsStillRunning && nudgesStillDue ? board : null;
}

/** The last board of one agent on one account, if it can be painted now (see paintable). */
export function readLastBoard(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
  now: number,
): LastBoard | null {
  try {
    return paintable(
      JSON.parse(store.getItem(storageKeys.lastBoard({ accountSubdomain, agentId })) ?? 'null'),
      now,
    );
  } catch {
    return null;
  }
}
