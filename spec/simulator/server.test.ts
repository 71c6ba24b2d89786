import { request as httpRequest } from 'node:http';
import { startSimulator } from '../../simulator/server';

const AOIFE = 3720451;
const JONAS = 3720452;
type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  await post('/__sim/reset');
});

const url = (path: string) => new URL(path, simulator.url.replace('localhost', '127.0.0.1'));

async function post(path: string, body: Record<string, unknown> = {}) {
  const response = await fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface State {
  now: number;
  requestCount: number;
  settings: Record<string, unknown>;
  openTickets: { id: number }[];
  expected: { solvedToday: number; backlog: number };
  expectedSearchable: { solvedToday: number };
  config: Record<string, unknown>;
}

const state = async (agentId = AOIFE) =>
  (await (await fetch(url(`/__sim/state?agent=${agentId}`))).json()) as State;

/** Reads server-sent events until `count` have arrived (with their event names). */
function nextEvents(count: number): Promise<{ event: string; data: Record<string, unknown> }[]> {
  return new Promise((resolve, reject) => {
    const events: { event: string; data: Record<string, unknown> }[] = [];
    const request = httpRequest(url('/__sim/events'), (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          if (events.length === count) {
            request.destroy();
            resolve(events);
          }
        }
      });
    });
    request.on('error', (error) => {
      if (events.length < count) reject(error);
    });
    request.end();
  });
}

describe('the simulator server', () => {
  it('serves the host page, its script, and the manifest for the admin panel', async () => {
    const page = await fetch(url('/'));
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script src="/sim/host.js">');
    expect((await fetch(url('/sim/host.js'))).status).toBe(200);
    const manifest = (await (await fetch(url('/app/manifest.json'))).json()) as {
      parameters: { name: string }[];
    };
    expect(manifest.parameters.map((p) => p.name)).toContain('goals');
  });

  it('serves the npm ZAF SDK as the ZAFClient global for the probe app', async () => {
    const sdk = await (await fetch(url('/sim/zaf_sdk.js'))).text();
    expect(sdk).toContain('ZAFClient');
    expect(sdk).toContain('iframe.handshake');
  }, 20_000);

  it('proxies the app’s requests for the tab’s agent in ZAF’s complete-response shape, and logs them', async () => {
    const { status, body } = await post('/__sim/zendesk', {
      agentId: JONAS,
      instance: '41000',
      url: '/api/v2/users/me.json',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 200,
      headers: { 'x-rate-limit': '200', 'x-rate-limit-remaining': '199' },
      responseJSON: { user: { id: JONAS, name: 'Jonas Weber' } },
    });
    expect(JSON.parse(body.responseText as string)).toEqual(body.responseJSON);
    const log = (await (await fetch(url('/__sim/log'))).json()) as Record<string, unknown>[];
    expect(log).toEqual([
      expect.objectContaining({ agentId: JONAS, instance: '41000', path: '/api/v2/users/me.json' }),
    ]);
    expect((await state()).requestCount).toBe(1);
  });

  it('reports a hung request as ZAF’s timeout (status 0) once the request’s own timeout passes', async () => {
    await post('/__sim/config', { fault: 'timeout' });
    const { body } = await post('/__sim/zendesk', {
      agentId: AOIFE,
      url: '/api/v2/users/me.json',
      timeout: 50,
    });
    expect(body).toMatchObject({ status: 0, statusText: 'timeout' });
  });

  it('answers the fake API over plain HTTP as the agent in X-Sim-Agent, with Zendesk’s headers', async () => {
    const response = await fetch(
      url('/api/v2/search/count.json?query=type%3Aticket%20assignee%3Ame%20status%3Csolved'),
      {
        headers: { 'x-sim-agent': String(JONAS) },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-rate-limit-remaining')).toBe('199');
    const { count } = (await response.json()) as { count: number };
    expect(count).toBe((await state(JONAS)).expected.backlog);

    await post('/__sim/config', { fault: 'malformed' });
    const malformed = await fetch(url('/api/v2/users/me.json'));
    expect(malformed.headers.get('content-type')).toContain('text/plain');
    await expect(malformed.json()).rejects.toThrow();
  });

  it('moves the clock forward only', async () => {
    const before = (await state()).now;
    const { body } = await post('/__sim/clock', { minutes: 15 });
    expect(body.now as number).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect((await post('/__sim/clock', { minutes: -5 })).status).toBe(400);
  });

  it('solving a ticket counts at once in the live figures, and in what search sees after the index lag', async () => {
    const before = await state();
    const ticketId = before.openTickets[0]!.id;
    expect((await post('/__sim/act', { action: 'solve', ticketId, agentId: AOIFE })).status).toBe(200);
    const after = await state();
    expect(after.expected.solvedToday).toBe(before.expected.solvedToday + 1);
    expect(after.expected.backlog).toBe(before.expected.backlog - 1);
    expect(after.expectedSearchable.solvedToday).toBe(before.expectedSearchable.solvedToday);
    await post('/__sim/clock', { minutes: 2 });
    expect((await state()).expectedSearchable.solvedToday).toBe(before.expected.solvedToday + 1);
  });

  it('rejects actions on tickets or agents that do not exist, and unknown faults', async () => {
    expect((await post('/__sim/act', { action: 'solve', ticketId: 1 })).status).toBe(404);
    expect((await post('/__sim/act', { action: 'dance', ticketId: 41000 })).status).toBe(400);
    expect((await post('/__sim/act', { action: 'create', agentId: 999 })).status).toBe(404);
    expect((await post('/__sim/config', { fault: 'lightning' })).status).toBe(400);
    expect((await post('/__sim/config', { budgetPerMinute: 0 })).status).toBe(400);
    expect((await fetch(url('/__sim/state?agent=999'))).status).toBe(404);
  });

  it('applies config: index lag, rate budget, and a fault for one agent only', async () => {
    const { body } = await post('/__sim/config', {
      indexLagSeconds: 5,
      budgetPerMinute: 50,
      fault: '403',
      faultAgentId: JONAS,
    });
    expect(body).toEqual({ indexLagSeconds: 5, budgetPerMinute: 50, fault: '403', faultAgentId: JONAS });
    const jonas = await post('/__sim/zendesk', { agentId: JONAS, url: '/api/v2/users/me.json' });
    const aoife = await post('/__sim/zendesk', { agentId: AOIFE, url: '/api/v2/users/me.json' });
    expect([jonas.body.status, aoife.body.status]).toEqual([403, 200]);
  });

  it('saves settings as the installation’s and tells open pages to reload their sidebars', async () => {
    const events = nextEvents(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const settings = { goals: 'me solved 5 day', nudgesEnabled: false };
    expect((await post('/__sim/settings', { settings })).status).toBe(200);
    expect(await events).toEqual([{ event: 'command', data: { command: 'reloadSidebars' } }]);
    expect((await state()).settings).toEqual(settings);
    await post('/__sim/reset');
    expect((await state()).settings.goals).toContain('team    solved        250      week');
  });

  it('relays page commands to open pages, and says when no page is listening', async () => {
    expect((await post('/__sim/page', { command: 'openTab', ticketId: 41000 })).status).toBe(409);
    const events = nextEvents(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { status, body } = await post('/__sim/page', { command: 'openTab', ticketId: 41000 });
    expect([status, body.delivered]).toEqual([200, 1]);
    expect(await events).toEqual([{ event: 'command', data: { command: 'openTab', ticketId: 41000 } }]);
    expect((await post('/__sim/page', { command: 'format-disk' })).status).toBe(400);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await fetch(url('/__sim/act'), { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
  });
});
