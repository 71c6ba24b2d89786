import { planFetch } from '../../src/core/metrics/fetchPlan';
import { parseGoalLines } from '../../src/core/settings/parseGoalLines';
import type { SendRequest } from '../../src/data/zendesk/politeRequest';
import { createPoliteGet, DEFAULT_POLITENESS } from '../../src/data/zendesk/politeRequest';
import {
  fetchAgentSnapshot,
  fetchSnapshotChanges,
  MAX_REQUESTS_PER_REFRESH,
} from '../../src/data/zendesk/fetchAgentSnapshot';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { fakeZendeskTransport, instantTiming } from '../data/fakeZendeskTransport';
import { reportFigures } from './reportFigures';

const AOIFE = 3720451;
const generous = { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 100_000, maxShareOfBudget: 1 };
type Body = Record<string, unknown>;

/** The fake Zendesk, with every JSON answer passed through `tamper` first: a hostile but well-formed API. */
function hostile(tamper: (url: string, body: Body) => Body) {
  const fake = new FakeZendesk(42);
  fake.budgetPerMinute = 100_000;
  fake.indexLagSeconds = 0;
  const honest = fakeZendeskTransport(fake, AOIFE);
  let requests = 0;
  const send: SendRequest = async (request) => {
    requests += 1;
    const response = await honest(request);
    const body =
      response.body && typeof response.body === 'object'
        ? tamper(request.url, response.body as Body)
        : response.body;
    return { ...response, body };
  };
  const get = createPoliteGet(send, instantTiming(fake), generous);
  const goals = parseGoalLines(
    'me solved 25 day\nme csat 85% week\nme first_reply 2h week\nteam solved 120 week',
  ).goals;
  const plan = planFetch(goals, {
    now: fake.now,
    timeZone: 'Europe/Dublin',
    weekStartsOn: 1,
    teamGroupIds: [360001234567],
  });
  return { fake, get, plan, requests: () => requests };
}

const isSearch = (url: string) => url.includes('/search.json');
const isShowMany = (url: string) => url.includes('show_many');
let scenarios = 0;
let throws = 0;
let worstRequests = 0;
afterAll(() => reportFigures('hostile API', { scenarios, throws, worstRequestsPerRefresh: worstRequests }));

async function refreshOnce(api: ReturnType<typeof hostile>) {
  scenarios += 1;
  try {
    const snapshot = await fetchAgentSnapshot(api.get, AOIFE, api.plan, api.fake.now);
    worstRequests = Math.max(worstRequests, api.requests());
    return snapshot;
  } catch (failure) {
    throws += 1;
    throw failure;
  }
}

describe('a Zendesk that answers oddly', () => {
  it('show_many without metric sets: tickets still count, and the gap is reported', async () => {
    const api = hostile((url, body) => (isShowMany(url) ? { ...body, metric_sets: undefined } : body));
    const snapshot = await refreshOnce(api);
    expect(snapshot.solvedTickets.length).toBeGreaterThan(0);
    // The first-reply goal needs the backlog's metric sets as well as the solved tickets' — except for tickets
    // never touched since they were created, which nobody can have answered yet.
    const touched = snapshot.openTickets.filter((t) => t.updatedAt !== t.createdAt);
    expect(snapshot.gaps?.ticketsWithoutMetrics).toBe(snapshot.solvedTickets.length + touched.length);
  });

  it('one odd record (deleted status, null id, replies as text) is skipped and counted; the rest stand', async () => {
    const honest = await refreshOnce(hostile((_url, body) => body));
    const api = hostile((url, body) => {
      if (isSearch(url) && Array.isArray(body.results)) {
        const [first, second, ...rest] = body.results as Body[];
        return { ...body, results: [{ ...first, status: 'deleted' }, { ...second, id: null }, ...rest] };
      }
      if (isShowMany(url) && Array.isArray(body.metric_sets)) {
        const [first, ...rest] = body.metric_sets as Body[];
        return { ...body, metric_sets: [{ ...first, replies: '3' }, ...rest] };
      }
      return body;
    });
    const snapshot = await refreshOnce(api);
    const seen = snapshot.solvedTickets.length + snapshot.openTickets.length;
    expect(seen).toBe(honest.solvedTickets.length + honest.openTickets.length - 4);
    expect(snapshot.gaps?.unreadableRecords).toBe(4 + 2);
  });

  it('a search that always claims more than 1,000 results stops at the request cap and says so', async () => {
    const api = hostile((url, body) => (isSearch(url) ? { ...body, count: 5_000 } : body));
    const snapshot = await refreshOnce(api);
    expect(api.requests()).toBeLessThanOrEqual(MAX_REQUESTS_PER_REFRESH);
    expect(snapshot.gaps?.isIncomplete).toBe(true);
  });

  it('endless pagination (next_page always set) reads at most 10 pages per search', async () => {
    const api = hostile((url, body) => (isSearch(url) ? { ...body, next_page: `${url}&page=99` } : body));
    await refreshOnce(api);
    expect(api.requests()).toBeLessThanOrEqual(10 * 2 + 2 + 2);
  });

  it('a backlog over 1,000 is marked incomplete instead of silently showing 1,000', async () => {
    const api = hostile((url, body) =>
      isSearch(url) && url.includes(encodeURIComponent('status<solved')) ? { ...body, count: 1_450 } : body,
    );
    const snapshot = await refreshOnce(api);
    expect(snapshot.gaps?.isIncomplete).toBe(true);
  });

  it('an oversized answer (10,000 results on one page) is bounded by the snapshot, not the browser', async () => {
    const api = hostile((url, body) => {
      if (!isSearch(url) || !Array.isArray(body.results) || body.results.length === 0) return body;
      const template = body.results[0] as Body;
      return { ...body, results: Array.from({ length: 10_000 }, () => template), next_page: null };
    });
    const snapshot = await refreshOnce(api);
    // Duplicates of one ticket are one ticket.
    expect(snapshot.solvedTickets.length).toBeLessThanOrEqual(1);
  });

  it('a delta refresh under the same odd answers also keeps what it can', async () => {
    const api = hostile((_url, body) => body);
    const first = await refreshOnce(api);
    const odd = hostile((url, body) =>
      isShowMany(url) ? { ...body, metric_sets: [{ ticket_id: 'x' }] } : body,
    );
    scenarios += 1;
    const next = await fetchSnapshotChanges(odd.get, first, api.plan, first.fetchedAt + 60_000, {
      countsAreDue: false,
    });
    expect(next.solvedTickets.length).toBeGreaterThanOrEqual(first.solvedTickets.length);
    expect(next.gaps?.unreadableRecords ?? 0).toBeGreaterThanOrEqual(0);
  });
});
