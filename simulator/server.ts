import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Fault } from './fakeZendesk/fakeZendesk';
import { FakeZendesk, FAULTS } from './fakeZendesk/fakeZendesk';
import { expectedFigures } from './seed/expectedFigures';

const ROOT = join(__dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface SimulatorOptions {
  port?: number;
  seed?: number;
  indexLagSeconds?: number;
}

const DEMO_GOALS = [
  '# who   metric        target   per     options',
  'me      csat          85%      week    floor 80%',
  'me      solved        12       day',
  'me      first_reply   2h       week',
  'me      backlog       15       now',
  'team    solved        250      week',
].join('\n');

/**
 * The local Zendesk workspace: the host page (ZAF host emulator, agent controls, admin panel), the app from
 * dist-sim/, and the fake Zendesk API the host proxies the app's requests to. Time runs from a fixed
 * Wednesday morning at real speed and can be moved forward.
 */
export async function startSimulator(options: SimulatorOptions = {}) {
  let zendesk = new FakeZendesk(options.seed ?? 42);
  zendesk.indexLagSeconds = options.indexLagSeconds ?? 60;
  let offsetMs = zendesk.now - Date.now();
  const sync = () => {
    zendesk.now = Date.now() + offsetMs;
  };
  let settings: Record<string, unknown> = { goals: DEMO_GOALS };

  async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  const json = (response: ServerResponse, status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': TYPES['.json'] ?? '', 'cache-control': 'no-store' });
    response.end(JSON.stringify(value));
  };

  async function serveFile(response: ServerResponse, base: string, relative: string) {
    const path = normalize(join(base, relative));
    if (!path.startsWith(base)) return json(response, 403, { error: 'forbidden' });
    try {
      const content = await readFile(path);
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(content);
    } catch {
      json(response, 404, { error: 'not found', path: relative });
    }
  }

  function state(agentId: number) {
    sync();
    const day = 86_400_000;
    const dayStart = Math.floor(zendesk.now / day) * day;
    const weekStart = dayStart - ((new Date(dayStart).getUTCDay() + 6) % 7) * day;
    const agent = zendesk.agent(agentId);
    const everything = zendesk.liveTickets();
    const all = everything.filter((t) => t.assigneeId === agentId);
    return {
      now: zendesk.now,
      offsetMs,
      account: { subdomain: zendesk.account.subdomain, planName: zendesk.account.planName },
      agents: zendesk.account.agents.map((a) => ({ id: a.id, name: a.name, role: a.role })),
      groups: zendesk.account.groups,
      currentUser: zendesk.currentUser(agentId),
      openTickets: all
        .filter((t) => t.solvedAt === null)
        .map((t) => ({ id: t.id, subject: t.subject, status: t.status })),
      recentlySolved: all
        .filter((t) => t.solvedAt !== null)
        .sort((a, b) => (b.solvedAt ?? 0) - (a.solvedAt ?? 0))
        .slice(0, 8)
        .map((t) => ({ id: t.id, subject: t.subject, satisfaction: t.satisfaction })),
      settings,
      config: {
        indexLagSeconds: zendesk.indexLagSeconds,
        budgetPerMinute: zendesk.budgetPerMinute,
        fault: zendesk.fault,
      },
      requestCount: zendesk.log.length,
      // Dublin is on UTC in November, so the demo agent's day and week edges are UTC midnights.
      expected: agent
        ? expectedFigures(
            everything,
            agentId,
            agent.defaultGroupId,
            { start: dayStart, end: dayStart + day },
            { start: weekStart, end: weekStart + 7 * day },
          )
        : null,
    };
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (request.method === 'GET' && (path === '/' || path === '/index.html'))
        return serveFile(response, join(ROOT, 'simulator/public'), 'index.html');
      if (request.method === 'GET' && path.startsWith('/sim/'))
        return serveFile(response, join(ROOT, 'simulator/public'), path.slice(5));
      if (request.method === 'GET' && path.startsWith('/app/'))
        return serveFile(response, join(ROOT, 'dist-sim'), path.slice(5));
      if (request.method === 'GET' && path === '/__sim/state')
        return json(response, 200, state(Number(url.searchParams.get('agent') ?? 3720451)));
      if (request.method === 'GET' && path === '/__sim/log') return json(response, 200, zendesk.log);
      if (request.method !== 'POST') return json(response, 404, { error: 'not found' });
      const input = await body(request);
      sync();
      switch (path) {
        case '/__sim/zendesk': {
          const answer = zendesk.handle(
            Number(input.agentId),
            'GET',
            String(input.url),
            String(input.instance ?? 'unknown'),
          );
          if (answer.hang) {
            // Zendesk took too long: the host reports a timeout after the request's own timeout.
            await new Promise((resolve) =>
              setTimeout(resolve, Math.min(Number(input.timeout ?? 20_000), 20_000)),
            );
            return json(response, 200, { status: 0, statusText: 'timeout', headers: {} });
          }
          return json(response, 200, {
            status: answer.status,
            headers: answer.headers,
            responseJSON: answer.text === undefined ? answer.body : undefined,
            responseText: answer.text ?? JSON.stringify(answer.body),
          });
        }
        case '/__sim/clock':
          offsetMs += Number(input.minutes ?? 0) * 60_000;
          sync();
          return json(response, 200, { now: zendesk.now, offsetMs });
        case '/__sim/config':
          if (typeof input.indexLagSeconds === 'number') zendesk.indexLagSeconds = input.indexLagSeconds;
          if (typeof input.budgetPerMinute === 'number') zendesk.budgetPerMinute = input.budgetPerMinute;
          if (typeof input.fault === 'string' && (FAULTS as readonly string[]).includes(input.fault))
            zendesk.fault = input.fault as Fault;
          return json(response, 200, {
            indexLagSeconds: zendesk.indexLagSeconds,
            budgetPerMinute: zendesk.budgetPerMinute,
            fault: zendesk.fault,
          });
        case '/__sim/act': {
          const agentId = Number(input.agentId ?? 3720451);
          const ticketId = Number(input.ticketId);
          const ticket =
            input.action === 'create'
              ? zendesk.createTicket(agentId)
              : input.action === 'reply'
                ? zendesk.reply(ticketId)
                : input.action === 'solve'
                  ? zendesk.solve(ticketId)
                  : zendesk.rate(ticketId, input.score === 'bad' ? 'bad' : 'good');
          return json(response, 200, {
            ticket: { id: ticket.id, status: ticket.status, satisfaction: ticket.satisfaction },
          });
        }
        case '/__sim/settings':
          settings = (input.settings as Record<string, unknown>) ?? settings;
          return json(response, 200, { settings });
        case '/__sim/reset':
          zendesk = new FakeZendesk(options.seed ?? 42);
          zendesk.indexLagSeconds = options.indexLagSeconds ?? 60;
          offsetMs = zendesk.now - Date.now();
          settings = { goals: DEMO_GOALS };
          return json(response, 200, { ok: true });
        case '/__sim/log/clear':
          zendesk.log.length = 0;
          return json(response, 200, { ok: true });
        default:
          return json(response, 404, { error: 'not found' });
      }
    } catch (failure) {
      json(response, 500, { error: String(failure) });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 4400, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4400);
  return {
    url: `http://localhost:${port}/`,
    zendesk: () => zendesk,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  void startSimulator({ port: Number(process.env.PORT ?? 4400) }).then(({ url }) => {
    console.log(`Goalpost simulator: ${url}`);
  });
}
