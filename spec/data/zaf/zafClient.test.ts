import { wrapZafClient } from '../../../src/data/zaf/zafClient';

function sdkAnswering(
  request: (options: Record<string, unknown>) => Promise<unknown>,
  get: Record<string, unknown> = {},
): ZafSdkClient & { invoked: unknown[][] } {
  const invoked: unknown[][] = [];
  return {
    invoked,
    get: async (path) => ({
      errors: {},
      ...get,
      ...(typeof path === 'string' && !(path in get) ? { errors: { [path]: { message: 'no' } } } : {}),
    }),
    invoke: async (...args) => void invoked.push(args),
    on: () => undefined,
    off: () => undefined,
    trigger: () => undefined,
    request,
    metadata: async () => ({
      settings: { goals: 'me solved 10 day' },
      name: 'Goalpost Team_Goals',
      installationId: 2000001,
    }),
    context: async () => ({ ticketId: 4521, account: { subdomain: 'acme' }, location: 'ticket_sidebar' }),
  };
}

describe('the ZAF facade', () => {
  it('asks ZAF for the complete response without its own retries, and reads a success', async () => {
    let options: Record<string, unknown> = {};
    const client = wrapZafClient(
      sdkAnswering(async (o) => {
        options = o;
        return { status: 200, headers: { 'X-Rate-Limit-Remaining': '180' }, responseJSON: { count: 6 } };
      }),
    );
    await expect(client.request({ url: '/api/v2/search/count.json?query=x' })).resolves.toEqual({
      status: 200,
      headers: { 'x-rate-limit-remaining': '180' },
      body: { count: 6 },
    });
    expect(options).toMatchObject({ httpCompleteResponse: true, autoRetry: false, type: 'GET' });
  });

  it('turns a rejected 429 (plain-text body) into a response the request layer can honour', async () => {
    const client = wrapZafClient(
      sdkAnswering(async () => {
        throw { status: 429, headers: { 'Retry-After': '30' }, responseText: 'Rate limited' };
      }),
    );
    await expect(client.request({ url: '/api/v2/search.json' })).resolves.toEqual({
      status: 429,
      headers: { 'retry-after': '30' },
      body: 'Rate limited',
    });
  });

  it('reports no answer at all (status 0, a timeout) as a failure', async () => {
    const client = wrapZafClient(
      sdkAnswering(async () => {
        throw { status: 0, statusText: 'timeout' };
      }),
    );
    await expect(client.request({ url: '/api/v2/search.json' })).rejects.toThrow('Zendesk did not answer');
  });

  it('reads paths, settings and context, and fails clearly on a path ZAF cannot read', async () => {
    const client = wrapZafClient(sdkAnswering(async () => null, { currentUser: { id: 7 } }));
    await expect(client.get('currentUser')).resolves.toEqual({ id: 7 });
    await expect(client.get('ticket.requester')).rejects.toThrow('ZAF could not read ticket.requester');
    await expect(client.settings()).resolves.toEqual({ goals: 'me solved 10 day' });
    await expect(client.context()).resolves.toEqual({
      ticketId: 4521,
      subdomain: 'acme',
      location: 'ticket_sidebar',
    });
  });

  it('resizes the iframe and opens tickets through ZAF', () => {
    const sdk = sdkAnswering(async () => null);
    const client = wrapZafClient(sdk);
    client.resize(412.4);
    client.openTicket(4521);
    expect(sdk.invoked).toEqual([
      ['resize', { width: '100%', height: '413px' }],
      ['routeTo', 'ticket', 4521],
    ]);
  });

  it('opens the app’s own page by its installation name, as Zendesk routes nav_bar apps', async () => {
    const sdk = sdkAnswering(async () => ({}));
    const client = wrapZafClient(sdk);
    client.openAppPage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sdk.invoked).toEqual([['routeTo', 'nav_bar', 'goalpost-team-goals']]);
    await expect(client.installationId()).resolves.toBe(2000001);
  });

  it('sends a PUT with its JSON body, for the studio’s save', async () => {
    let options: Record<string, unknown> = {};
    const client = wrapZafClient(
      sdkAnswering(async (o) => {
        options = o;
        return { status: 200, headers: {}, responseJSON: { id: 2000001, settings: {} } };
      }),
    );
    await client.request({
      url: '/api/v2/apps/installations/2000001.json',
      method: 'PUT',
      body: { settings: { a: 1 } },
    });
    expect(options).toMatchObject({
      type: 'PUT',
      contentType: 'application/json',
      data: '{"settings":{"a":1}}',
    });
  });
});
