import type { AgentSnapshot, TicketFact } from './ticketFacts';

/** A ticket the agent has just solved, before search (a minute or more behind) can confirm it. */
export interface PendingSolve {
  ticketId: number;
  solvedAt: number;
}

/** Unconfirmed solves older than this are dropped: the ticket was probably reopened, or search lags badly. */
export const PENDING_SOLVE_MAX_MS = 30 * 60_000;

/**
 * The snapshot as the agent knows it to be: their own solves counted at once, taken out of the backlog, and
 * never twice — a solve that search already returns is not added again.
 */
export function applyPendingSolves(
  snapshot: AgentSnapshot,
  pending: readonly PendingSolve[],
): { snapshot: AgentSnapshot; applied: readonly PendingSolve[] } {
  const confirmed = new Set(snapshot.solvedTickets.map((ticket) => ticket.id));
  const applied = pending.filter((solve) => !confirmed.has(solve.ticketId));
  if (applied.length === 0) return { snapshot, applied };
  const open = new Map(snapshot.openTickets.map((ticket) => [ticket.id, ticket]));
  const solvedNow = applied.map((solve): TicketFact => ({
    ...(open.get(solve.ticketId) ?? unknownTicket(solve, snapshot.agentId)),
    status: 'solved',
    solvedAt: solve.solvedAt,
    activeSlaBreachAt: null,
  }));
  const pendingIds = new Set(applied.map((solve) => solve.ticketId));
  return {
    snapshot: {
      ...snapshot,
      solvedTickets: [...snapshot.solvedTickets, ...solvedNow],
      openTickets: snapshot.openTickets.filter((ticket) => !pendingIds.has(ticket.id)),
    },
    applied,
  };
}

/** What is known of a solved ticket the snapshot never saw: its id, owner and time; no metrics yet. */
function unknownTicket(solve: PendingSolve, agentId: number): TicketFact {
  return {
    id: solve.ticketId,
    status: 'solved',
    assigneeId: agentId,
    groupId: null,
    createdAt: solve.solvedAt,
    updatedAt: solve.solvedAt,
    solvedAt: solve.solvedAt,
    satisfaction: null,
    firstReplyMinutes: { calendar: null, business: null },
    fullResolutionMinutes: { calendar: null, business: null },
    publicReplies: null,
    reopens: null,
    activeSlaBreachAt: null,
  };
}

/** Pending solves still worth keeping after a refresh: not yet confirmed, and not too old. */
export function reconcilePendingSolves(
  pending: readonly PendingSolve[],
  snapshot: AgentSnapshot,
  now: number,
): PendingSolve[] {
  const confirmed = new Set(snapshot.solvedTickets.map((ticket) => ticket.id));
  return pending.filter(
    (solve) =>
      !confirmed.has(solve.ticketId) && now - solve.solvedAt < PENDING_SOLVE_MAX_MS && solve.solvedAt <= now,
  );
}

/** Two tabs' pending solves together (each ticket once, its earliest time), less what `snapshot` confirms. */
export function mergePendingSolves(
  a: readonly PendingSolve[],
  b: readonly PendingSolve[],
  snapshot: AgentSnapshot | null,
): PendingSolve[] {
  const confirmed = new Set(snapshot?.solvedTickets.map((ticket) => ticket.id) ?? []);
  const byTicket = new Map<number, PendingSolve>();
  for (const solve of [...a, ...b]) {
    const known = byTicket.get(solve.ticketId);
    if (!confirmed.has(solve.ticketId) && (!known || solve.solvedAt < known.solvedAt))
      byTicket.set(solve.ticketId, solve);
  }
  return [...byTicket.values()];
}
