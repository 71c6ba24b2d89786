import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { ANNA, BEN, handMadeAccount, NOW } from './handMadeAccount';

function setup() {
  const fake = new FakeZendesk(42, NOW, handMadeAccount());
  fake.indexLagSeconds = 0;
  fake.budgetPerMinute = 10_000;
  const search = (query: string, agentId = ANNA) =>
    fake.handle(agentId, 'GET', `/api/v2/search.json?query=${encodeURIComponent(query)}`);
  const ids = (query: string, agentId = ANNA) => {
    const response = search(query, agentId);
    expect(response.status).toBe(200);
    return (response.body as { results: { id: number }[] }).results.map((t) => t.id).sort((a, b) => a - b);
  };
  const count = (query: string, agentId = ANNA) =>
    (
      fake.handle(agentId, 'GET', `/api/v2/search/count?query=${encodeURIComponent(query)}`).body as {
        count: number;
      }
    ).count;
  return { fake, search, ids, count };
}

describe('search on a hand-made account', () => {
  it.each([
    ['assignee:me is the requesting agent', 'type:ticket assignee:me', [1, 2, 3, 6, 8]],
    ['assignee:<id> is that agent', 'type:ticket assignee:12', [4, 5, 7]],
    ['status<solved is the backlog (new, open, pending, hold)', 'type:ticket status<solved', [3, 5, 7]],
    ['status>=solved includes closed tickets', 'type:ticket status>=solved', [1, 2, 4, 6, 8]],
    ['status:closed is closed only', 'type:ticket status:closed', [2, 6, 8]],
    ['a repeated group: is OR', 'type:ticket group:1 group:2 status<solved', [3, 5, 7]],
    ['different keywords are AND', 'type:ticket assignee:me group:2', [3]],
    [
      'a solved window with UTC instants is half-open',
      'type:ticket solved>=2026-11-16T00:00:00Z solved<2026-11-17T09:00:00Z',
      [1],
    ],
    ['a solved window with dates', 'type:ticket solved>=2026-11-16 solved<2026-11-18', [1, 2]],
    ['created> a date', 'type:ticket created>2026-11-17', [3, 4, 5, 7]],
    ['updated> an instant', 'type:ticket updated>2026-11-18T09:00:00Z', [4, 7]],
    ['solved> a relative time: within the last 24 hours', 'type:ticket solved>24hours', [4]],
    ['satisfaction:good excludes good ratings with a comment', 'type:ticket satisfaction:good', [1]],
    ['satisfaction:goodwithcomment is the other half', 'type:ticket satisfaction:goodwithcomment', [2]],
    ['both good scores ORed', 'type:ticket satisfaction:good satisfaction:goodwithcomment', [1, 2]],
    ['both bad scores ORed', 'type:ticket satisfaction:bad satisfaction:badwithcomment', [4, 6]],
    ['satisfaction:offered is asked but not answered', 'type:ticket satisfaction:offered', [8]],
    ['an undocumented keyword is free text and matches nothing', 'type:ticket assignee_id:11', []],
  ])('%s', (_, query, expected) => {
    const { ids, count } = setup();
    expect(ids(query)).toEqual(expected);
    expect(count(query)).toBe(expected.length);
  });

  it('answers 400 with Zendesk’s body for a malformed query, and for a missing one', () => {
    const { fake, search } = setup();
    for (const query of ['type:ticket status:bogus', 'type:ticket solved>=last-week', 'type:ticket group:']) {
      const response = search(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body).toEqual({
        error: 'unavailable',
        description: 'Sorry, we could not complete your search query. Please try again in a moment.',
      });
    }
    expect(fake.handle(ANNA, 'GET', '/api/v2/search/count.json').status).toBe(400);
  });

  it('limits what a restricted agent’s searches see, silently, and users/me says so', () => {
    const { fake, ids } = setup();
    expect(ids('type:ticket group:1', BEN)).toEqual([1, 2, 4, 6, 8]);
    fake.restrict(BEN, 'assigned');
    expect(ids('type:ticket group:1', BEN)).toEqual([4]);
    fake.restrict(ANNA, 'groups');
    expect(ids('type:ticket assignee:12', ANNA)).toEqual([4]);
    const me = fake.handle(ANNA, 'GET', '/api/v2/users/me.json').body as {
      user: { ticket_restriction: string };
    };
    expect(me.user.ticket_restriction).toBe('groups');
  });

  it('adds SLA policy metrics only when asked with include=tickets(slas)', () => {
    const { fake } = setup();
    const query = encodeURIComponent('type:ticket assignee:me group:2');
    const plain = fake.handle(ANNA, 'GET', `/api/v2/search.json?query=${query}`).body as {
      results: Record<string, unknown>[];
    };
    expect(plain.results[0]).not.toHaveProperty('slas');
    const withSlas = fake.handle(ANNA, 'GET', `/api/v2/search.json?query=${query}&include=tickets(slas)`)
      .body as { results: { slas: { policy_metrics: unknown[] } }[] };
    expect(withSlas.results[0]?.slas.policy_metrics).toEqual([
      { breach_at: '2026-11-17T16:00:00Z', stage: 'active', metric: 'first_reply_time', hours: 8 },
    ]);
  });

  it('reports a rating’s comment in the ticket, and a new rating replaces the old one', () => {
    const { fake, ids } = setup();
    fake.rate(1, 'bad', 'Changed my mind.');
    expect(ids('type:ticket satisfaction:badwithcomment')).toEqual([1, 4]);
    const ticket = (
      fake.handle(ANNA, 'GET', '/api/v2/tickets/show_many.json?ids=1').body as {
        tickets: { satisfaction_rating: unknown }[];
      }
    ).tickets[0];
    expect(ticket?.satisfaction_rating).toEqual({ score: 'bad', id: 10, comment: 'Changed my mind.' });
  });
});

describe('users and groups', () => {
  it('lists an agent’s groups and memberships, the default group marked', () => {
    const { fake } = setup();
    const memberships = fake.handle(ANNA, 'GET', `/api/v2/users/${BEN}/group_memberships.json`).body as {
      group_memberships: { group_id: number; default: boolean }[];
    };
    expect(memberships.group_memberships.map((m) => [m.group_id, m.default])).toEqual([
      [1, true],
      [2, false],
    ]);
    const groups = fake.handle(ANNA, 'GET', `/api/v2/users/${BEN}/groups`).body as {
      groups: { id: number; name: string }[];
      count: number;
    };
    expect(groups.groups.map((g) => g.name)).toEqual(['Support EMEA', 'Billing']);
    expect(groups.count).toBe(2);
  });

  it('answers 404 for a user who does not exist', () => {
    const { fake } = setup();
    expect(fake.handle(ANNA, 'GET', '/api/v2/users/999/groups.json').status).toBe(404);
    expect(fake.handle(ANNA, 'GET', '/api/v2/users/999/group_memberships.json').status).toBe(404);
  });
});
