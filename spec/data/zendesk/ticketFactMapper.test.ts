import * as v from 'valibot';
import { toTicketFact } from '../../../src/data/zendesk/ticketFactMapper';
import { MetricSetSchema, SearchTicketSchema } from '../../../src/data/zendesk/zendeskSchemas';

const searchResult = {
  url: 'https://acme.zendesk.com/api/v2/tickets/35436.json',
  id: 35436,
  result_type: 'ticket',
  subject: 'Invoice shows the wrong VAT number',
  status: 'open',
  assignee_id: 235323,
  group_id: 98738,
  created_at: '2026-11-20T09:12:00Z',
  updated_at: '2026-11-21T10:00:00Z',
  satisfaction_rating: { score: 'offered', id: 9, comment: null },
  slas: {
    policy_metrics: [
      { breach_at: '2026-11-21T17:12:00Z', stage: 'achieved', metric: 'first_reply_time', hours: 8 },
      { breach_at: '2026-11-22T09:12:00Z', stage: 'active', metric: 'next_reply_time', hours: 24 },
      { breach_at: '2026-11-22T08:00:00Z', stage: 'active', metric: 'periodic_update_time', hours: 24 },
    ],
  },
};

describe('toTicketFact', () => {
  it('keeps what goals need and nothing else (no subject), taking the earliest active SLA target', () => {
    const fact = toTicketFact(v.parse(SearchTicketSchema, searchResult), undefined);
    expect(fact).toEqual({
      id: 35436,
      status: 'open',
      assigneeId: 235323,
      groupId: 98738,
      createdAt: Date.parse('2026-11-20T09:12:00Z'),
      updatedAt: Date.parse('2026-11-21T10:00:00Z'),
      solvedAt: null,
      satisfaction: 'offered',
      firstReplyMinutes: { calendar: null, business: null },
      fullResolutionMinutes: { calendar: null, business: null },
      publicReplies: null,
      reopens: null,
      activeSlaBreachAt: Date.parse('2026-11-22T08:00:00Z'),
    });
    expect(JSON.stringify(fact)).not.toContain('VAT');
  });

  it('reads an unreplied, unsolved ticket’s metric set as nulls, and a rated one’s score with comment as good/bad', () => {
    const metrics = v.parse(MetricSetSchema, {
      ticket_id: 35436,
      reply_time_in_minutes: { calendar: null, business: null },
      full_resolution_time_in_minutes: { calendar: null, business: null },
      replies: 0,
      reopens: 0,
      solved_at: null,
    });
    const fact = toTicketFact(
      v.parse(SearchTicketSchema, { ...searchResult, satisfaction_rating: { score: 'badwithcomment' } }),
      metrics,
    );
    expect(fact).toMatchObject({
      firstReplyMinutes: { calendar: null, business: null },
      publicReplies: 0,
      solvedAt: null,
      satisfaction: 'bad',
    });
    expect(
      toTicketFact(v.parse(SearchTicketSchema, { ...searchResult, satisfaction_rating: null }), metrics)
        .satisfaction,
    ).toBeNull();
  });

  it('rejects a result that is not a ticket in the documented shape', () => {
    expect(v.safeParse(SearchTicketSchema, { ...searchResult, status: 'archived' }).success).toBe(false);
    expect(v.safeParse(SearchTicketSchema, { ...searchResult, id: '35436' }).success).toBe(false);
  });
});
