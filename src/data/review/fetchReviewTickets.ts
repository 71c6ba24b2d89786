import type { TicketFact } from '../../core/goals/ticketFacts';
import type { ReviewWindow } from '../../core/review/reviewSummary';
import { fetchAgentSnapshot } from '../zendesk/fetchAgentSnapshot';
import type { PoliteGet } from '../zendesk/politeRequest';
import type { Assignee } from '../zendesk/searchQuery';

/**
 * The solved tickets of one agent in a review window, with their metric sets: the sidebar's own search and
 * `show_many` (a request per 100 tickets, twice), fetched only when a summary is opened. An agent asks for
 * `assignee:me`; a lead or admin for `assignee:<id>`.
 */
export async function fetchReviewTickets(
  get: PoliteGet,
  assignee: Assignee,
  window: ReviewWindow,
  now: number,
): Promise<{ tickets: readonly TicketFact[]; isIncomplete: boolean }> {
  const until = Math.min(window.end, now + 60_000);
  const snapshot = await fetchAgentSnapshot(
    get,
    typeof assignee === 'number' ? assignee : 0,
    { solvedSince: window.start, ownCounts: [], teamCounts: [], backlogNeedsMetricSets: false },
    now,
    { assignee, solvedUntil: until, skipBacklog: true },
  );
  return { tickets: snapshot.solvedTickets, isIncomplete: snapshot.gaps?.isIncomplete ?? false };
}
