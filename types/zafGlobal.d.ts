// The ZAF SDK ships no types. Zendesk's CDN script (production) and the npm build (simulator) both
// define this global; the app reaches it only through src/data/zaf/zafClient.ts.
interface ZafSdkClient {
  get(paths: string | string[]): Promise<Record<string, unknown>>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(name: string, handler: (data: unknown) => void): void;
  off(name: string, handler: (data: unknown) => void): void;
  trigger(name: string, data?: unknown): void;
  request(options: Record<string, unknown>): Promise<unknown>;
  metadata(): Promise<{ settings?: Record<string, unknown>; [key: string]: unknown }>;
  context(): Promise<{
    ticketId?: number;
    instanceGuid?: string;
    account?: { subdomain?: string };
    [key: string]: unknown;
  }>;
}

interface Window {
  ZAFClient?: { init(callback?: (context: unknown) => void): ZafSdkClient | false };
}
