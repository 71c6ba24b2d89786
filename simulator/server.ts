import { TEAM_LEADS_GROUP } from './seed/seededAccount';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Fault } from './fakeZendesk/fakeZendesk';
import { FakeZendesk, FAULTS, TICKET_RESTRICTIONS } from './fakeZendesk/fakeZendesk';
import { expectedFiguresFor } from './seed/expectedFigures';

const ROOT = join(__dirname, '..');
const PUBLIC = join(ROOT, 'simulator/public');
const DEFAULT_APP_DIR = join(ROOT, 'dist-sim');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** The agent the page acts as when none is chosen: Aoife Byrne, EMEA, Europe/Dublin. */
export const DEFAULT_AGENT_ID = 3720451;
/** The longest a hung request is held before the host reports a timeout. */
const MAX_HANG_MS = 20_000;

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  seed?: number;
  indexLagSeconds?: number;
  /** Settings the installation starts with (default: the demo goals). */
  settings?: Record<string, unknown>;
  /** The built app to serve at /app/ (default dist-sim/; `npm run bench:ui` serves its production build). */
  appDir?: string;
}

export const DEMO_GOALS = [
  '# who   metric        target   per     options',
  'me      csat          85%      week    floor 80%',
  'me      solved        12       day',
  'me      first_reply   2h       week',
  'me      backlog       15       now',
  'team    solved        250      week',
].join('\n');

/** What the page is told to do by the control API (tests drive tabs this way without clicking). */
const PAGE_COMMANDS = [
  'openTab',
  'closeTab',
  'activateTab',
  'sideBySide',
  'selectAgent',
  'reloadSidebars',
] as const;
type PageCommand = (typeof PAGE_COMMANDS)[number];

class BadInput extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The local Zendesk workspace: the host page (ZAF host emulator, agent controls, admin panel), the app from
 * dist-sim/, the fake Zendesk API the host proxies the app's requests to, and a JSON control API under
 * /__sim/ for tests. Time runs from a fixed Wednesday morning at real speed and can be moved forward.
 */
