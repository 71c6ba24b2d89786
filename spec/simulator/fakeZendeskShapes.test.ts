import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import oas from './oasSchemas.json';

type Property = { type: string | null; nullable: boolean };
const schemas = oas.schemas as Record<string, Record<string, Property>>;
const AOIFE = 3720451;

/** Fields outside a schema that the API documents elsewhere: search adds `result_type`; `include=tickets(slas)` adds `slas`. */
const DOCUMENTED_EXTRAS: Record<string, string[]> = { TicketObject: ['result_type', 'slas'] };

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function expectShape(schemaName: string, object: Record<string, unknown>) {
  const schema = schemas[schemaName]!;
  for (const [field, value] of Object.entries(object)) {
    if (DOCUMENTED_EXTRAS[schemaName]?.includes(field)) continue;
    const property = schema[field];
    expect({ schemaName, field, documented: property !== undefined }).toEqual({
      schemaName,
      field,
      documented: true,
    });
    if (value === null)
      expect({
        field,
        nullable: property!.nullable || property!.type === 'object' || property!.type === 'string',
      }).toEqual({ field, nullable: true });
    else if (property!.type === 'number') expect(['integer', 'number']).toContain(jsonType(value));
    else if (property!.type)
      expect({ field, type: jsonType(value) }).toEqual({ field, type: property!.type });
  }
}

describe('the fake Zendesk API answers in the shapes of the official OpenAPI description', () => {
  const fake = new FakeZendesk();
  fake.indexLagSeconds = 0;
  const get = (url: string) => fake.handle(AOIFE, 'GET', url).body as Record<string, unknown>;

  it('search', () => {
    const body = get(
      `/api/v2/search.json?query=${encodeURIComponent('type:ticket assignee:me status<solved')}&include=tickets(slas)`,
    );
    expectShape('SearchResponse', body);
    const results = body.results as Record<string, unknown>[];
    expect(results.length).toBeGreaterThan(0);
    results.forEach((ticket) => expectShape('TicketObject', ticket));
  });

  it('search/count', () => {
    expectShape(
      'SearchCountResponse',
      get(`/api/v2/search/count.json?query=${encodeURIComponent('type:ticket status>=solved')}`),
    );
  });

  it('show_many with metric sets', () => {
    const body = get('/api/v2/tickets/show_many.json?ids=41000,41001&include=metric_sets');
    (body.tickets as Record<string, unknown>[]).forEach((ticket) => expectShape('TicketObject', ticket));
    (body.metric_sets as Record<string, unknown>[]).forEach((set) => expectShape('TicketMetricObject', set));
  });

  it('users/me and group memberships', () => {
    expectShape('UserForAdmin', get('/api/v2/users/me.json').user as Record<string, unknown>);
    (
      get(`/api/v2/users/${AOIFE}/group_memberships.json`).group_memberships as Record<string, unknown>[]
    ).forEach((m) => expectShape('GroupMembershipObject', m));
  });
});

describe('the fake Zendesk API behaves like Zendesk', () => {
  it('rejects page 11 of 100 (the 1,000-result cap) with 422 and a malformed query with 400', () => {
    const fake = new FakeZendesk();
    expect(
      fake.handle(AOIFE, 'GET', `/api/v2/search.json?query=type%3Aticket&per_page=100&page=11`).status,
    ).toBe(422);
    expect(
      fake.handle(AOIFE, 'GET', `/api/v2/search.json?query=${encodeURIComponent('type:ticket status<')}`)
        .status,
    ).toBe(400);
  });

  it('treats undocumented keywords as free text, which matches nothing', () => {
    const fake = new FakeZendesk();
    const count = (query: string) =>
      (
        fake.handle(AOIFE, 'GET', `/api/v2/search/count.json?query=${encodeURIComponent(query)}`).body as {
          count: number;
        }
      ).count;
    expect(count('type:ticket assignee:me')).toBeGreaterThan(0);
    expect(count(`type:ticket assignee_id:${AOIFE}`)).toBe(0);
  });

  it('ORs a repeated keyword and ANDs different ones', () => {
    const fake = new FakeZendesk();
    const count = (query: string) =>
      (
        fake.handle(AOIFE, 'GET', `/api/v2/search/count.json?query=${encodeURIComponent(query)}`).body as {
          count: number;
        }
      ).count;
    const good = fake.account.tickets.filter((t) => t.satisfaction === 'good').length;
    const bad = fake.account.tickets.filter((t) => t.satisfaction === 'bad').length;
    expect(count('type:ticket satisfaction:good satisfaction:bad')).toBe(good + bad);
    expect(count('type:ticket satisfaction:good group:360001234567')).toBe(
      fake.account.tickets.filter((t) => t.satisfaction === 'good' && t.groupId === 360001234567).length,
    );
  });

  it('shows a change to search only after the index lag; show_many sees it at once', () => {
    const fake = new FakeZendesk();
    fake.indexLagSeconds = 60;
    const ticket = fake.createTicket(AOIFE);
    fake.solve(ticket.id);
    const query = `/api/v2/search/count.json?query=${encodeURIComponent(`type:ticket assignee:me status>=solved solved>=${new Date(fake.now - 1000).toISOString()}`)}`;
    expect((fake.handle(AOIFE, 'GET', query).body as { count: number }).count).toBe(0);
    expect(
      (
        fake.handle(AOIFE, 'GET', `/api/v2/tickets/show_many.json?ids=${ticket.id}`).body as {
          tickets: { status: string }[];
        }
      ).tickets[0]?.status,
    ).toBe('solved');
    fake.advanceClock(61_000);
    expect((fake.handle(AOIFE, 'GET', query).body as { count: number }).count).toBe(1);
  });

  it('answers 429 with Retry-After once the per-minute budget is spent, and recovers next minute', () => {
    const fake = new FakeZendesk();
    fake.budgetPerMinute = 3;
    const statuses = Array.from({ length: 4 }, () => fake.handle(AOIFE, 'GET', '/api/v2/users/me.json'));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(Number(statuses[3]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(statuses[0]?.headers['x-rate-limit-remaining']).toBe('2');
    fake.advanceClock(60_000);
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(200);
  });

  it('injects faults: 500, malformed body, 403, and a hang', () => {
    const fake = new FakeZendesk();
    fake.fault = '500';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(500);
    fake.fault = 'malformed';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').text).toContain('<html>');
    fake.fault = '403';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').status).toBe(403);
    fake.fault = 'timeout';
    expect(fake.handle(AOIFE, 'GET', '/api/v2/users/me.json').hang).toBe(true);
  });
});
