import { FakeCustomObjects } from './customObjects';
import type { SeededAccount, SimAgent, SimScore, SimTicket } from '../seed/seededAccount';
import { seedAccount } from '../seed/seededAccount';
import type { ParsedQuery, SearchTerm } from './searchQueryParser';
import { parseSearchDate, parseSearchQuery, QuerySyntaxError } from './searchQueryParser';
import { metricSetJson, ticketJson } from './ticketJson';

export const FAULTS = ['none', '500', 'timeout', 'malformed', '403'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body, or raw text for malformed answers; `null` with `hang` = never answers (timeout). */
  body: unknown;
  text?: string;
  hang?: boolean;
}

export interface LoggedRequest {
  at: number;
  agentId: number;
  instance: string;
  method: string;
  path: string;
  status: number;
}

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
/** Search's satisfaction values: the score, and whether the rating came with a comment (null = either). */
const SATISFACTION_SEARCH: Record<string, { score: SimScore; withComment: boolean | null }> = {
  good: { score: 'good', withComment: false },
  goodwithcomment: { score: 'good', withComment: true },
  bad: { score: 'bad', withComment: false },
  badwithcomment: { score: 'bad', withComment: true },
  offered: { score: 'offered', withComment: null },
  unoffered: { score: 'unoffered', withComment: null },
};

export const TICKET_RESTRICTIONS = [null, 'groups', 'assigned'] as const;

/** A required parameter is missing: Zendesk answers 400. */
class MissingParameterError extends Error {}

interface Version {
  at: number;
  ticket: SimTicket;
}

/**
 * An in-memory Zendesk Support API for one account, faithful to the official spec where Goalpost touches it:
 * search and search/count (with index lag), show_many with metric sets, users/me, group memberships,
 * a per-minute rate limit answered with 429 + Retry-After, and injectable faults.
 */
export class FakeZendesk {
  readonly account: SeededAccount;
  now: number;
  indexLagSeconds = 60;
  budgetPerMinute = 200;
  /** Custom objects (the app keeps agents' answers on their goals in one). */
  readonly customObjects = new FakeCustomObjects(() => this.now);
  fault: Fault = 'none';
  /** The one agent whose requests the fault hits (e.g. a 403 for a restricted agent); null = everyone's. */
  faultAgentId: number | null = null;
  readonly log: LoggedRequest[] = [];
  private versions = new Map<number, Version[]>();
  private windowStart = 0;
  private windowCount = 0;

  /** A seeded account, or `account` as given (hand-made data for tests). */
  constructor(seed = 42, now?: number, account?: SeededAccount) {
    this.account = account ?? seedAccount(seed, now);
    this.now = this.account.now;
    for (const ticket of this.account.tickets)
      this.versions.set(ticket.id, [{ at: -Infinity, ticket: { ...ticket } }]);
  }

  agent(agentId: number): SimAgent | undefined {
    return this.account.agents.find((a) => a.id === agentId);
  }

  live(ticketId: number): SimTicket | undefined {
    return this.versions.get(ticketId)?.at(-1)?.ticket;
  }

  /** Every ticket as it is now (seeded and created in the simulator). */
  liveTickets(): SimTicket[] {
    return [...this.versions.values()].map((versions) => versions.at(-1)!.ticket);
  }

  /** What search sees: each ticket as it was when last indexed (changes take indexLagSeconds to appear). */
  searchableTickets(): SimTicket[] {
    const visibleBefore = this.now - this.indexLagSeconds * 1000;
    const result: SimTicket[] = [];
    for (const versions of this.versions.values()) {
      const indexed = [...versions].reverse().find((v) => v.at <= visibleBefore);
      if (indexed) result.push(indexed.ticket);
    }
    return result;
  }

  private change(ticketId: number, update: (ticket: SimTicket) => SimTicket): SimTicket {
    const current = this.live(ticketId);
    if (!current) throw new Error(`no ticket ${ticketId}`);
    const next = update({ ...current });
    next.updatedAt = this.now;
    this.versions.get(ticketId)?.push({ at: this.now, ticket: next });
    return next;
  }

