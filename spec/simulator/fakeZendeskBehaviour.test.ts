import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';

const AOIFE = 3720451;
const JONAS = 3720452;
const EMEA = 360001234567;
const BILLING = 360001234569;

const countOf = (fake: FakeZendesk, query: string, agentId = AOIFE) => {
  const response = fake.handle(
    agentId,
    'GET',
    `/api/v2/search/count.json?query=${encodeURIComponent(query)}`,
  );
  return (response.body as { count: number }).count;
};

function seeded() {
  const fake = new FakeZendesk();
  fake.budgetPerMinute = 100_000;
  return fake;
}

describe('counts agree with the seeded tickets', () => {
  const fake = seeded();
  const tickets = fake.account.tickets;
  const monday = Date.parse('2026-11-16T00:00:00Z');
  const week = `solved>=2026-11-16T00:00:00Z solved<2026-11-23T00:00:00Z`;

  it.each([
    [
      'my backlog',
      'type:ticket assignee:me status<solved',
      () => tickets.filter((t) => t.assigneeId === AOIFE && t.solvedAt === null),
    ],
    [
      'my solves this week',
      `type:ticket assignee:me status>=solved ${week}`,
      () => tickets.filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= monday),
    ],
    [
      'the team’s good ratings this week (both good scores)',
      `type:ticket group:${EMEA} group:${BILLING} status>=solved ${week} satisfaction:good satisfaction:goodwithcomment`,
      () =>
        tickets.filter(
          (t) =>
            (t.groupId === EMEA || t.groupId === BILLING) &&
            t.solvedAt !== null &&
            t.solvedAt >= monday &&
            t.satisfaction === 'good',
        ),
    ],
    [
      'Jonas’s bad ratings ever',
      `type:ticket assignee:${JONAS} satisfaction:bad satisfaction:badwithcomment`,
      () => tickets.filter((t) => t.assigneeId === JONAS && t.satisfaction === 'bad'),
    ],
  ])('%s', (_, query, independently) => {
    const expected = independently();
    expect(expected.length).toBeGreaterThan(0);
    expect(countOf(fake, query)).toBe(expected.length);
  });

  it('splits the good ratings between good and goodwithcomment, as on live accounts', () => {
    const good = countOf(fake, 'type:ticket satisfaction:good');
    const withComment = countOf(fake, 'type:ticket satisfaction:goodwithcomment');
    expect(good).toBeGreaterThan(0);
    expect(withComment).toBeGreaterThan(0);
    expect(good + withComment).toBe(tickets.filter((t) => t.satisfaction === 'good').length);
  });
});

describe('pagination', () => {
  it('walks next_page through every result once, with the true count on each page', () => {
    const fake = seeded();
    const query = encodeURIComponent('type:ticket group:360001234568');
    const total = fake.account.tickets.filter((t) => t.groupId === 360001234568).length;
    expect(total).toBeGreaterThan(250);
    expect(total).toBeLessThan(1000);
    const seen: number[] = [];
    let url: string | null = `/api/v2/search.json?query=${query}&per_page=100`;
    let pages = 0;
    while (url) {
      const body = fake.handle(AOIFE, 'GET', url).body as {
        results: { id: number }[];
        count: number;
        next_page: string | null;
        previous_page: string | null;
      };
      expect(body.count).toBe(total);
      expect(body.previous_page === null).toBe(pages === 0);
      seen.push(...body.results.map((t) => t.id));
      url = body.next_page;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(total / 100));
    expect(new Set(seen).size).toBe(total);
  });

  it('gives next_page as an absolute URL on the account that keeps the query', () => {
    const fake = seeded();
    const body = fake.handle(AOIFE, 'GET', '/api/v2/search.json?query=type%3Aticket&per_page=100').body as {
      next_page: string;
    };
    const next = new URL(body.next_page);
    expect(next.origin).toBe('https://goalpost-demo.zendesk.com');
    expect(next.searchParams.get('query')).toBe('type:ticket');
    expect(next.searchParams.get('page')).toBe('2');
  });

  it('caps a page at 100 results whatever per_page asks', () => {
    const fake = seeded();
    const body = fake.handle(AOIFE, 'GET', '/api/v2/search.json?query=type%3Aticket&per_page=500').body as {
      results: unknown[];
    };
    expect(body.results).toHaveLength(100);
  });

  it('serves page 10 of 100 but answers page 11 with 422 (the 1,000-result cap), and stops next_page there', () => {
    const fake = seeded();
    expect(fake.account.tickets.length).toBeGreaterThan(1000);
    const page10 = fake.handle(AOIFE, 'GET', '/api/v2/search.json?query=type%3Aticket&per_page=100&page=10');
    expect(page10.status).toBe(200);
    expect((page10.body as { next_page: string | null; count: number }).next_page).toBeNull();
    expect((page10.body as { count: number }).count).toBe(fake.account.tickets.length);
    const page11 = fake.handle(AOIFE, 'GET', '/api/v2/search.json?query=type%3Aticket&per_page=100&page=11');
    expect(page11.status).toBe(422);
  });
});

