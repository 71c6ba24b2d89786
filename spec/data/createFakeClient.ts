import type { HttpResponse, ZafClient } from '../../src/data/zaf/zafClient';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';

export interface FakeClient extends ZafClient {
  zendesk: FakeZendesk;
  emit(event: string, data?: unknown): void;
  resizedTo: number[];
  openedTickets: number[];
  /** How often the app's page (nav_bar) was asked for. */
  appPageOpened: number;
  /** The ticket this sidebar sits on (ZAF context); tests may point it at another. */
  ticketId: number;
}

/**
 * The one fake at the ZAF boundary: answers `get` like Zendesk's host (currentUser, currentAccount), and
 * sends `request` to the simulator's spec-shaped fake Zendesk API on behalf of the agent.
 */
export function createFakeClient(
  options: {
    agentId?: number;
    settings?: Record<string, unknown>;
    locale?: string;
    zendesk?: FakeZendesk;
    /** Where the app is shown: the ticket sidebar unless said otherwise. */
    location?: 'ticket_sidebar' | 'nav_bar';
  } = {},
): FakeClient {
  const zendesk = options.zendesk ?? new FakeZendesk();
  const agentId = options.agentId ?? 3720451;
  const handlers = new Map<string, Set<(data: unknown) => void>>();
  // The installation holds the settings, as in Zendesk: what the studio saves, the next sidebar reads.
  if (options.settings) Object.assign(zendesk.installation.settings, options.settings);
  const client: FakeClient = {
    zendesk,
    resizedTo: [],
    openedTickets: [],
    appPageOpened: 0,
    ticketId: 41020,
    async get(path) {
      if (path === 'currentUser') {
        const user = zendesk.currentUser(agentId);
        return options.locale ? { ...user, locale: options.locale } : user;
      }
      if (path === 'currentAccount')
        return {
          subdomain: zendesk.account.subdomain,
          planName: zendesk.account.planName,
          timeZone: { ianaName: 'Europe/Dublin' },
        };
      if (path === 'ticket') {
        // ZAF's ticket object for this sidebar's ticket, as the agent workspace has it now.
        const ticket = zendesk.live(client.ticketId);
        if (!ticket) throw new Error('no ticket');
        return { id: ticket.id, status: ticket.status, assignee: { user: { id: ticket.assigneeId } } };
      }
      throw new Error(`unknown path ${path}`);
    },
    resize: (height) => void client.resizedTo.push(height),
    openTicket: (id) => void client.openedTickets.push(id),
    openAppPage: () => void (client.appPageOpened += 1),
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
    emit: (event, data) => handlers.get(event)?.forEach((handler) => handler(data)),
    async request({ url, method = 'GET', body }): Promise<HttpResponse> {
      const response = zendesk.handle(agentId, method, url, 'direct', undefined, body);
      if (response.hang) throw new Error('timeout');
      return { status: response.status, headers: response.headers, body: response.text ?? response.body };
    },
    settings: async () => ({ ...zendesk.installation.settings }),
    installationId: async () => zendesk.installation.id,
    context: async () => ({
      ticketId: options.location === 'nav_bar' ? null : client.ticketId,
      subdomain: zendesk.account.subdomain,
      location: options.location ?? 'ticket_sidebar',
    }),
  };
  return client;
}
