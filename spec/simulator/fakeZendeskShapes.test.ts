import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import oas from './oasSchemas.json';

type Property = { type: string | null; nullable: boolean };
const schemas = oas.schemas as Record<string, Record<string, Property>>;
const AOIFE = 3720451;
const OAS_YAML = join(__dirname, '../../../shared/reference/zendesk-support-oas.yaml');

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

describe('the extracted schema lists', () => {
  (existsSync(OAS_YAML) ? it : it.skip)('match the OpenAPI description they were extracted from', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oas-')), 'schemas.json');
    execFileSync('node', [join(__dirname, '../../scripts/extract-oas-schemas.mjs'), OAS_YAML, out]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(oas);
  });

  it('hold the fields Goalpost reads', () => {
    expect(Object.keys(schemas.SearchResponse!).sort()).toEqual([
      'count',
      'facets',
      'next_page',
      'previous_page',
      'results',
    ]);
    expect(schemas.TicketMetricObject).toMatchObject({
      reply_time_in_minutes: { type: 'object' },
      full_resolution_time_in_minutes: { type: 'object' },
      replies: { type: 'integer' },
      reopens: { type: 'integer' },
    });
  });
});

describe('the fake Zendesk API answers in the shapes of the official OpenAPI description', () => {
  const fake = new FakeZendesk();
  fake.indexLagSeconds = 0;
  fake.budgetPerMinute = 10_000;
  const get = (url: string) => fake.handle(AOIFE, 'GET', url).body as Record<string, unknown>;

  it('search, with SLAs and ratings', () => {
    const body = get(
      `/api/v2/search.json?query=${encodeURIComponent('type:ticket assignee:me')}&include=tickets(slas)`,
    );
    expectShape('SearchResponse', body);
    expect(body.facets).toBeNull();
    const results = body.results as Record<string, unknown>[];
    expect(results).toHaveLength(100);
    results.forEach((ticket) => expectShape('TicketObject', ticket));
    results.forEach((ticket) => expect(ticket.result_type).toBe('ticket'));
    const rated = results.find((t) => (t.satisfaction_rating as { score: string }).score === 'good');
    expect(Object.keys(rated!.satisfaction_rating as object).sort()).toEqual(['comment', 'id', 'score']);
    const backlog = get(
      `/api/v2/search.json?query=${encodeURIComponent('type:ticket assignee:me status:new')}&include=tickets(slas)`,
    );
    const open = backlog.results as Record<string, unknown>[];
    expect(open.length).toBeGreaterThan(0);
    for (const ticket of open) {
      const [metric] = (ticket.slas as { policy_metrics: Record<string, unknown>[] }).policy_metrics;
      expect(metric).toEqual({
        breach_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        stage: 'active',
        metric: 'first_reply_time',
        hours: 8,
      });
    }
  });

  it('search/count', () => {
    expectShape(
      'SearchCountResponse',
      get(`/api/v2/search/count.json?query=${encodeURIComponent('type:ticket status>=solved')}`),
    );
  });

  it('show_many with metric sets, and one ticket’s metrics', () => {
    const body = get('/api/v2/tickets/show_many.json?ids=41000,41001&include=metric_sets');
    (body.tickets as Record<string, unknown>[]).forEach((ticket) => expectShape('TicketObject', ticket));
    const sets = body.metric_sets as Record<string, unknown>[];
    expect(sets.map((s) => s.ticket_id)).toEqual([41000, 41001]);
    sets.forEach((set) => expectShape('TicketMetricObject', set));
    for (const set of sets)
      for (const pair of ['reply_time_in_minutes', 'full_resolution_time_in_minutes'])
        expect(Object.keys(set[pair] as object).sort()).toEqual(['business', 'calendar']);
    // The live API answers one object, not the array the spec shows (a known spec bug).
    const single = get('/api/v2/tickets/41000/metrics.json').ticket_metric as Record<string, unknown>;
    expectShape('TicketMetricObject', single);
    expect(single.ticket_id).toBe(41000);
  });

  it('users/me, group memberships and groups', () => {
    expectShape('UserForAdmin', get('/api/v2/users/me.json').user as Record<string, unknown>);
    (
      get(`/api/v2/users/${AOIFE}/group_memberships.json`).group_memberships as Record<string, unknown>[]
    ).forEach((m) => expectShape('GroupMembershipObject', m));
    const groups = get(`/api/v2/users/${AOIFE}/groups.json`).groups as Record<string, unknown>[];
    expect(groups.length).toBeGreaterThan(0);
    groups.forEach((g) => expectShape('GroupObject', g));
    const members = get(`/api/v2/groups/${String(groups[0]?.id)}/memberships.json`)
      .group_memberships as Record<string, unknown>[];
    expect(members.length).toBeGreaterThan(1);
    members.forEach((m) => expectShape('GroupMembershipObject', m));
  });
});
