import * as v from 'valibot';
import { storageKeys } from '../storageKeys';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import type { TicketFact } from '../../core/goals/ticketFacts';
import {
  OWN_COUNT_KINDS,
  SATISFACTION_SCORES,
  TEAM_COUNT_KINDS,
  TICKET_STATUSES,
} from '../../core/goals/ticketFacts';

/** The part of Web Storage the engine uses; localStorage in the app, a Map in tests and benchmarks. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const VERSION = 2;

const instant = v.pipe(v.number(), v.finite());
const optionalInstant = v.nullable(instant);
const minutes = v.object({ calendar: v.nullable(v.number()), business: v.nullable(v.number()) });
const id = v.pipe(v.number(), v.safeInteger());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
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
const snapshotFields = {
  agentId: id,
  fetchedAt: instant,
  solvedSince: instant,
  ownCounts: v.pipe(
    v.array(
      v.object({
        kind: v.picklist(OWN_COUNT_KINDS),
        start: instant,
        end: instant,
        groupIds: v.nullable(v.array(id)),
        count,
      }),
    ),
    v.maxLength(100),
  ),
  teamCounts: v.pipe(
    v.array(
      v.object({
        kind: v.picklist(TEAM_COUNT_KINDS),
        start: optionalInstant,
        end: optionalInstant,
        groupIds: v.array(id),
        count,
      }),
    ),
    v.maxLength(100),
  ),
  countsFetchedAt: instant,
  isTeamViewPartial: v.boolean(),
  gaps: v.optional(
    v.object({
      unreadableRecords: v.number(),
      ticketsWithoutMetrics: v.number(),
      isIncomplete: v.boolean(),
    }),
  ),
};
/** A snapshot as tabs send it to each other (structured clone: size does not matter, shape does). */
const SnapshotSchema = v.object({
  ...snapshotFields,
  solvedTickets: v.pipe(v.array(TicketFactSchema), v.maxLength(MAX_TICKETS)),
  openTickets: v.pipe(v.array(TicketFactSchema), v.maxLength(MAX_TICKETS)),
});

/**
 * A ticket as stored: one tuple, times in whole seconds before the snapshot's fetch, enums as indexes.
 * About 4× smaller than the object form, so a busy agent's month fits in localStorage beside other apps.
 */
const seconds = v.nullable(v.pipe(v.number(), v.integer()));
const StoredTicketSchema = v.tuple([
  id,
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(TICKET_STATUSES.length - 1)),
  v.nullable(id),
  v.nullable(id),
  seconds, // created
  seconds, // updated
  seconds, // solved
  v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(SATISFACTION_SCORES.length - 1))),
  v.nullable(v.number()), // first reply, calendar minutes
  v.nullable(v.number()), // first reply, business minutes
  v.nullable(v.number()), // full resolution, calendar
  v.nullable(v.number()), // full resolution, business
  v.nullable(v.number()), // public replies
  v.nullable(v.number()), // reopens
  seconds, // active SLA breach
]);
type StoredTicket = v.InferOutput<typeof StoredTicketSchema>;

/** Every field of a stored snapshot checked: one null ticket must not crash every sidebar for a week. */
const CachedFiguresSchema = v.object({
  version: v.literal(VERSION),
  accountSubdomain: v.string(),
  agentId: id,
  refreshedAt: instant,
  /** When the last full fetch ran, so a reload does not refetch everything when a delta would do. */
  lastFullAt: instant,
  snapshot: v.object({
    ...snapshotFields,
    solvedTickets: v.pipe(v.array(StoredTicketSchema), v.maxLength(MAX_TICKETS)),
    openTickets: v.pipe(v.array(StoredTicketSchema), v.maxLength(MAX_TICKETS)),
  }),
});

function packTicket(ticket: TicketFact, base: number): StoredTicket {
  const time = (at: number | null) => (at === null ? null : Math.round((base - at) / 1000));
  return [
    ticket.id,
    TICKET_STATUSES.indexOf(ticket.status),
    ticket.assigneeId,
    ticket.groupId,
    time(ticket.createdAt),
    time(ticket.updatedAt),
    time(ticket.solvedAt),
    ticket.satisfaction === null ? null : SATISFACTION_SCORES.indexOf(ticket.satisfaction),
    ticket.firstReplyMinutes.calendar,
    ticket.firstReplyMinutes.business,
    ticket.fullResolutionMinutes.calendar,
    ticket.fullResolutionMinutes.business,
    ticket.publicReplies,
    ticket.reopens,
    time(ticket.activeSlaBreachAt),
  ];
}

function unpackTicket(stored: StoredTicket, base: number): TicketFact {
  const [ticketId, status, assigneeId, groupId, created, updated, solved, satisfaction] = stored;
  const time = (ago: number | null) => (ago === null ? null : base - ago * 1000);
  return {
    id: ticketId,
    status: TICKET_STATUSES[status] ?? 'open',
    assigneeId,
    groupId,
    createdAt: time(created) ?? base,
    updatedAt: time(updated) ?? base,
    solvedAt: time(solved),
    satisfaction: satisfaction === null ? null : (SATISFACTION_SCORES[satisfaction] ?? null),
    firstReplyMinutes: { calendar: stored[8], business: stored[9] },
    fullResolutionMinutes: { calendar: stored[10], business: stored[11] },
    publicReplies: stored[12],
    reopens: stored[13],
    activeSlaBreachAt: time(stored[14]),
  };
}

/** Older figures are not worth painting: a week-old backlog would mislead more than a spinner. */
export const CACHE_MAX_AGE_MS = 7 * 86_400_000;

export const cacheKey = (accountSubdomain: string, agentId: number) =>
  storageKeys.figures({ accountSubdomain, agentId });

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
    const { lastFullAt } = cached;
    const base = cached.snapshot.fetchedAt;
    return {
      snapshot: {
        ...cached.snapshot,
        solvedTickets: cached.snapshot.solvedTickets.map((t) => unpackTicket(t, base)),
        openTickets: cached.snapshot.openTickets.map((t) => unpackTicket(t, base)),
      },
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
  const parsed = v.safeParse(SnapshotSchema, value);
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
): CacheWrite {
  const base = snapshot.fetchedAt;
  const record = {
    version: VERSION,
    accountSubdomain,
    agentId,
    refreshedAt,
    lastFullAt,
    snapshot: {
      ...snapshot,
      solvedTickets: snapshot.solvedTickets.map((t) => packTicket(t, base)),
      openTickets: snapshot.openTickets.map((t) => packTicket(t, base)),
    },
  };
  return writeOrFreeSpace(store, cacheKey(accountSubdomain, agentId), JSON.stringify(record));
}

/** Whether the figures were stored, and if not, why: the engine says so instead of failing silently. */
export type CacheWrite = 'stored' | 'storedAfterFreeingSpace' | 'notStored';

/**
 * Writes a value; when storage refuses, drops the previous copy of this entry (a replacement may briefly need
 * room for both) and tries once more. Other entries, ours or other apps', are never touched.
 */
function writeOrFreeSpace(store: KeyValueStore, key: string, value: string): CacheWrite {
  try {
    store.setItem(key, value);
    return 'stored';
  } catch {
    // Full or blocked: fall through.
  }
  try {
    store.removeItem(key);
    store.setItem(key, value);
    return 'storedAfterFreeingSpace';
  } catch {
    // Storage full or blocked: the figures still show, they just won't paint instantly next time.
    return 'notStored';
  }
}
