import type { SimTicket } from '../seed/seededAccount';

const minutesBetween = (from: number, to: number | null) =>
  to === null ? null : Math.round((to - from) / 60_000);

/** Business minutes: 09:00–17:00 UTC on weekdays (the demo account's schedule). */
export function businessMinutesBetween(from: number, to: number | null): number | null {
  if (to === null) return null;
  let total = 0;
  const day = 86_400_000;
  for (let start = Math.floor(from / day) * day; start < to; start += day) {
    const weekday = new Date(start).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const open = start + 9 * 3_600_000;
    const close = start + 17 * 3_600_000;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return Math.round(total / 60_000);
}

const iso = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A ticket in the API's shape (TicketObject in zendesk-support-oas.yaml). */
export function ticketJson(origin: string, ticket: SimTicket, includeSlas: boolean): Record<string, unknown> {
  const json: Record<string, unknown> = {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    type: 'question',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.subject,
    priority: 'normal',
    status: ticket.status,
    requester_id: ticket.requesterId,
    submitter_id: ticket.requesterId,
    assignee_id: ticket.assigneeId,
    organization_id: null,
    group_id: ticket.groupId,
    collaborator_ids: [],
    follower_ids: [],
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [],
    satisfaction_rating: {
      score: ticket.satisfaction,
      id: ticket.satisfaction === 'unoffered' ? null : ticket.id * 10,
      comment: ticket.satisfactionComment ?? null,
    },
    via: { channel: 'email' },
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
  };
  if (includeSlas) {
    json.slas = {
      policy_metrics:
        ticket.slaBreachAt === null
          ? []
          : [{ breach_at: iso(ticket.slaBreachAt), stage: 'active', metric: 'first_reply_time', hours: 8 }],
    };
  }
  return json;
}

/** A ticket's metric set (TicketMetricObject). */
export function metricSetJson(origin: string, ticket: SimTicket): Record<string, unknown> {
  const pair = (to: number | null) => ({
    calendar: minutesBetween(ticket.createdAt, to),
    business: businessMinutesBetween(ticket.createdAt, to),
  });
  return {
    url: `${origin}/api/v2/ticket_metrics/${ticket.id + 7_000_000}.json`,
    id: ticket.id + 7_000_000,
    ticket_id: ticket.id,
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
    group_stations: 1,
    assignee_stations: 1,
    reopens: ticket.reopens,
    replies: ticket.replies,
    assignee_updated_at: iso(ticket.updatedAt),
    requester_updated_at: iso(ticket.createdAt),
    status_updated_at: iso(ticket.updatedAt),
    initially_assigned_at: iso(ticket.createdAt),
    assigned_at: iso(ticket.createdAt),
    solved_at: iso(ticket.solvedAt),
    latest_comment_added_at: iso(ticket.firstReplyAt ?? ticket.createdAt),
    reply_time_in_minutes: pair(ticket.firstReplyAt),
    first_resolution_time_in_minutes: pair(ticket.solvedAt),
    full_resolution_time_in_minutes: pair(ticket.solvedAt),
    agent_wait_time_in_minutes: { calendar: 0, business: 0 },
    requester_wait_time_in_minutes: pair(ticket.solvedAt),
    on_hold_time_in_minutes: { calendar: 0, business: 0 },
  };
}
