import type { HttpResponse } from '../../../src/data/zaf/zafClient';
import {
  accountBudgetForPlan,
  createPoliteGet,
  DEFAULT_POLITENESS,
} from '../../../src/data/zendesk/politeRequest';

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
});
