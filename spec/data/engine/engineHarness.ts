import type { AgentSnapshot } from '../../../src/core/goals/ticketFacts';
import type {
  DataEngineOptions,
  EngineClock,
  MessageChannelLike,
  SnapshotSource,
} from '../../../src/data/engine/engineTypes';
import { createDataEngine } from '../../../src/data/engine/createDataEngine';
import type { KeyValueStore } from '../../../src/data/engine/snapshotCache';

/** A clock whose timers run only when the test advances time. */
export class ManualClock implements EngineClock {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(public current: number) {}
  now = () => this.current;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  /** Moves time forward, running due timers in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.run();
    }
    this.current = end;
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** Same-origin BroadcastChannel semantics: a message reaches every other open channel of that name. */
export class ChannelHub {
  private channels = new Map<string, Set<{ listeners: ((event: { data: unknown }) => void)[] }>>();
  open = (name: string): MessageChannelLike => {
    const members = this.channels.get(name) ?? new Set();
    this.channels.set(name, members);
    const self = { listeners: [] as ((event: { data: unknown }) => void)[] };
    members.add(self);
    return {
      postMessage: (data) => {
        for (const member of members)
          if (member !== self)
            member.listeners.forEach((l) => queueMicrotask(() => l({ data: structuredClone(data) })));
      },
      addEventListener: (_type, listener) => self.listeners.push(listener),
      close: () => members.delete(self),
    };
  };
}

export class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** A snapshot source that counts calls and can be told to fail. */
export class CountingSource implements SnapshotSource {
  fullCalls = 0;
  changeCalls = 0;
  failWith: unknown = null;
  solvedCount = 3;
  constructor(
    private readonly clock: ManualClock,
    private readonly agentId = 3720451,
  ) {}
  solvedSince = () => Date.parse('2026-11-16T00:00:00Z');
  private snapshot(now: number): AgentSnapshot {
    return {
      agentId: this.agentId,
      fetchedAt: now,
      solvedSince: this.solvedSince(),
      solvedTickets: Array.from({ length: this.solvedCount }, (_, i) => ({
        id: 5000 + i,
        status: 'solved' as const,
        assigneeId: this.agentId,
        groupId: 12,
        createdAt: now - 3_600_000,
        updatedAt: now - 60_000,
        solvedAt: now - 60_000,
        satisfaction: null,
        firstReplyMinutes: { calendar: 30, business: 30 },
        fullResolutionMinutes: { calendar: 60, business: 60 },
        publicReplies: 1,
        reopens: 0,
        activeSlaBreachAt: null,
      })),
      openTickets: [],
      ownCounts: [],
      teamCounts: [],
      countsFetchedAt: now,
      isTeamViewPartial: false,
    };
  }
  /** When each fetch was asked for, and which kind. */
  readonly log: { at: number; kind: 'full' | 'changes' }[] = [];
  full = async (now: number) => {
    this.fullCalls += 1;
    this.log.push({ at: now, kind: 'full' });
    if (this.failWith) throw this.failWith;
    return this.snapshot(now);
  };
  changes = async (_previous: AgentSnapshot, now: number) => {
    this.changeCalls += 1;
    this.log.push({ at: now, kind: 'changes' });
    if (this.failWith) throw this.failWith;
    return this.snapshot(now);
  };
  get calls() {
    return this.fullCalls + this.changeCalls;
  }
  void = this.clock;
}

/**
 * Several sidebar instances (tabs) of one browser, sharing storage and channels. A tab can close cleanly
 * (dispose) or crash: its timers stop and its channel goes silent, but its lease stays in storage.
 */
export class Browser {
  readonly clock: ManualClock;
  readonly hub = new ChannelHub();
  readonly storage = new MemoryStore();
  private readonly crashed = new Set<string>();
  constructor(start: number) {
    this.clock = new ManualClock(start);
  }
  /** A clock and channel opener for one tab, both cut off when the tab crashes. */
  tabHost(instanceId: string): { clock: EngineClock; openChannel: (name: string) => MessageChannelLike } {
    const isAlive = () => !this.crashed.has(instanceId);
    return {
      clock: {
        now: this.clock.now,
        setTimeout: (run, ms) => this.clock.setTimeout(() => isAlive() && run(), ms),
        clearTimeout: this.clock.clearTimeout,
      },
      openChannel: (name) => {
        const channel = this.hub.open(name);
        return {
          postMessage: (message) => isAlive() && channel.postMessage(message),
          addEventListener: (type, listener) =>
            channel.addEventListener(type, (event) => isAlive() && listener(event)),
          close: channel.close,
        };
      },
    };
  }
  crash(instanceId: string): void {
    this.crashed.add(instanceId);
  }
}

/** A source whose fetches take time, recording how many ran at once and who asked. */
export class SlowSource extends CountingSource {
  running = 0;
  mostAtOnce = 0;
  constructor(
    private readonly timer: ManualClock,
    private readonly fetchMs: number,
    agentId?: number,
  ) {
    super(timer, agentId);
    const wrap =
      <A extends unknown[]>(fetch: (...args: A) => Promise<AgentSnapshot>) =>
      async (...args: A) => {
        this.running += 1;
        this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
        try {
          await new Promise<void>((resolve) => this.timer.setTimeout(resolve, this.fetchMs));
          return await fetch(...args);
        } finally {
          this.running -= 1;
        }
      };
    this.full = wrap(this.full);
    this.changes = wrap(this.changes);
  }
}

/** One sidebar instance of agent 3720451 on account `acme` in this browser; options override the defaults. */
export function openEngineTab(
  browser: Browser,
  instanceId: string,
  source: SnapshotSource,
  extra: Partial<DataEngineOptions> = {},
) {
  return createDataEngine({
    source,
    accountSubdomain: 'acme',
    agentId: 3720451,
    storage: browser.storage,
    ...browser.tabHost(instanceId),
    instanceId,
    refreshMinutes: 5,
    indexLagSeconds: 70,
    random: () => 0.5,
    ...extra,
  });
}

/**
 * The Web Locks API as a browser implements it for one origin: exclusive locks granted in request order,
 * released when the callback's promise settles (the holder let go, or its tab closed).
 */
export class FakeLockManager {
  private queues = new Map<string, { grant: () => void }[]>();
  private held = new Map<string, () => void>();
  request = (name: string, callback: () => Promise<void>): Promise<unknown> =>
    new Promise((resolve) => {
      const grant = () => {
        const done = callback();
        this.held.set(name, () => resolve(undefined));
        void done.finally(() => this.releaseLock(name));
      };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      queue.push({ grant });
      if (queue.length === 1) grant();
    });
  private releaseLock(name: string): void {
    this.held.get(name)?.();
    this.held.delete(name);
    const queue = this.queues.get(name) ?? [];
    queue.shift();
    queue[0]?.grant();
  }
}

/** Storage that is full: every write throws, as localStorage does with QuotaExceededError. */
export class FullStore extends MemoryStore {
  override setItem = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

/** Storage that throws on every use, as in a browser with site data blocked. */
export class BlockedStore implements KeyValueStore {
  getItem = (): string | null => {
    throw new DOMException('Access is denied', 'SecurityError');
  };
  setItem = () => {
    throw new DOMException('Access is denied', 'SecurityError');
  };
  removeItem = () => {
    throw new DOMException('Access is denied', 'SecurityError');
  };
}
