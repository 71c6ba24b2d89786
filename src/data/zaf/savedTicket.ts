import * as v from 'valibot';

/** The ticket ZAF's `get('ticket')` describes after a save: only what decides whether it is the agent's solve. */
const TicketSchema = v.looseObject({
  id: v.pipe(v.number(), v.safeInteger()),
  status: v.string(),
  assignee: v.nullish(v.looseObject({ user: v.nullish(v.looseObject({ id: v.nullish(v.number()) })) })),
});
export type SavedTicket = v.InferOutput<typeof TicketSchema>;

export function readSavedTicket(value: unknown): SavedTicket | null {
  const parsed = v.safeParse(TicketSchema, value);
  return parsed.success ? parsed.output : null;
}

/** Solved (or closed) and assigned to this agent: a solve of their own, to count at once. */
export function isOwnSolve(ticket: SavedTicket, agentId: number): boolean {
  return (ticket.status === 'solved' || ticket.status === 'closed') && ticket.assignee?.user?.id === agentId;
}