  // --- what an agent does in the simulator ---

  createTicket(agentId: number): SimTicket {
    const agent = this.agent(agentId);
    const id = Math.max(...this.versions.keys()) + 1;
    const ticket: SimTicket = {
      id,
      subject: 'New question from a customer',
      status: 'open',
      requesterId: 990001,
      assigneeId: agentId,
      groupId: agent?.defaultGroupId ?? this.account.groups[0]!.id,
      createdAt: this.now,
      updatedAt: this.now,
      solvedAt: null,
      firstReplyAt: null,
      replies: 0,
      reopens: 0,
      satisfaction: 'unoffered',
      slaBreachAt: this.now + 8 * 3_600_000,
    };
    this.versions.set(id, [{ at: this.now, ticket }]);
    return ticket;
  }

  reply(ticketId: number): SimTicket {
    return this.change(ticketId, (t) => ({
      ...t,
      firstReplyAt: t.firstReplyAt ?? this.now,
      replies: t.replies + 1,
      status: t.status === 'new' ? 'open' : t.status,
      slaBreachAt: null,
    }));
  }

  solve(ticketId: number): SimTicket {
    return this.change(ticketId, (t) => ({
      ...t,
      status: 'solved',
      solvedAt: this.now,
      firstReplyAt: t.firstReplyAt ?? this.now,
      replies: Math.max(1, t.replies),
      slaBreachAt: null,
    }));
  }

  rate(ticketId: number, score: 'good' | 'bad', comment: string | null = null): SimTicket {
    return this.change(ticketId, (t) => ({ ...t, satisfaction: score, satisfactionComment: comment }));
  }

  /** Limits what an agent's searches see, as an admin can per agent (users/me reports it). */
  restrict(agentId: number, restriction: (typeof TICKET_RESTRICTIONS)[number]): void {
    const agent = this.agent(agentId);
    if (!agent) throw new Error(`no agent ${agentId}`);
    agent.ticketRestriction = restriction;
  }

  advanceClock(ms: number): void {
    this.now += ms;
  }

  // --- the HTTP API ---

  private limitHeaders(): Record<string, string> {
    const remaining = String(Math.max(0, this.budgetPerMinute - this.windowCount));
    return {
      'x-rate-limit': String(this.budgetPerMinute),
      'x-rate-limit-remaining': remaining,
      'ratelimit-limit': String(this.budgetPerMinute),
      'ratelimit-remaining': remaining,
      'ratelimit-reset': String(Math.max(1, Math.ceil((this.windowStart + 60_000 - this.now) / 1000))),
    };
  }

  handle(
    agentId: number,
    method: string,
    url: string,
    instance = 'direct',
    origin = 'https://goalpost-demo.zendesk.com',
    body?: unknown,
  ): FakeResponse {
    const response = this.answer(agentId, method, url, origin, body);
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    this.log.push({
      at: this.now,
      agentId,
      instance,
      method,
      path,
      status: response.hang ? 0 : response.status,
    });
    return response;
  }

