import type { SatisfactionScore, TicketFact } from '../../core/goals/ticketFacts';
import type { MetricSet, SearchTicket } from './zendeskSchemas';

const SCORES: Readonly<Record<string, SatisfactionScore>> = {
  good: 'good',
  goodwithcomment: 'good',
  bad: 'bad',
  badwithcomment: 'bad',
  offered: 'offered',
  unoffered: 'unoffered',
};

const instant = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const duration = (value: { calendar?: number | null; business?: number | null } | null | undefined) => ({
  calendar: value?.calendar ?? null,
  business: value?.business ?? null,
});

/** A search result plus its metric set (if any) → the facts the core needs. No subject, no comments, no names. */
export function toTicketFact(ticket: SearchTicket, metrics: MetricSet | undefined): TicketFact {
  const activeBreaches = (ticket.slas?.policy_metrics ?? [])
    .filter((metric) => metric.stage === 'active')
    .map((metric) => instant(metric.breach_at))
    .filter((at): at is number => at !== null);
  return {
    id: ticket.id,
    status: ticket.status,
    assigneeId: ticket.assignee_id ?? null,
    groupId: ticket.group_id ?? null,
    createdAt: instant(ticket.created_at) ?? 0,
    updatedAt: instant(ticket.updated_at) ?? 0,
    solvedAt: instant(metrics?.solved_at),
    satisfaction: ticket.satisfaction_rating?.score
      ? (SCORES[ticket.satisfaction_rating.score] ?? null)
      : null,
    firstReplyMinutes: duration(metrics?.reply_time_in_minutes),
    fullResolutionMinutes: duration(metrics?.full_resolution_time_in_minutes),
    publicReplies: metrics?.replies ?? null,
    reopens: metrics?.reopens ?? null,
    activeSlaBreachAt: activeBreaches.length > 0 ? Math.min(...activeBreaches) : null,
  };
}
