import type { AgentSnapshot, TicketFact } from '../../src/core/goals/ticketFacts';

let nextId = 4500;

/** A realistic solved-or-open ticket with overridable fields; ids count up like Zendesk's. */
export function ticketFact(overrides: Partial<TicketFact> = {}): TicketFact {
  nextId += 1;
  return {
    id: nextId,
    status: 'solved',
    assigneeId: 3720451,
    groupId: 360001234567,
    createdAt: Date.parse('2026-11-18T08:05:00Z'),
    updatedAt: Date.parse('2026-11-18T11:40:00Z'),
    solvedAt: Date.parse('2026-11-18T11:40:00Z'),
    satisfaction: 'unoffered',
    firstReplyMinutes: { calendar: 95, business: 95 },
    fullResolutionMinutes: { calendar: 215, business: 215 },
    publicReplies: 2,
    reopens: 0,
    activeSlaBreachAt: null,
    ...overrides,
  };
}

export function snapshotOf(overrides: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return {
    agentId: 3720451,
    fetchedAt: Date.parse('2026-11-18T12:00:00Z'),
    solvedSince: Date.parse('2026-10-01T00:00:00Z'),
    solvedTickets: [],
    openTickets: [],
    teamCounts: [],
    isTeamViewPartial: false,
    ...overrides,
  };
}