describe('search index lag', () => {
  it('shows a solve to search only after the lag; show_many sees it at once', () => {
    const fake = seeded();
    fake.indexLagSeconds = 60;
    const ticket = fake.account.tickets.find((t) => t.assigneeId === AOIFE && t.status === 'open')!;
    const backlog = countOf(fake, 'type:ticket assignee:me status<solved');
    fake.solve(ticket.id);
    // Search still sees the ticket as it was indexed: open, in the backlog.
    expect(countOf(fake, 'type:ticket assignee:me status<solved')).toBe(backlog);
    const live = fake.handle(AOIFE, 'GET', `/api/v2/tickets/show_many.json?ids=${ticket.id}`).body as {
      tickets: { status: string }[];
    };
    expect(live.tickets[0]?.status).toBe('solved');
    fake.advanceClock(59_000);
    expect(countOf(fake, 'type:ticket assignee:me status<solved')).toBe(backlog);
    fake.advanceClock(1_000);
    expect(countOf(fake, 'type:ticket assignee:me status<solved')).toBe(backlog - 1);
  });

  it('keeps a new ticket out of search until indexed, and follows a changed lag', () => {
    const fake = seeded();
    fake.indexLagSeconds = 300;
    const before = countOf(fake, 'type:ticket assignee:me');
    fake.createTicket(AOIFE);
    fake.advanceClock(120_000);
    expect(countOf(fake, 'type:ticket assignee:me')).toBe(before);
    fake.indexLagSeconds = 60;
    expect(countOf(fake, 'type:ticket assignee:me')).toBe(before + 1);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once the per-minute budget is spent, and recovers next minute', () => {
    const fake = new FakeZendesk();
    fake.budgetPerMinute = 3;
    const answers = Array.from({ length: 4 }, () => fake.handle(AOIFE, 'GET', '/api/v2/users/me.json'));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers['x-rate-limit-remaining'])).toEqual(['2', '1', '0', '0']);
    expect(answers.every((r) => r.headers['x-rate-limit'] === '3')).toBe(true);
    expect(answers[3]?.headers['retry-after']).toBe('60');
    fake.advanceClock(45_000);
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').headers['retry-after']).toBe('15');
    fake.advanceClock(15_000);
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(200);
  });

  it('shares the budget between agents, as Zendesk’s per-account limit does', () => {
    const fake = new FakeZendesk();
    fake.budgetPerMinute = 2;
    fake.handle(AOIFE, 'GET', '/api/v2/users/me.json');
    fake.handle(JONAS, 'GET', '/api/v2/users/me.json');
    expect(fake.handle(JONAS, 'GET', '/api/v2/users/me.json').status).toBe(429);
  });
});

describe('injected faults', () => {
  it('answers 500, a malformed body, 403 and no answer at all', () => {
    const fake = seeded();
    fake.fault = '500';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(500);
    fake.fault = 'malformed';
    const malformed = fake.handle(AOIFE, 'GET', '/api/v2/users/me.json');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text ?? '')).toThrow();
    fake.fault = '403';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(403);
    fake.fault = 'timeout';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').hang).toBe(true);
    fake.fault = 'none';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(200);
  });

  it('hits only the chosen agent when the fault is scoped to one (a restricted agent’s 403)', () => {
    const fake = seeded();
    fake.fault = '403';
    fake.faultAgentId = JONAS;
    expect(fake.handle(JONAS, 'GET', '/api/v2/users/me.json').status).toBe(403);
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(200);
  });

  it('logs every request with its agent, instance, path and status', () => {
    const fake = seeded();
    fake.handle(AOIFE, 'GET', 'https://goalpost-demo.zendesk.com/api/v2/users/me.json', 'tab-41000');
    fake.fault = 'timeout';
    fake.handle(AOIFE, 'GET', '/api/v2/users/me.json', 'tab-41001');
    expect(fake.log).toEqual([
      {
        at: fake.now,
        agentId: AOIFE,
        instance: 'tab-41000',
        method: 'GET',
        path: '/api/v2/users/me.json',
        status: 200,
      },
      {
        at: fake.now,
        agentId: AOIFE,
        instance: 'tab-41001',
        method: 'GET',
        path: '/api/v2/users/me.json',
        status: 0,
      },
    ]);
  });
});
