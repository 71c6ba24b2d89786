import type { EngineClock, EngineMessage, MessageChannelLike } from './engineTypes';
import { readEngineMessage } from './tabMessages';

/** A tab that stops saying it is there (closed without goodbye, frozen) is forgotten after this. */
const PRESENCE_TTL_MS = 15_000;

type Outgoing =
  | { type: 'state'; state: Extract<EngineMessage, { type: 'state' }>['state'] }
  | Omit<Extract<EngineMessage, { type: 'refreshRequest' }>, 'from'>
  | Omit<Extract<EngineMessage, { type: 'presence' }>, 'from'>
  | { type: 'leaving' };

export interface TabChannel {
  post(message: Outgoing): void;
  /** Whether another of the agent's sidebars said lately that it is shown. */
  isAnotherTabVisible(): boolean;
  close(): void;
}

/**
 * The agent's sidebars talking to each other: every message checked before it is believed (tabMessages.ts),
 * this tab's own echoes ignored, and who is visible remembered. `onMessage` receives only checked messages
 * from other tabs; for presence it also says whether that tab has just become visible.
 */
export function openTabChannel(
  open: (name: string) => MessageChannelLike,
  name: string,
  instanceId: string,
  clock: EngineClock,
  onMessage: (message: EngineMessage, becameVisible: boolean) => void,
): TabChannel {
  const channel = open(name);
  const presence = new Map<string, { isVisible: boolean; seenAt: number }>();
  channel.addEventListener('message', ({ data }) => {
    const message = readEngineMessage(data, clock.now());
    if (!message || message.from === instanceId) return;
    let becameVisible = false;
    if (message.type === 'presence') {
      becameVisible = message.isVisible && !(presence.get(message.from)?.isVisible ?? false);
      presence.set(message.from, { isVisible: message.isVisible, seenAt: clock.now() });
    }
    if (message.type === 'leaving') presence.delete(message.from);
    onMessage(message, becameVisible);
  });
  return {
    post: (message) => channel.postMessage({ ...message, from: instanceId } as EngineMessage),
    isAnotherTabVisible() {
      const now = clock.now();
      for (const seen of presence.values())
        if (seen.isVisible && now - seen.seenAt < PRESENCE_TTL_MS) return true;
      return false;
    },
    close: () => channel.close(),
  };
}