  private answer(agentId: number, method: string, url: string, origin: string, body?: unknown): FakeResponse {
    // The limit counts in real minutes of simulated time.
    if (this.now - this.windowStart >= 60_000) {
      this.windowStart = this.now - ((this.now - this.windowStart) % 60_000);
      this.windowCount = 0;
    }
    if (this.windowCount >= this.budgetPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((this.windowStart + 60_000 - this.now) / 1000));
      return {
        status: 429,
        headers: { ...this.limitHeaders(), 'retry-after': String(retryAfter) },
        body: null,
        text: 'Rate limited',
      };
    }
    this.windowCount += 1;
    const headers = this.limitHeaders();
    const fault = this.faultAgentId === null || this.faultAgentId === agentId ? this.fault : 'none';
    if (fault === '500')
      return { status: 500, headers, body: { error: 'InternalError', description: 'Something went wrong' } };
    if (fault === 'timeout') return { status: 0, headers, body: null, hang: true };
    if (fault === 'malformed') return { status: 200, headers, body: null, text: '<html>Bad gateway' };
    const agent = this.agent(agentId);
    if (!agent) return { status: 401, headers, body: { error: "Couldn't authenticate you" } };
    if (fault === '403')
      return {
        status: 403,
        headers,
        body: { error: 'Forbidden', description: 'You do not have access to this page.' },
      };
    const parsed = new URL(url, origin);
    const path = parsed.pathname.replace(/\.json$/, '');
    const params = parsed.searchParams;
    const installationPath = /^\/api\/v2\/apps\/installations\/(\d+)$/.exec(path);
    if (installationPath)
      return this.installationAnswer(agent, method, Number(installationPath[1]), body, headers);
    const custom = this.customObjects.answer(agent, method, path, params, body, origin);
    if (custom) return { status: custom.status, headers, body: custom.body };
    if (method !== 'GET') return { status: 405, headers, body: { error: 'MethodNotAllowed' } };
    const adminOnly = {
      status: 403,
      headers,
      body: { error: 'Forbidden', description: 'You do not have access to this page.' },
    };
    if (path === '/api/v2/groups')
      return agent.role === 'admin' ? { status: 200, headers, body: this.allGroups(origin) } : adminOnly;
    if (path === '/api/v2/group_memberships')
      return agent.role === 'admin' ? { status: 200, headers, body: this.allMemberships(origin) } : adminOnly;
    if (path === '/api/v2/users' && agent.role === 'admin')
      return { status: 200, headers, body: this.staff(params, origin) };
    try {
      if (path === '/api/v2/search')
        return { status: 200, headers, body: this.search(agent, params, origin) };
      if (path === '/api/v2/search/count')
        return {
          status: 200,
          headers,
          body: { count: this.matching(agent, this.requiredQuery(params)).length },
        };
      if (path === '/api/v2/tickets/show_many')
        return { status: 200, headers, body: this.showMany(params, origin) };
      if (path === '/api/v2/users/me')
        return { status: 200, headers, body: { user: this.userJson(agent, origin) } };
      const notFound = { status: 404, headers, body: { error: 'RecordNotFound', description: 'Not found' } };
      const userPath = /^\/api\/v2\/users\/(\d+)\//.exec(path);
      if (userPath && !this.agent(Number(userPath[1]))) return notFound;
      const memberships = /^\/api\/v2\/users\/(\d+)\/group_memberships$/.exec(path);
      if (memberships)
        return { status: 200, headers, body: this.memberships(Number(memberships[1]), origin) };
      // `GET /api/v2/groups/{group_id}/users` (admins, agents and light agents): a group's people.
      const groupUsers = /^\/api\/v2\/groups\/(\d+)\/users$/.exec(path);
      if (groupUsers) {
        const groupId = Number(groupUsers[1]);
        if (!this.account.groups.some((g) => g.id === groupId)) return notFound;
        const users = this.account.agents.filter((a) => a.groupIds.includes(groupId));
        return {
          status: 200,
          headers,
          body: {
            users: users.map((user) => this.userJson(user, origin)),
            next_page: null,
            previous_page: null,
            count: users.length,
          },
        };
      }
      const groupMembers = /^\/api\/v2\/groups\/(\d+)\/memberships$/.exec(path);
      if (groupMembers) {
        const groupId = Number(groupMembers[1]);
        if (!this.account.groups.some((g) => g.id === groupId)) return notFound;
        return { status: 200, headers, body: this.groupMemberships(groupId, origin) };
      }
      const groups = /^\/api\/v2\/users\/(\d+)\/groups$/.exec(path);
      if (groups) return { status: 200, headers, body: this.userGroups(Number(groups[1]), origin) };
      const metrics = /^\/api\/v2\/tickets\/(\d+)\/metrics$/.exec(path);
      if (metrics) {
        const ticket = this.live(Number(metrics[1]));
        return ticket
          ? { status: 200, headers, body: { ticket_metric: metricSetJson(origin, ticket) } }
          : notFound;
      }
      return { status: 404, headers, body: { error: 'InvalidEndpoint', description: 'Not found' } };
    } catch (failure) {
      if (failure instanceof QuerySyntaxError) {
        return {
          status: 400,
          headers,
          body: {
            error: 'unavailable',
            description: 'Sorry, we could not complete your search query. Please try again in a moment.',
          },
        };
      }
      if (failure instanceof RangeError)
        return { status: 422, headers, body: { error: 'invalid', description: failure.message } };
      if (failure instanceof MissingParameterError)
        return {
          status: 400,
          headers,
          body: { error: 'InvalidEndpoint', description: failure.message },
        };
      throw failure;
    }
  }

  private matches(ticket: SimTicket, term: SearchTerm, agent: SimAgent): boolean {
    const { keyword, comparator, value } = term;
    const compare = (actual: number, expected: number) => {
      switch (comparator) {
        case ':':
          return actual === expected;
        case '<':
          return actual < expected;
        case '>':
          return actual > expected;
        case '<=':
          return actual <= expected;
        case '>=':
          return actual >= expected;
      }
    };
    switch (keyword) {
      case 'type':
        return value === 'ticket';
      case 'assignee':
        return ticket.assigneeId === (value === 'me' ? agent.id : Number(value));
      case 'group':
        return ticket.groupId === Number(value);
      case 'status': {
        const rank = STATUS_ORDER.indexOf(value);
        if (rank < 0) throw new QuerySyntaxError(`unknown status ${value}`);
        return compare(STATUS_ORDER.indexOf(ticket.status), rank);
      }
      case 'satisfaction': {
        const wanted = SATISFACTION_SEARCH[value.toLowerCase()];
        if (!wanted || ticket.satisfaction !== wanted.score) return false;
        return wanted.withComment === null || wanted.withComment === Boolean(ticket.satisfactionComment);
      }
      case 'solved':
        return ticket.solvedAt !== null && compare(ticket.solvedAt, parseSearchDate(value, this.now));
      case 'created':
        return compare(ticket.createdAt, parseSearchDate(value, this.now));
      case 'updated':
        return compare(ticket.updatedAt, parseSearchDate(value, this.now));
      default:
        return false;
    }
  }

  private matching(agent: SimAgent, query: string): SimTicket[] {
    const parsed: ParsedQuery = parseSearchQuery(query);
    // Free text searches subjects and comments; nothing here contains such words, like a typo'd keyword in Zendesk.
    if (parsed.freeText.length > 0) return [];
    const byKeyword = new Map<string, SearchTerm[]>();
    for (const term of parsed.terms)
      byKeyword.set(term.keyword, [...(byKeyword.get(term.keyword) ?? []), term]);
    const visible = this.searchableTickets().filter((t) => this.canSee(agent, t));
    return visible.filter((ticket) =>
      [...byKeyword.values()].every((terms) => {
        const equalities = terms.filter((t) => t.comparator === ':');
        const ranges = terms.filter((t) => t.comparator !== ':');
        // The same keyword twice is OR for equality; ranges on one field all apply (a window).
        const equalityOk = equalities.length === 0 || equalities.some((t) => this.matches(ticket, t, agent));
        return equalityOk && ranges.every((t) => this.matches(ticket, t, agent));
      }),
    );
  }

  private canSee(agent: SimAgent, ticket: SimTicket): boolean {
    if (agent.ticketRestriction === 'assigned') return ticket.assigneeId === agent.id;
    if (agent.ticketRestriction === 'groups') return agent.groupIds.includes(ticket.groupId);
    return true;
  }

  private search(agent: SimAgent, params: URLSearchParams, origin: string): Record<string, unknown> {
    const query = params.get('query');
    if (query === null) throw new MissingParameterError('Missing parameter: query');
    const perPage = Math.min(100, Math.max(1, Number(params.get('per_page') ?? 100)));
    const page = Math.max(1, Number(params.get('page') ?? 1));
    if (page * perPage > 1000) throw new RangeError('Page number exceeds the 1,000 result limit');
    const all = this.matching(agent, query).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    const includeSlas = (params.get('include') ?? '').includes('slas');
    const results = all
      .slice((page - 1) * perPage, page * perPage)
      .map((t) => ({ ...ticketJson(origin, t, includeSlas), result_type: 'ticket' }));
    const pageUrl = (n: number) => {
      const next = new URLSearchParams(params);
      next.set('page', String(n));
      return `${origin}/api/v2/search.json?${next.toString()}`;
    };
    return {
      results,
      facets: null,
      next_page: page * perPage < all.length && page * perPage < 1000 ? pageUrl(page + 1) : null,
      previous_page: page > 1 ? pageUrl(page - 1) : null,
      count: all.length,
    };
  }

  private showMany(params: URLSearchParams, origin: string): Record<string, unknown> {
    const ids = (params.get('ids') ?? '').split(',').filter(Boolean).map(Number);
    if (ids.length === 0) throw new MissingParameterError('Missing parameter: ids');
    if (ids.length > 100) throw new RangeError('Too many ids (maximum 100)');
    const tickets = ids.map((id) => this.live(id)).filter((t): t is SimTicket => t !== undefined);
    const body: Record<string, unknown> = { tickets: tickets.map((t) => ticketJson(origin, t, false)) };
    if ((params.get('include') ?? '').includes('metric_sets'))
      body.metric_sets = tickets.map((t) => metricSetJson(origin, t));
    return body;
  }

  private userJson(agent: SimAgent, origin: string): Record<string, unknown> {
    return {
      id: agent.id,
      url: `${origin}/api/v2/users/${agent.id}.json`,
      name: agent.name,
      email: agent.email,
      role: agent.role,
      locale: agent.locale,
      time_zone: agent.timeZone,
      iana_time_zone: agent.timeZone,
      default_group_id: agent.defaultGroupId,
      ticket_restriction: agent.ticketRestriction,
      active: true,
      created_at: '2024-03-01T09:00:00Z',
      updated_at: '2026-11-01T09:00:00Z',
    };
  }

  private requiredQuery(params: URLSearchParams): string {
    const query = params.get('query');
    if (query === null) throw new MissingParameterError('Missing parameter: query');
    return query;
  }

  private userGroups(userId: number, origin: string): Record<string, unknown> {
    const agent = this.agent(userId);
    const groups = this.account.groups.filter((g) => agent?.groupIds.includes(g.id));
    return {
      groups: groups.map((group) => ({
        url: `${origin}/api/v2/groups/${group.id}.json`,
        id: group.id,
        is_public: true,
        name: group.name,
        description: '',
        default: group.id === this.account.groups[0]?.id,
        deleted: false,
        created_at: '2024-03-01T09:00:00Z',
        updated_at: '2024-03-01T09:00:00Z',
      })),
      next_page: null,
      previous_page: null,
      count: groups.length,
    };
  }

  private membershipJson(agent: SimAgent, groupId: number, origin: string): Record<string, unknown> {
    const index = agent.groupIds.indexOf(groupId);
    return {
      url: `${origin}/api/v2/group_memberships/${agent.id * 10 + index}.json`,
      id: agent.id * 10 + index,
      user_id: agent.id,
      group_id: groupId,
      default: groupId === agent.defaultGroupId,
      created_at: '2024-03-01T09:00:00Z',
      updated_at: '2024-03-01T09:00:00Z',
    };
  }

  private memberships(userId: number, origin: string): Record<string, unknown> {
    const agent = this.agent(userId);
    return {
      group_memberships: agent
        ? agent.groupIds.map((groupId) => this.membershipJson(agent, groupId, origin))
        : [],
      next_page: null,
      previous_page: null,
      count: agent?.groupIds.length ?? 0,
    };
  }

  /** `GET /api/v2/groups/{id}/memberships` (agents may list them): everyone in one group. */
  private groupMemberships(groupId: number, origin: string): Record<string, unknown> {
    const members = this.account.agents.filter((agent) => agent.groupIds.includes(groupId));
    return {
      group_memberships: members.map((agent) => this.membershipJson(agent, groupId, origin)),
      next_page: null,
      previous_page: null,
      count: members.length,
    };
  }

  /** The app's installation in this account: its settings, as Admin Center (or the goal studio) saved them. */
  readonly installation = { id: 2000001, settings: {} as Record<string, unknown>, updatedAt: 0 };

  /**
   * `GET` / `PUT /api/v2/apps/installations/{id}` (Apps API, admins only): read the settings, or replace the
   * given ones (others are kept) and answer with the whole installation.
   */
  private installationAnswer(
    agent: SimAgent,
    method: string,
    id: number,
    body: unknown,
    headers: Record<string, string>,
  ): FakeResponse {
    if (agent.role !== 'admin')
      return {
        status: 403,
        headers,
        body: { error: 'Forbidden', description: 'You do not have access to this page.' },
      };
    if (id !== this.installation.id)
      return { status: 404, headers, body: { error: 'RecordNotFound', description: 'Not found' } };
    if (method === 'PUT') {
      const settings = (body as { settings?: unknown } | null)?.settings;
      if (!settings || typeof settings !== 'object' || Array.isArray(settings))
        return {
          status: 400,
          headers,
          body: { error: 'InvalidValue', description: 'settings must be an object' },
        };
      Object.assign(this.installation.settings, settings);
      this.installation.updatedAt = this.now;
    } else if (method !== 'GET') return { status: 405, headers, body: { error: 'MethodNotAllowed' } };
    return {
      status: 200,
      headers,
      body: {
        id: this.installation.id,
        app_id: 1000001,
        enabled: true,
        settings: { ...this.installation.settings },
        updated_at: new Date(this.installation.updatedAt || this.account.now)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      },
    };
  }

  /** `GET /api/v2/groups` (admins): every group of the account. */
  private allGroups(origin: string): Record<string, unknown> {
    return {
      groups: this.account.groups.map((group) => ({
        url: `${origin}/api/v2/groups/${group.id}.json`,
        id: group.id,
        name: group.name,
        deleted: false,
      })),
      next_page: null,
      previous_page: null,
      count: this.account.groups.length,
    };
  }

  /** `GET /api/v2/group_memberships` (admins): who is in which group, for the whole account. */
  private allMemberships(origin: string): Record<string, unknown> {
    const memberships = this.account.agents.flatMap((agent) =>
      agent.groupIds.map((groupId) => this.membershipJson(agent, groupId, origin)),
    );
    return {
      group_memberships: memberships,
      next_page: null,
      previous_page: null,
      count: memberships.length,
    };
  }

  /** `GET /api/v2/users?role[]=agent&role[]=admin` (admins): the account's staff. */
  private staff(params: URLSearchParams, origin: string): Record<string, unknown> {
    const roles = params.getAll('role[]');
    const users = this.account.agents.filter((agent) => roles.length === 0 || roles.includes(agent.role));
    return {
      users: users.map((agent) => this.userJson(agent, origin)),
      next_page: null,
      previous_page: null,
      count: users.length,
    };
  }

  /** The ZAF `currentUser` object for an agent. */
  currentUser(agentId: number): Record<string, unknown> | null {
    const agent = this.agent(agentId);
    if (!agent) return null;
    return {
      id: agent.id,
      name: agent.name,
      email: agent.email,
      role: agent.role,
      locale: agent.locale,
      timeZone: { ianaName: agent.timeZone },
      groups: agent.groupIds.map((id) => ({
        id,
        name: this.account.groups.find((g) => g.id === id)?.name ?? '',
      })),
    };
  }
}
