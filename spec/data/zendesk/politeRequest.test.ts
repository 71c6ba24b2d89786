import type { HttpResponse } from '../../../src/data/zaf/zafClient';
import {
  accountBudgetForPlan,
  busyFactor,
  createPoliteGet,
  DEFAULT_POLITENESS,
} from '../../../src/data/zendesk/politeRequest';
import { createMemoryRateState, createStoredRateState } from '../../../src/data/zendesk/sharedRateState';
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

  it('keeps to its share of the account budget per minute, and slows down near the limit', async () => {
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
    // 12 of 200 left: busy factor 0.1 + 1.8 × 0.06 = 0.208, so 2 a minute instead of 10.
    expect(near.sent.filter((r) => r.at < (near.sent[0]?.at ?? 0) + 60_000)).toHaveLength(2);
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

/** 5 % of 200: ten requests a minute for one agent when nothing says the account is busy. */
const TEAM = { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 200, maxShareOfBudget: 0.05 };
const inFirstMinute = (s: ReturnType<typeof scripted>, from = s.sent[0]?.at ?? 0) =>
  s.sent.filter((r) => r.at >= from && r.at < from + 60_000).length;
const limitHeaders = (limit: number, remaining: number) => ({
  'x-rate-limit': String(limit),
  'x-rate-limit-remaining': String(remaining),
});

describe('busyFactor', () => {
  it('is 1 while half the limit is left, then falls in a line to 0.1 at none left', () => {
    expect(busyFactor(700, 700)).toBe(1);
    expect(busyFactor(100, 200)).toBe(1);
    expect(busyFactor(50, 200)).toBeCloseTo(0.55);
    expect(busyFactor(20, 200)).toBeCloseTo(0.28);
    expect(busyFactor(0, 200)).toBeCloseTo(0.1);
  });

  it('slows nothing on readings that make no sense', () => {
    expect([busyFactor(Number.NaN, 200), busyFactor(5, 0), busyFactor(5, Number.POSITIVE_INFINITY)]).toEqual([
      1, 1, 1,
    ]);
    expect(busyFactor(-5, 200)).toBeCloseTo(0.1);
  });
});

describe('politeGet follows the account’s rate-limit headers', () => {
  it('a limit stated to one agent’s tab paces another agent of the same account', async () => {
    const store = new MemoryStore();
    const first = scripted([{ status: 200, headers: limitHeaders(40, 39), body: {} }]);
    await createPoliteGet(first.send, first.timing, TEAM, createStoredRateState(store, 'acme', 7))('/q');

    const other = scripted([]);
    other.advance(5_000);
    const get = createPoliteGet(
      other.send,
      other.timing,
      { ...TEAM, accountBudgetPerMinute: 700 },
      createStoredRateState(store, 'acme', 8),
    );
    for (let i = 0; i < 4; i += 1) await get(`/api/v2/users/${i}.json`);
    // 5 % of the stated 40 is 2 a minute (the plan guess of 700 would have allowed 35).
    expect(inFirstMinute(other)).toBe(2);
  });

  it('a busy account slows every tab, until the reading is more than two minutes old', async () => {
    const store = new MemoryStore();
    const first = scripted([{ status: 200, headers: limitHeaders(200, 50), body: {} }]);
    await createPoliteGet(first.send, first.timing, TEAM, createStoredRateState(store, 'acme', 7))('/q');

    const other = scripted([]);
    const get = createPoliteGet(other.send, other.timing, TEAM, createStoredRateState(store, 'acme', 8));
    for (let i = 0; i < 7; i += 1) await get(`/a${i}`);
    // A quarter left: 200 × 5 % × 0.55 = 5 a minute.
    expect(inFirstMinute(other)).toBe(5);

    other.advance(3 * 60_000);
    const later = other.now();
    for (let i = 0; i < 11; i += 1) await get(`/b${i}`);
    // The stated limit still counts, the old remaining count no longer does.
    expect(inFirstMinute(other, later)).toBe(10);
  });

  it('trusts a stored limit for a day, not longer', async () => {
    const store = new MemoryStore();
    const s = scripted([]);
    const get = createPoliteGet(
      s.send,
      s.timing,
      { ...TEAM, accountBudgetPerMinute: 700 },
      createStoredRateState(store, 'acme', 7),
    );
    store.setItem(
      'goalpost:v1:limit:acme',
      JSON.stringify({ limit: 40, remaining: 40, at: s.now() - 23 * 3_600_000 }),
    );
    for (let i = 0; i < 3; i += 1) await get(`/a${i}`);
    expect(inFirstMinute(s)).toBe(2);

    s.advance(2 * 3_600_000);
    const later = s.now();
    for (let i = 0; i < 3; i += 1) await get(`/b${i}`);
    expect(inFirstMinute(s, later)).toBe(3);
  });

  it.each([
    ['a zero limit', { limit: 0, remaining: 0, at: -1 }],
    ['a fractional limit', { limit: 40.5, remaining: 1, at: -1 }],
    ['a limit beyond a million', { limit: 2_000_000, remaining: 1, at: -1 }],
    ['more remaining than the limit', { limit: 200, remaining: 201, at: -1 }],
    ['negative remaining', { limit: 200, remaining: -1, at: -1 }],
    ['a reading from the future', { limit: 200, remaining: 0, at: 60_000 }],
    ['numbers as strings', { limit: '200', remaining: '0', at: -1 }],
    ['an array', [200, 0, -1]],
  ])('ignores a stored reading with %s', async (_, value) => {
    const store = new MemoryStore();
    const s = scripted([]);
    const stored = Array.isArray(value) ? value : { ...value, at: s.now() + Number(value.at) };
    store.setItem('goalpost:v1:limit:acme', JSON.stringify(stored));
    const get = createPoliteGet(s.send, s.timing, TEAM, createStoredRateState(store, 'acme', 7));
    for (let i = 0; i < 11; i += 1) await get(`/q${i}`);
    expect(inFirstMinute(s)).toBe(10);
  });

  it('ignores unreadable JSON in storage', async () => {
    const store = new MemoryStore();
    store.setItem('goalpost:v1:limit:acme', '{"limit": 2');
    const s = scripted([]);
    const get = createPoliteGet(s.send, s.timing, TEAM, createStoredRateState(store, 'acme', 7));
    for (let i = 0; i < 11; i += 1) await get(`/q${i}`);
    expect(inFirstMinute(s)).toBe(10);
  });

  it('still follows the headers when storage throws on every read and write', async () => {
    const store = new MemoryStore();
    store.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    store.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const s = scripted([{ status: 200, headers: limitHeaders(40, 39), body: {} }]);
    const get = createPoliteGet(
      s.send,
      s.timing,
      { ...TEAM, accountBudgetPerMinute: 700 },
      createStoredRateState(store, 'acme', 7),
    );
    for (let i = 0; i < 4; i += 1) await expect(get(`/q${i}`)).resolves.toBeDefined();
    expect(inFirstMinute(s)).toBe(2);
  });

  describe('search’s own limit (zendesk-ratelimit-search-index)', () => {
    const searchAnswer = (remaining: number): HttpResponse => ({
      status: 200,
      headers: { 'zendesk-ratelimit-search-index': `total=100; remaining=${remaining}; resets=30` },
      body: { count: 1 },
    });

    it('slows searches when less than half of it is left', async () => {
      const s = scripted([searchAnswer(25)]);
      const get = createPoliteGet(s.send, s.timing, TEAM);
      for (let i = 0; i < 7; i += 1) await get(`/api/v2/search/count.json?query=${i}`);
      // A quarter left: 200 × 5 % × 0.55 = 5 a minute.
      expect(inFirstMinute(s)).toBe(5);
    });

    it('leaves other requests alone, and searches too while half of it is left', async () => {
      const busy = scripted([searchAnswer(25)]);
      const get = createPoliteGet(busy.send, busy.timing, TEAM);
      await get('/api/v2/search.json?query=type%3Aticket');
      for (let i = 0; i < 10; i += 1) await get(`/api/v2/users/${i}.json`);
      expect(inFirstMinute(busy)).toBe(10);

      const calm = scripted([searchAnswer(50)]);
      const search = createPoliteGet(calm.send, calm.timing, TEAM);
      for (let i = 0; i < 11; i += 1) await search(`/api/v2/search/count.json?query=${i}`);
      expect(inFirstMinute(calm)).toBe(10);
    });
  });
});

describe('a 503 with Retry-After', () => {
  const unavailable = (retryAfter: string): HttpResponse => ({
    status: 503,
    headers: { 'retry-after': retryAfter, 'content-type': 'text/html' },
    body: null,
  });

  it.each([
    ['in memory', () => createMemoryRateState()],
    ['in localStorage', () => createStoredRateState(new MemoryStore(), 'acme', 7)],
  ])(
    'of 20 s sends nothing from this or another PoliteGet sharing its state (%s) before then',
    async (_, makeState) => {
      const shared = makeState();
      const s = scripted([unavailable('20')]);
      const get = createPoliteGet(s.send, s.timing, TEAM, shared);
      const other = createPoliteGet(s.send, s.timing, TEAM, shared);
      const failedAt = s.now();
      const failure: unknown = await get('/api/v2/search/count.json?query=a').catch((e: unknown) => e);
      expect(failure).toMatchObject({ error: { kind: 'rateLimited' } });
      const { error } = failure as { error: { retryAt: number } };
      expect(error.retryAt).toBeGreaterThanOrEqual(failedAt + 20_000);

      for (const wait of [0, 10_000, 9_999]) {
        s.advance(wait);
        await expect(get('/api/v2/search/count.json?query=b')).rejects.toMatchObject({
          error: { kind: 'rateLimited' },
        });
        await expect(other('/api/v2/users/me.json')).rejects.toMatchObject({
          error: { kind: 'rateLimited' },
        });
      }
      expect(s.sent).toHaveLength(1);

      s.advance(1);
      await expect(other('/api/v2/users/me.json')).resolves.toEqual({ count: 1 });
      expect(s.sent.map((r) => r.at - failedAt)).toEqual([0, 20_000]);
    },
  );

  it('of 20 s on the last attempt still holds every PoliteGet back, and says when to come back', async () => {
    const shared = createMemoryRateState();
    const s = scripted([{ status: 500, headers: {}, body: null }, unavailable('20')]);
    const get = createPoliteGet(s.send, s.timing, { ...TEAM, maxAttempts: 2 }, shared);
    const other = createPoliteGet(s.send, s.timing, TEAM, shared);
    await expect(get('/q')).rejects.toMatchObject({ error: { kind: 'rateLimited' } });
    const answeredAt = s.now();
    s.advance(19_000);
    await expect(other('/r')).rejects.toMatchObject({
      error: { kind: 'rateLimited', retryAt: answeredAt + 20_000 },
    });
    expect(s.sent).toHaveLength(2);
  });

  it('of 3 s is waited out before the retry', async () => {
    const s = scripted([unavailable('3'), ok()]);
    await expect(createPoliteGet(s.send, s.timing, TEAM)('/q')).resolves.toEqual({ count: 3 });
    const [first, retry] = s.sent;
    expect(s.sent).toHaveLength(2);
    expect((retry?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
  });
});
