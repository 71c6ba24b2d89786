import type { DurationMinutes, TicketFact } from '../goals/ticketFacts';
import type { TimeBasis } from '../settings/appSettings';
import type { PeriodBounds } from './goalProgress';

/** A measured value and how many tickets (or ratings) it rests on. */
export interface Measurement {
  value: number | null;
  sampleSize: number;
}

/** Solved tickets whose solve falls in the window; a ticket solved then closed counts once. */
export function solvedInWindow(tickets: readonly TicketFact[], bounds: PeriodBounds): TicketFact[] {
  return tickets.filter(
    (ticket) =>
      (ticket.status === 'solved' || ticket.status === 'closed') &&
      ticket.solvedAt !== null &&
      ticket.solvedAt >= bounds.start &&
      ticket.solvedAt < bounds.end,
  );
}

export interface CsatMeasurement extends Measurement {
  good: number;
  bad: number;
}

/** CSAT = good / (good + bad), over rated tickets; offered-but-unanswered surveys do not count. */
export function csatOf(solved: readonly TicketFact[]): CsatMeasurement {
  const good = solved.filter((ticket) => ticket.satisfaction === 'good').length;
  const bad = solved.filter((ticket) => ticket.satisfaction === 'bad').length;
  return csatFromCounts(good, bad);
}

export function csatFromCounts(good: number, bad: number): CsatMeasurement {
  const sampleSize = good + bad;
  return { good, bad, sampleSize, value: sampleSize > 0 ? (good / sampleSize) * 100 : null };
}

/** Median; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Median minutes on the admin's chosen clock; tickets where that clock has no reading are left out. */
export function medianMinutes(
  solved: readonly TicketFact[],
  pick: (ticket: TicketFact) => DurationMinutes,
  basis: TimeBasis,
): Measurement {
  const values = solved
    .map((ticket) => pick(ticket)[basis])
    .filter((minutes): minutes is number => minutes !== null);
  return { value: median(values), sampleSize: values.length };
}

function share(
  tickets: readonly TicketFact[],
  isKnown: (t: TicketFact) => boolean,
  counts: (t: TicketFact) => boolean,
): Measurement {
  const known = tickets.filter(isKnown);
  const hits = known.filter(counts).length;
  return { value: known.length > 0 ? (hits / known.length) * 100 : null, sampleSize: known.length };
}

/**
 * One-touch rate: solved tickets with exactly one public agent reply. Zendesk's own figure counts fewer
 * than two, which credits tickets solved with no reply at all — a perverse incentive we do not copy.
 */
export function oneTouchRate(solved: readonly TicketFact[]): Measurement {
  return share(
    solved,
    (t) => t.publicReplies !== null,
    (t) => t.publicReplies === 1,
  );
}

/** Share of solved tickets that were reopened at least once. */
export function reopenRate(solved: readonly TicketFact[]): Measurement {
  return share(
    solved,
    (t) => t.reopens !== null,
    (t) => (t.reopens ?? 0) > 0,
  );
}

const WAITING_ON_AGENT = new Set(['new', 'open']);

/** Unsolved assigned tickets, and the one waiting on the agent longest since its last update. */
export function backlogOf(
  open: readonly TicketFact[],
): Measurement & { oldestWaiting: { ticketId: number; since: number } | null } {
  const unsolved = open.filter((t) => t.status !== 'solved' && t.status !== 'closed');
  const waiting = unsolved.filter((t) => WAITING_ON_AGENT.has(t.status));
  const oldest = waiting.reduce<TicketFact | null>(
    (best, t) => (best === null || t.updatedAt < best.updatedAt ? t : best),
    null,
  );
  return {
    value: unsolved.length,
    sampleSize: unsolved.length,
    oldestWaiting: oldest ? { ticketId: oldest.id, since: oldest.updatedAt } : null,
  };
}

/** Open tickets whose active SLA target is already past. */
export function slaBreachesNow(open: readonly TicketFact[], now: number): Measurement {
  const breached = open.filter((t) => t.activeSlaBreachAt !== null && t.activeSlaBreachAt <= now).length;
  return { value: breached, sampleSize: open.length };
}
