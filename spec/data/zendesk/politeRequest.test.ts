import type { HttpResponse } from '../../../src/data/zaf/zafClient';
import {
  accountBudgetForPlan,
  createPoliteGet,
  DEFAULT_POLITENESS,
} from '../../../src/data/zendesk/politeRequest';
import { createStoredRateState } from '../../../src/data/zendesk/sharedRateState';
import { MemoryStore } from '../engine/engineHarness';

function scripted(answers: HttpResponse[]) {
  const sent: { url: string; at: number }[] = [];
  let clock = Date.parse('2026-11-18T10:00:00Z');
  const sleeps: number[] = [];
  const timing = {
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
  };
  const send = async ({ url }: { url: string }) => {
    sent.push({ url, at: clock });
    return answers.shift() ?? { status: 200, headers: {}, body: { count: 1 } };
  };
  return { sent, sleeps, timing, send, advance: (ms: number) => (clock += ms), now: () => clock };
}

const ok = (body: unknown = { count: 3 }): HttpResponse => ({ status: 200, headers: {}, body });

describe('politeGet', () => {
  it('sends nothing before a 429’s Retry-After has passed, then goes again', async () => {
    const s = scripted([{ status: 429, headers: { 'retry-after': '40' }, body: 'Rate limited' }, ok()]);
    const get = createPoliteGet(s.send, s.timing);
    await expect(get('/api/v2/search/count.json?query=a')).rejects.toMatchObject({
      error: { kind: 'rateLimited', retryAt: s.now() + 40_000 },
    });
    s.advance(39_000);
    await expect(get('/api/v2/search/count.json?query=b')).rejects.toMatchObject({
      error: { kind: 'rateLimited' },
    });
    expect(s.sent).toHaveLength(1);
    s.advance(1_000);
    await expect(get('/api/v2/search/count.json?query=b')).resolves.toEqual({ count: 3 });
    expect(s.sent).toHaveLength(2);
  });

  it('backs off exponentially with jitter on 5xx and gives up after the last attempt', async () => {
    const s = scripted([
      { status: 503, headers: {}, body: null },
      { status: 500, headers: {}, body: null },
      { status: 500, headers: {}, body: null },
    ]);
    const get = createPoliteGet(s.send, s.timing);
    await expect(get('/api/v2/search.json?query=x')).rejects.toMatchObject({
      error: { kind: 'serverError', status: 500 },
    });
    expect(s.sent).toHaveLength(3);
    // random() = 0.5: half of 1 s, then half of 2 s.
    expect(s.sleeps).toEqual([500, 1_000]);
  });

  it('recovers when a retry succeeds', async () => {
    const s = scripted([{ status: 502, headers: {}, body: null }, ok({ count: 9 })]);
    await expect(createPoliteGet(s.send, s.timing)('/api/v2/search/count.json?query=x')).resolves.toEqual({
      count: 9,
    });
  });

  it('makes one request for identical concurrent GETs', async () => {
    const s = scripted([]);
    const get = createPoliteGet(s.send, s.timing);
    const url = '/api/v2/search/count.json?query=type%3Aticket';
    await Promise.all([get(url), get(url), get(url)]);
    expect(s.sent).toHaveLength(1);
  });

  it('keeps to its share of the account budget per minute, and halves it near the limit', async () => {
    const s = scripted([]);
    const get = createPoliteGet(s.send, s.timing, {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: 200,
      maxShareOfBudget: 0.05,
    });
    for (let i = 0; i < 11; i += 1) await get(`/api/v2/search/count.json?query=${i}`);
    const firstMinute = s.sent.filter((r) => r.at < (s.sent[0]?.at ?? 0) + 60_000);
    expect(firstMinute).toHaveLength(10);

    const near = scripted([
      { status: 200, headers: { 'x-rate-limit': '200', 'x-rate-limit-remaining': '12' }, body: {} },
    ]);
    const cautious = createPoliteGet(near.send, near.timing, {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: 200,
      maxShareOfBudget: 0.05,
    });
    for (let i = 0; i < 6; i += 1) await cautious(`/q${i}`);
    expect(near.sent.filter((r) => r.at < (near.sent[0]?.at ?? 0) + 60_000)).toHaveLength(5);
  });

  it('treats 403 as forbidden without retrying', async () => {
    const s = scripted([{ status: 403, headers: {}, body: { error: 'Forbidden' } }]);
    await expect(createPoliteGet(s.send, s.timing)('/api/v2/users/me.json')).rejects.toMatchObject({
      error: { kind: 'forbidden' },
    });
    expect(s.sent).toHaveLength(1);
  });

  it('knows each plan’s budget', () => {
    expect([
      accountBudgetForPlan('Team'),
      accountBudgetForPlan('Professional'),
      accountBudgetForPlan('Enterprise'),
      accountBudgetForPlan(null),
    ]).toEqual([200, 400, 700, 200]);
  });

  describe('across the agent’s tabs (one shared store)', () => {
    const tabOf = (s: ReturnType<typeof scripted>, store: MemoryStore) =>
      createPoliteGet(s.send, s.timing, DEFAULT_POLITENESS, createStoredRateState(store, 'acme', 7));

    it('a 429 seen by one tab holds back a tab opened later, until Retry-After has passed', async () => {
      const store = new MemoryStore();
      const first = scripted([{ status: 429, headers: { 'retry-after': '36' }, body: 'Rate limited' }]);
      const firstTab = tabOf(first, store);
      await expect(firstTab('/api/v2/users/me.json')).rejects.toMatchObject({
        error: { kind: 'rateLimited' },
      });

      const second = scripted([]);
      second.advance(17_000);
      const newTab = tabOf(second, store);
      await expect(newTab('/api/v2/users/me.json')).rejects.toMatchObject({
        error: { kind: 'rateLimited', retryAt: second.now() + 19_000 },
      });
      expect(second.sent).toHaveLength(0);
      second.advance(19_000);
      await expect(newTab('/api/v2/users/me.json')).resolves.toEqual({ count: 1 });
    });

    it('five tabs share one budget instead of five', async () => {
      const store = new MemoryStore();
      const s = scripted([]);
      const options = { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 200, maxShareOfBudget: 0.05 };
      const tabs = Array.from({ length: 5 }, () =>
        createPoliteGet(s.send, s.timing, options, createStoredRateState(store, 'acme', 7)),
      );
      const started = s.now();
      for (let i = 0; i < 15; i += 1) await tabs[i % 5]?.(`/api/v2/search/count.json?query=${i}`);
      expect(s.sent.filter((r) => r.at < started + 60_000)).toHaveLength(10);
    });

    it('a stored block beyond any Retry-After (clock moved back, hand edit) is not obeyed', async () => {
      const store = new MemoryStore();
      const s = scripted([]);
      store.setItem('goalpost:v1:block:acme', JSON.stringify([s.now() + 365 * 86_400_000]));
      const get = tabOf(s, store);
      await expect(get('/q')).resolves.toEqual({ count: 1 });
    });
  });

  it('takes the account’s limit from X-Rate-Limit rather than the plan guess', async () => {
    const s = scripted([
      { status: 200, headers: { 'x-rate-limit': '40', 'x-rate-limit-remaining': '39' }, body: {} },
    ]);
    const get = createPoliteGet(s.send, s.timing, { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 700 });
    for (let i = 0; i < 4; i += 1) await get(`/q${i}`);
    // 5 % of 40 is 2 a minute (700 would have allowed 35).
    expect(s.sent.filter((r) => r.at < (s.sent[0]?.at ?? 0) + 60_000)).toHaveLength(2);
  });

  it('waits out a short 503 Retry-After, and turns a long one into a block for every tab', async () => {
    const s = scripted([{ status: 503, headers: { 'retry-after': '3' }, body: null }, ok()]);
    await expect(createPoliteGet(s.send, s.timing)('/q')).resolves.toEqual({ count: 3 });
    expect(s.sleeps).toEqual([3_000]);

    const store = new MemoryStore();
    const long = scripted([{ status: 503, headers: { 'retry-after': '20' }, body: null }]);
    const get = createPoliteGet(
      long.send,
      long.timing,
      DEFAULT_POLITENESS,
      createStoredRateState(store, 'acme', 7),
    );
    await expect(get('/q')).rejects.toMatchObject({
      error: { kind: 'rateLimited', retryAt: long.now() + 20_000 },
    });
    long.advance(19_000);
    await expect(get('/q')).rejects.toMatchObject({ error: { kind: 'rateLimited' } });
    expect(long.sent).toHaveLength(1);
    long.advance(1_000);
    await expect(get('/q')).resolves.toEqual({ count: 1 });
  });

  it('background work uses only the first half of the agent’s minute, leaving the rest for the figures', async () => {
    const store = new MemoryStore();
    const s = scripted([]);
    const options = { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 200, maxShareOfBudget: 0.05 };
    const figures = createPoliteGet(s.send, s.timing, options, createStoredRateState(store, 'acme', 7));
    const background = createPoliteGet(
      s.send,
      s.timing,
      { ...options, maxShareOfBudget: 0.025 },
      createStoredRateState(store, 'acme', 7),
    );
    const started = s.now();
    for (let i = 0; i < 3; i += 1) await figures(`/figures${i}`);
    for (let i = 0; i < 4; i += 1) await background(`/history${i}`);
    // 10 a minute in all: 3 for figures leave 2 for history before the minute turns.
    const firstMinute = s.sent.filter((r) => r.at < started + 60_000).map((r) => r.url);
    expect(firstMinute).toEqual(['/figures0', '/figures1', '/figures2', '/history0', '/history1']);
  });
});

describe('politeGet on a storage that refuses writes', () => {
  it('still keeps to its budget and its 429 block', async () => {
    const store = new MemoryStore();
    store.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const s = scripted([{ status: 429, headers: { 'retry-after': '30' }, body: 'Rate limited' }]);
    const get = createPoliteGet(
      s.send,
      s.timing,
      DEFAULT_POLITENESS,
      createStoredRateState(store, 'acme', 7),
    );
    await expect(get('/a')).rejects.toMatchObject({ error: { kind: 'rateLimited' } });
    await expect(get('/b')).rejects.toMatchObject({ error: { kind: 'rateLimited' } });
    expect(s.sent).toHaveLength(1);
    s.advance(30_000);
    const started = s.now();
    for (let i = 0; i < 12; i += 1) await get(`/c${i}`);
    expect(s.sent.filter((r) => r.at >= started && r.at < started + 60_000)).toHaveLength(10);
  });
});
