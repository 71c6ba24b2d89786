import type { KeyValueStore } from './engine/snapshotCache';
import type { LastBoard } from './lastBoard';
import { readLastBoard } from './lastBoard';
import type { ZafClient } from './zaf/zafClient';

/** What the sidebar's first paint draws with: who is looking, in which language, and their last board. */
export interface FirstPaintContext {
  agentId: number;
  locale: string;
  isAdmin: boolean;
  lastBoard: LastBoard;
}

/** Who is looking, as the sidebar starts: with their last board when there is one worth painting. */
export type StartContext = Omit<FirstPaintContext, 'lastBoard'> & { lastBoard: LastBoard | null };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Reads the agent and account from ZAF (no HTTP) and this agent's last board from storage; its lastBoard is
 * null when there is nothing worth painting, and the sidebar says it is loading instead. Anything odd is
 * simply no context: loadAgentContext, which the full sidebar runs next, checks the same facts strictly.
 */
export async function readStartContext(
  client: ZafClient,
  store: KeyValueStore,
  now: number,
): Promise<StartContext | null> {
  const [user, account] = await Promise.all([client.get('currentUser'), client.get('currentAccount')]);
  if (!isRecord(user) || typeof user.id !== 'number') return null;
  if (!isRecord(account) || typeof account.subdomain !== 'string') return null;
  const locale = typeof user.locale === 'string' ? user.locale : 'en';
  const lastBoard = readLastBoard(store, account.subdomain, user.id, now);
  return {
    agentId: user.id,
    locale,
    isAdmin: user.role === 'admin',
    // Worded in another language (the agent changed theirs since): not painted, rather than half in each.
    lastBoard: lastBoard?.locale === locale ? lastBoard : null,
  };
}