/** A request body as the app sent it (JSON text); anything unreadable reaches the fake API as null. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function startSimulator(options: SimulatorOptions = {}) {
  // Chiara Rossi leads her teams: the Team leads group is set, so the team page can be tried as a lead too.
  const initialSettings = options.settings ?? { goals: DEMO_GOALS, teamLeadsGroup: String(TEAM_LEADS_GROUP) };
  const appDir = options.appDir ?? DEFAULT_APP_DIR;
  let zendesk = new FakeZendesk(options.seed ?? 42);
  zendesk.indexLagSeconds = options.indexLagSeconds ?? 60;
  let offsetMs = zendesk.now - Date.now();
  /** How far the app iframes' clock is off the simulated time (a computer clock set wrong); may be < 0. */
  let appClockSkewMs = 0;
  const sync = () => {
    zendesk.now = Date.now() + offsetMs;
  };
  // The settings live where Zendesk keeps them, on the app installation (the goal studio saves them there).
  zendesk.installation.settings = { ...initialSettings };
  const pages = new Set<ServerResponse>();
  let sdkBundle: Promise<string> | null = null;

  /** Server-sent events to every open simulator page. Returns how many pages got it. */
  function broadcast(event: 'changed' | 'command', data: Record<string, unknown>): number {
    for (const page of pages) page.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    return pages.size;
  }

  async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BadInput('The body is not JSON.');
    }
    if (!isRecord(parsed)) throw new BadInput('The body must be a JSON object.');
    return parsed;
  }

  const json = (response: ServerResponse, status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': TYPES['.json'] ?? '', 'cache-control': 'no-store' });
    response.end(JSON.stringify(value));
  };

  async function serveFile(response: ServerResponse, bases: string[], relative: string) {
    for (const base of bases) {
      const path = normalize(join(base, relative));
      if (path !== base && !path.startsWith(base + sep)) return json(response, 403, { error: 'forbidden' });
      try {
        const content = await readFile(path);
        response.writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        return response.end(content);
      } catch {
        // try the next base
      }
    }
    json(response, 404, { error: 'not found', path: relative });
  }

  /** The npm ZAF SDK as the `ZAFClient` global, for the probe app (works before the app is built). */
  function zafSdk(): Promise<string> {
    sdkBundle ??= import('esbuild').then(async (esbuild) => {
      const result = await esbuild.build({
        entryPoints: [join(ROOT, 'simulator/zafSdkGlobal.js')],
        bundle: true,
        write: false,
        format: 'iife',
        logLevel: 'silent',
      });
      return result.outputFiles[0]?.text ?? '';
    });
    return sdkBundle;
  }

  const agentIdFrom = (value: unknown): number => {
    const id = value === undefined || value === null || value === '' ? DEFAULT_AGENT_ID : Number(value);
    if (!zendesk.agent(id)) throw new BadInput(`No agent ${String(value)}.`, 404);
    return id;
  };

  const ticketIdFrom = (value: unknown): number => {
    const id = Number(value);
    if (!Number.isInteger(id) || !zendesk.live(id)) throw new BadInput(`No ticket ${String(value)}.`, 404);
    return id;
  };

  function ticketSummary(ticketId: number) {
    const ticket = zendesk.live(ticketId);
    if (!ticket) return null;
    return {
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      assigneeId: ticket.assigneeId,
      groupId: ticket.groupId,
      requesterId: ticket.requesterId,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      satisfaction: ticket.satisfaction,
    };
  }

  function config() {
    return {
      indexLagSeconds: zendesk.indexLagSeconds,
      budgetPerMinute: zendesk.budgetPerMinute,
      fault: zendesk.fault,
      faultAgentId: zendesk.faultAgentId,
    };
  }

  function state(agentId: number) {
    sync();
    const everything = zendesk.liveTickets();
    const all = everything.filter((t) => t.assigneeId === agentId);
    return {
      now: zendesk.now,
      offsetMs,
      appClockSkewMs,
      appBuilt: existsSync(join(appDir, 'assets/iframe.html')),
      account: {
        subdomain: zendesk.account.subdomain,
        planName: zendesk.account.planName,
        timeZone: 'Europe/Dublin',
      },
      agents: zendesk.account.agents.map((a) => ({
        id: a.id,
        name: a.name,
        role: a.role,
        timeZone: a.timeZone,
        ticketRestriction: a.ticketRestriction,
      })),
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
      settings: zendesk.installation.settings,
      config: config(),
      requestCount: zendesk.log.length,
      /** What the sidebar should show once search has caught up (live data, the agent's own day and week). */
      expected: expectedFiguresFor(zendesk.account, everything, agentId, zendesk.now),
      /** What search can see right now (changes younger than the index lag are missing). */
      expectedSearchable: expectedFiguresFor(
        zendesk.account,
        zendesk.searchableTickets(),
        agentId,
        zendesk.now,
      ),
    };
  }

  function reset() {
    zendesk = new FakeZendesk(options.seed ?? 42);
    zendesk.indexLagSeconds = options.indexLagSeconds ?? 60;
    offsetMs = zendesk.now - Date.now();
    appClockSkewMs = 0;
    zendesk.installation.settings = { ...initialSettings };
  }

  /** The fake API's answer as the host gives it to the SDK (ZAF's complete-response shape). */
  async function proxied(
    agentId: number,
    method: string,
    url: string,
    instance: string,
    timeout: number,
    requestBody?: unknown,
  ) {
    const answer = zendesk.handle(agentId, method, url, instance, undefined, requestBody);
    // Settings saved through the installation (the goal studio): Zendesk reloads the app's open sidebars.
    if (method === 'PUT' && /\/api\/v2\/apps\/installations\//.test(url) && answer.status === 200)
      setTimeout(() => broadcast('command', { command: 'reloadSidebars' }), 0);
    if (answer.hang) {
      // Zendesk never answered: ZAF reports a timeout once the request's own timeout has passed.
      await new Promise((resolve) => setTimeout(resolve, Math.min(timeout, MAX_HANG_MS)));
      return { status: 0, statusText: 'timeout', headers: {}, responseText: '' };
    }
    return {
      status: answer.status,
      statusText: answer.status < 400 ? 'success' : 'error',
      headers: answer.headers,
      responseJSON: answer.text === undefined ? answer.body : undefined,
      responseText: answer.text ?? JSON.stringify(answer.body),
    };
  }

  async function control(path: string, input: Record<string, unknown>, response: ServerResponse) {
    switch (path) {
      case '/__sim/zendesk': {
        if (typeof input.url !== 'string') throw new BadInput('url is required.');
        const answer = await proxied(
          agentIdFrom(input.agentId),
          typeof input.method === 'string' ? input.method.toUpperCase() : 'GET',
          input.url,
          String(input.instance ?? 'unknown'),
          Number(input.timeout ?? MAX_HANG_MS) || MAX_HANG_MS,
          typeof input.body === 'string' ? parseJson(input.body) : undefined,
        );
        return json(response, 200, answer);
      }
      case '/__sim/clock': {
        const minutes = Number(input.minutes ?? 0);
        if (!Number.isFinite(minutes) || minutes < 0)
          throw new BadInput('minutes must be a number ≥ 0: the clock only moves forward.');
        if (input.appClockSkewMinutes !== undefined) {
          // Only the app's clock, as when the agent's computer clock is wrong: Zendesk's time runs on.
          const skew = Number(input.appClockSkewMinutes);
          if (!Number.isFinite(skew)) throw new BadInput('appClockSkewMinutes must be a number.');
          appClockSkewMs = skew * 60_000;
        }
        offsetMs += minutes * 60_000;
        sync();
        broadcast('changed', { what: 'clock' });
        return json(response, 200, { now: zendesk.now, offsetMs, appClockSkewMs });
      }
      case '/__sim/config': {
        if (input.indexLagSeconds !== undefined) {
          const lag = Number(input.indexLagSeconds);
          if (!Number.isFinite(lag) || lag < 0) throw new BadInput('indexLagSeconds must be ≥ 0.');
          zendesk.indexLagSeconds = lag;
        }
        if (input.budgetPerMinute !== undefined) {
          const budget = Number(input.budgetPerMinute);
          if (!Number.isInteger(budget) || budget < 1) throw new BadInput('budgetPerMinute must be ≥ 1.');
          zendesk.budgetPerMinute = budget;
        }
        if (input.fault !== undefined) {
          if (!(FAULTS as readonly unknown[]).includes(input.fault))
            throw new BadInput(`fault must be one of ${FAULTS.join(', ')}.`);
          zendesk.fault = input.fault as Fault;
        }
        if (input.faultAgentId !== undefined)
          zendesk.faultAgentId = input.faultAgentId === null ? null : agentIdFrom(input.faultAgentId);
        broadcast('changed', { what: 'config' });
        return json(response, 200, config());
      }
      case '/__sim/act': {
        const agentId = agentIdFrom(input.agentId);
        const action = input.action;
        const ticket =
          action === 'create'
            ? zendesk.createTicket(agentId)
            : action === 'reply'
              ? zendesk.reply(ticketIdFrom(input.ticketId))
              : action === 'solve'
                ? zendesk.solve(ticketIdFrom(input.ticketId))
                : action === 'rate'
                  ? zendesk.rate(
                      ticketIdFrom(input.ticketId),
                      input.score === 'bad' ? 'bad' : 'good',
                      typeof input.comment === 'string' && input.comment ? input.comment : null,
                    )
                  : null;
        if (!ticket) throw new BadInput('action must be create, reply, solve or rate.');
        broadcast('changed', { what: 'ticket', ticketId: ticket.id, action });
        return json(response, 200, {
          ticket: { id: ticket.id, status: ticket.status, satisfaction: ticket.satisfaction },
        });
      }
      case '/__sim/restrict': {
        const restriction = input.ticketRestriction ?? null;
        if (!(TICKET_RESTRICTIONS as readonly unknown[]).includes(restriction))
          throw new BadInput('ticketRestriction must be null, "groups" or "assigned".');
        zendesk.restrict(agentIdFrom(input.agentId), restriction as (typeof TICKET_RESTRICTIONS)[number]);
        broadcast('changed', { what: 'agent' });
        return json(response, 200, { ok: true });
      }
      case '/__sim/settings': {
        if (!isRecord(input.settings)) throw new BadInput('settings must be an object.');
        zendesk.installation.settings = input.settings;
        // Zendesk reloads an app's open instances when its settings are saved.
        broadcast('command', { command: 'reloadSidebars' });
        return json(response, 200, { settings: zendesk.installation.settings });
      }
      case '/__sim/page': {
        const command = input.command;
        if (!(PAGE_COMMANDS as readonly unknown[]).includes(command))
          throw new BadInput(`command must be one of ${PAGE_COMMANDS.join(', ')}.`);
        const delivered = broadcast('command', { ...input, command: command as PageCommand });
        return json(response, delivered > 0 ? 200 : 409, { delivered });
      }
      case '/__sim/reset':
        reset();
        broadcast('changed', { what: 'reset' });
        return json(response, 200, { ok: true });
      case '/__sim/log/clear':
        zendesk.log.length = 0;
        broadcast('changed', { what: 'log' });
        return json(response, 200, { ok: true });
      default:
        return json(response, 404, { error: 'not found' });
    }
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      const method = request.method ?? 'GET';
      if (path.startsWith('/api/v2/')) {
        // The fake API straight over HTTP, as the agent named in X-Sim-Agent (for tools and curl).
        sync();
        const answer = await proxied(
          agentIdFrom(request.headers['x-sim-agent']),
          method,
          `${path}${url.search}`,
          String(request.headers['x-sim-instance'] ?? 'http'),
          MAX_HANG_MS,
        );
        if (answer.status === 0) return json(response, 504, { error: 'GatewayTimeout' });
        const contentType =
          answer.responseJSON === undefined ? 'text/plain; charset=utf-8' : (TYPES['.json'] ?? '');
        response.writeHead(answer.status, { ...answer.headers, 'content-type': contentType });
        return response.end(answer.responseText);
      }
      if (method === 'GET') {
        if (path === '/' || path === '/index.html') return serveFile(response, [PUBLIC], 'index.html');
        if (path === '/favicon.ico') return response.writeHead(204).end();
        if (path === '/sim/zaf_sdk.js') {
          response.writeHead(200, { 'content-type': TYPES['.js'] ?? '', 'cache-control': 'no-store' });
          return response.end(await zafSdk());
        }
        if (path.startsWith('/sim/')) return serveFile(response, [PUBLIC], path.slice(5));
        // The built app; the admin panel falls back to the source manifest and translations before a build.
        if (path === '/app/manifest.json') return serveFile(response, [appDir, ROOT], 'manifest.json');
        if (path.startsWith('/app/translations/'))
          return serveFile(
            response,
            [join(appDir, 'translations'), join(ROOT, 'translations')],
            path.slice(18),
          );
        if (path.startsWith('/app/')) return serveFile(response, [appDir], path.slice(5));
        if (path === '/__sim/state')
          return json(response, 200, state(agentIdFrom(url.searchParams.get('agent'))));
        if (path === '/__sim/log') return json(response, 200, zendesk.log);
        if (path === '/__sim/ticket') {
          sync();
          const ticket = ticketSummary(Number(url.searchParams.get('id')));
          return ticket ? json(response, 200, { ticket }) : json(response, 404, { error: 'no such ticket' });
        }
        if (path === '/__sim/events') {
          response.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          response.write(': connected\n\n');
          pages.add(response);
          request.on('close', () => pages.delete(response));
          return;
        }
        return json(response, 404, { error: 'not found' });
      }
      if (method !== 'POST') return json(response, 405, { error: 'method not allowed' });
      const input = await body(request);
      sync();
      await control(path, input, response);
    } catch (failure) {
      if (failure instanceof BadInput) return json(response, failure.status, { error: failure.message });
      json(response, 500, { error: String(failure) });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 4400, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4400);
  return {
    url: `http://localhost:${port}/`,
    zendesk: () => zendesk,
    close: () =>
      new Promise<void>((resolve) => {
        for (const page of pages) page.end();
        pages.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (require.main === module) {
  void startSimulator({ port: Number(process.env.PORT ?? 4400) }).then(({ url }) => {
    console.log(`Goalpost simulator: ${url}`);
  });
}
