import * as v from 'valibot';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import { SATISFACTION_SCORES, TEAM_COUNT_KINDS, TICKET_STATUSES } from '../../core/goals/ticketFacts';

/** The part of Web Storage the engine uses; localStorage in the app, a Map in tests and benchmarks. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const VERSION = 1;

const instant = v.pipe(v.number(), v.finite());
const optionalInstant = v.nullable(instant);
const minutes = v.object({ calendar: v.nullable(v.number()), business: v.nullable(v.number()) });
const id = v.pipe(v.number(), v.safeInteger());
const TicketFactSchema = v.object({
  id,
  status: v.picklist(TICKET_STATUSES),
  assigneeId: v.nullable(id),
  groupId: v.nullable(id),
  createdAt: instant,
  updatedAt: instant,
  solvedAt: optionalInstant,
  satisfaction: v.nullable(v.picklist(SATISFACTION_SCORES)),
  firstReplyMinutes: minutes,
  fullResolutionMinutes: minutes,
  publicReplies: v.nullable(v.number()),
  reopens: v.nullable(v.number()),
  activeSlaBreachAt: optionalInstant,
});
const MAX_TICKETS = 20_000;
/** Every field of a stored snapshot checked: one null ticket must not crash every sidebar for a week. */
const CachedFiguresSchema = v.object({
  version: v.literal(VERSION),
  accountSubdomain: v.string(),
  agentId: id,
  refreshedAt: instant,
  /** When the last full fetch ran, so a reload does not refetch everything when a delta would do. */
  lastFullAt: v.optional(instant),
  snapshot: v.object({
    agentId: id,
    fetchedAt: instant,
    solvedSince: instant,
    solvedTickets: v.pipe(v.array(TicketFactSchema), v.maxLength(MAX_TICKETS)),
    openTickets: v.pipe(v.array(TicketFactSchema), v.maxLength(MAX_TICKETS)),
    teamCounts: v.array(
      v.object({
        kind: v.picklist(TEAM_COUNT_KINDS),
        start: optionalInstant,
        end: optionalInstant,
        groupIds: v.array(id),
        count: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    isTeamViewPartial: v.boolean(),
    gaps: v.optional(
      v.object({
        unreadableRecords: v.number(),
        ticketsWithoutMetrics: v.number(),
        isIncomplete: v.boolean(),
      }),
    ),
  }),
});
/** Older figures are not worth painting: a week-old backlog would mislead more than a spinner. */
export const CACHE_MAX_AGE_MS = 7 * 86_400_000;

export const cacheKey = (accountSubdomain: string, agentId: number) =>
  `goalpost:v${VERSION}:${accountSubdomain}:${agentId}`;

/**
 * Last good figures per account and agent. Ticket facts only (ids, statuses, times, scores): no subjects,
 * comments or names. A record is used only if it names the same account and agent as its key promises.
 */
export function readCachedSnapshot(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
  now: number,
): { snapshot: AgentSnapshot; refreshedAt: number; lastFullAt: number } | null {
  try {
    const raw = store.getItem(cacheKey(accountSubdomain, agentId));
    if (!raw) return null;
    const parsed = v.safeParse(CachedFiguresSchema, JSON.parse(raw));
    if (!parsed.success) return null;
    const cached = parsed.output;
    const isOurs =
      cached.accountSubdomain === accountSubdomain &&
      cached.agentId === agentId &&
      cached.snapshot.agentId === agentId &&
      // From the future (a clock moved back): its age is unknown, so its figures cannot be called fresh.
      cached.refreshedAt <= now &&
      now - cached.refreshedAt < CACHE_MAX_AGE_MS;
    if (!isOurs) return null;
    const lastFullAt = cached.lastFullAt ?? 0;
    return {
      snapshot: cached.snapshot,
      refreshedAt: cached.refreshedAt,
      // Never later than the figures themselves: a full fetch cannot postdate what it fetched.
      lastFullAt: lastFullAt <= cached.refreshedAt ? lastFullAt : 0,
    };
  } catch {
    return null;
  }
}

/** A snapshot from elsewhere (another tab's message), checked like a stored one. */
export function parseSnapshot(value: unknown): AgentSnapshot | null {
  const parsed = v.safeParse(CachedFiguresSchema.entries.snapshot, value);
  return parsed.success ? parsed.output : null;
}

export function discardCachedSnapshot(store: KeyValueStore, accountSubdomain: string, agentId: number): void {
  try {
    store.removeItem(cacheKey(accountSubdomain, agentId));
  } catch {
    // Blocked storage held nothing.
  }
}

export function writeCachedSnapshot(
  store: KeyValueStore,
  accountSubdomain: string,
  agentId: number,
  snapshot: AgentSnapshot,
  refreshedAt: number,
  lastFullAt = 0,
): void {
  const record = { version: VERSION, accountSubdomain, agentId, refreshedAt, lastFullAt, snapshot };
  try {
    store.setItem(cacheKey(accountSubdomain, agentId), JSON.stringify(record));
  } catch {
    // Storage full or blocked: the figures still show, they just won't paint instantly next time.
  }
}
