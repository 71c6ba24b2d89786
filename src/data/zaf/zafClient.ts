/** What a Zendesk API call returned, whatever its status. */
export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

export interface HttpRequest {
  url: string;
  /**
   * GET unless said otherwise. Writes: the goal studio's settings (PUT, admins only), setting up the answers
   * object (POST, admins only), and an agent's own answer on a goal (PATCH, after they confirm it).
   */
  method?: 'GET' | 'PUT' | 'POST' | 'PATCH';
  /** Sent as JSON. */
  body?: unknown;
  /** Milliseconds before ZAF gives up on the call. */
  timeout?: number;
}

/** The slice of the ZAF client the app uses, typed. Components get it from ClientProvider, never the global. */
export interface ZafClient {
  get(path: string): Promise<unknown>;
  resize(height: number): void;
  openTicket(ticketId: number): void;
  /** Opens the app's own page in the left-hand bar (the goal studio), where Zendesk names it after the app. */
  openAppPage(): void;
  on(event: string, handler: (data: unknown) => void): () => void;
  /** GET through Zendesk with the agent's session; resolves for every HTTP status, rejects only when no answer came. */
  request(request: HttpRequest): Promise<HttpResponse>;
  settings(): Promise<Readonly<Record<string, unknown>>>;
  /** This installation's id (ZAF metadata), which the settings are saved under. */
  installationId(): Promise<number | null>;
  context(): Promise<{ ticketId: number | null; subdomain: string | null; location: string | null }>;
}

/**
 * Sending requests (and reading ZAF's two shapes of answer) is a chunk of its own: the first paint sends none.
 * index.tsx starts loading it with the full sidebar; the first request waits for it otherwise.
 */
export const loadRequestSender = () => import(/* webpackChunkName: "zaf-request" */ './zafRequest');

/** Wraps the SDK client; kept separate from createZafClient so tests can wrap a fake SDK client. */
export function wrapZafClient(sdk: ZafSdkClient): ZafClient {
  return {
    async get(path) {
      const result = await sdk.get(path);
      const errors = result.errors as Record<string, unknown> | undefined;
      if (errors && errors[path]) throw new Error(`ZAF could not read ${path}`);
      return result[path];
    },
    resize(height) {
      void sdk.invoke('resize', { width: '100%', height: `${Math.ceil(height)}px` });
    },
    openTicket(ticketId) {
      void sdk.invoke('routeTo', 'ticket', ticketId);
    },
    openAppPage() {
      // Zendesk routes nav_bar apps by their installation name, lower-cased and dash-delimited.
      void sdk.metadata().then((metadata) => {
        const name = typeof metadata.name === 'string' ? metadata.name : 'goalpost';
        return sdk.invoke(
          'routeTo',
          'nav_bar',
          name
            .trim()
            .toLowerCase()
            .replace(/[\s_]+/g, '-'),
        );
      });
    },
    on(event, handler) {
      sdk.on(event, handler);
      return () => sdk.off(event, handler);
    },
    async request(request) {
      const { sendRequest } = await loadRequestSender();
      return sendRequest(sdk, request);
    },
    async settings() {
      const metadata = await sdk.metadata();
      return metadata.settings ?? {};
    },
    async installationId() {
      const metadata = await sdk.metadata();
      return typeof metadata.installationId === 'number' ? metadata.installationId : null;
    },
    async context() {
      const context = await sdk.context();
      return {
        ticketId: typeof context.ticketId === 'number' ? context.ticketId : null,
        subdomain: context.account?.subdomain ?? null,
        location: typeof context.location === 'string' ? context.location : null,
      };
    },
  };
}

/** The app's one ZAF client, or null outside Zendesk (no origin/app_guid in the iframe URL). */
export function createZafClient(): ZafClient | null {
  const sdk = typeof window !== 'undefined' ? window.ZAFClient?.init() : undefined;
  return sdk ? wrapZafClient(sdk) : null;
}
