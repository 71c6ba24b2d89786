/**
 * One agent's 8-hour shift against the simulator's fake Zendesk API, for Goalpost's engine and for two naive
 * sidebars: one that polls every minute in every tab, and an event-driven one that refetches on open, on
 * every tab activation and after every save. Same seeded event stream for all; only the sidebar differs.
 */
import type { Goal } from '../src/core/goals/goal';
import { applyPendingSolves } from '../src/core/goals/pendingSolves';
import type { AgentSnapshot } from '../src/core/goals/ticketFacts';
import { planFetch } from '../src/core/metrics/fetchPlan';
import { parseGoalLines } from '../src/core/settings/parseGoalLines';
import { FIRST_REFRESH_SPREAD_MS } from '../src/data/engine/createAgentEngine';
import { createDataEngine } from '../src/data/engine/createDataEngine';
import { readCachedSnapshot, writeCachedSnapshot } from '../src/data/engine/snapshotCache';
import { createZendeskSnapshotSource } from '../src/data/engine/zendeskSnapshotSource';
import { createPoliteGet, DEFAULT_POLITENESS } from '../src/data/zendesk/politeRequest';
import { fetchAgentSnapshot } from '../src/data/zendesk/fetchAgentSnapshot';
import {
  BACKLOG_QUERY,
  countUrl,
  searchUrl,
  showManyUrl,
  solvedTicketsQuery,
  teamCountQuery,
} from '../src/data/zendesk/searchQuery';
import { createMemoryRateState } from '../src/data/zendesk/sharedRateState';
import { FakeZendesk } from '../simulator/fakeZendesk/fakeZendesk';
import { seededRandom } from '../simulator/seed/seededAccount';
import { ChannelHub, ManualClock, MemoryStore } from '../spec/data/engine/engineHarness';
import { fakeZendeskTransport } from '../spec/data/fakeZendeskTransport';

export const AOIFE = 3720451;
export const EMEA = 360001234567;
const TEAMMATES = [3720452, 3720453, 3720454];
export const SHIFT_START = Date.parse('2026-11-18T09:00:00Z'); // Wednesday, Dublin = UTC
export const SHIFT_MS = 8 * 3_600_000;
const STEP_MS = 5_000;
export const ZONE = 'Europe/Dublin';
export const GOALS: Goal[] = parseGoalLines(
  [
    'me csat 85% week floor 80%',
    'me solved 12 day',
    'me first_reply 2h week',
    'me backlog 15 now',
    'team solved 250 week',
  ].join('\n'),
).goals;
export const planContext = (now: number) => ({
  now,
  timeZone: ZONE,
  weekStartsOn: 1 as const,
  teamGroupIds: [EMEA],
});

export type SidebarKind = 'goalpost' | 'polling' | 'eventDriven';

export interface ShiftOptions {
  sidebar: SidebarKind;
  tabs: number;
  seed: number;
  indexLagSeconds: number;
  /** The agent also switches between their ticket tabs this often (besides switching on each save). */
  switchEverySeconds?: number;
  /** Start with last evening's figures in the cache, as every agent but a new one does. */
  cachedFromYesterday?: boolean;
  /**
   * End with one refresh so the figures can be checked against a full recomputation (default true). The
   * account simulation leaves it out: every agent refreshing at the same instant is the bench's, not theirs.
   */
  endWithRefresh?: boolean;
}

type ShiftEvent =
  | { at: number; kind: 'arrival' }
  | { at: number; kind: 'save'; action: 'reply' | 'solve' }
  | { at: number; kind: 'rating'; solveIndex: number; score: 'good' | 'bad' }
  | { at: number; kind: 'teammateSolve'; agentId: number }
  | { at: number; kind: 'switchTab' };

/** The shift's events, from a seed: about 60 saves, customers' new tickets, late ratings, teammates' solves. */
function shiftEvents(seed: number, switchEverySeconds: number | undefined): ShiftEvent[] {
  const random = seededRandom(seed);
  const at = () => SHIFT_START + Math.floor(random() * SHIFT_MS);
  const events: ShiftEvent[] = [];
  for (let i = 0; i < 60; i += 1)
    events.push({ at: at(), kind: 'save', action: random() < 0.55 ? 'solve' : 'reply' });
  for (let i = 0; i < 40; i += 1) events.push({ at: at(), kind: 'arrival' });
  for (let i = 0; i < 160; i += 1)
    events.push({ at: at(), kind: 'teammateSolve', agentId: TEAMMATES[i % TEAMMATES.length]! });
  for (let i = 0; i < 30; i += 1)
    events.push({ at: at(), kind: 'rating', solveIndex: i, score: random() < 0.85 ? 'good' : 'bad' });
  if (switchEverySeconds)
    for (
      let t = SHIFT_START + switchEverySeconds * 1000;
      t < SHIFT_START + SHIFT_MS;
      t += switchEverySeconds * 1000
    )
      events.push({ at: t, kind: 'switchTab' });
  return events.sort((a, b) => a.at - b.at);
}

interface Tab {
  /** Ids of the agent's tickets this sidebar currently counts as solved. */
  solvedIds(): Set<number>;
  /** A save in this tab; `solvedId` when the agent solved their own ticket (ZAF's submit event tells). */
  onSave(solvedId?: number): void;
  setVisible(isVisible: boolean): void;
  refreshNow(): void;
}

export interface ShiftResult {
  /** Every request the agent's sidebars sent: when, and what kind. */
  requests: { at: number; kind: string }[];
  /** Seconds from a solve becoming searchable to the count on screen. */
  staleness: number[];
  /** Seconds from the agent's Submit as Solved to the count on their screen. */
  shownAfterSubmit: number[];
  finalSnapshot: AgentSnapshot | null;
  fake: FakeZendesk;
}

/** What a request was for, from its path: the bench's breakdown. */
export function requestKind(path: string): string {
  if (path.includes('/users/me')) return 'users/me';
  if (path.includes('group_memberships')) return 'memberships';
  if (path.includes('/search/count')) return 'search/count';
  if (path.includes('show_many')) return 'show_many';
  if (path.includes('/search.json')) {
    const query = decodeURIComponent(/query=([^&]*)/.exec(path)?.[1] ?? '');
    if (query.includes('updated>')) return 'search (changes)';
    if (query.includes('status<solved')) return 'search (backlog)';
    return 'search (solved)';
  }
  return 'other';
}

/** The two requests a sidebar start needs for the agent's profile (Goalpost caches it a day for all tabs). */
async function loadProfile(send: ReturnType<typeof fakeZendeskTransport>): Promise<void> {
  await send({ url: '/api/v2/users/me.json' });
  await send({ url: `/api/v2/users/${AOIFE}/group_memberships.json` });
}

export async function runShift(options: ShiftOptions): Promise<ShiftResult> {
  const { sidebar, tabs: tabCount, seed } = options;
  const fake = new FakeZendesk(42, SHIFT_START);
  fake.indexLagSeconds = options.indexLagSeconds;
  fake.budgetPerMinute = 1_000_000; // measure demand, not the limiter
  const clock = new ManualClock(SHIFT_START);
  const sync = () => (fake.now = clock.now());
  const transport = fakeZendeskTransport(fake, AOIFE);
  const send: typeof transport = (request) => {
    sync();
    return transport(request);
  };
  const random = seededRandom(seed + 1);
  const timing = {
    now: clock.now,
    sleep: (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)),
    random,
  };
  const hub = new ChannelHub();
  const storage = new MemoryStore();
  const accountSubdomain = 'goalpost-demo';
  if (options.cachedFromYesterday) {
    // Last evening's figures, as the agent's browser kept them overnight.
    const evening = SHIFT_START - 16 * 3_600_000;
    fake.now = evening;
    const generous = { ...DEFAULT_POLITENESS, maxShareOfBudget: 1, accountBudgetPerMinute: 1e6 };
    const get = createPoliteGet(transport, { ...timing, now: () => evening }, generous);
    const yesterday = await fetchAgentSnapshot(get, AOIFE, planFetch(GOALS, planContext(evening)), evening);
    writeCachedSnapshot(storage, accountSubdomain, AOIFE, yesterday, evening, evening);
    fake.log.length = 0;
    sync();
  }
  const tabs: Tab[] = [];
  if (sidebar === 'goalpost') {
    // Cached a day: a returning agent's cache runs out once per day, at a sidebar start some time in the shift.
    if (options.cachedFromYesterday) clock.setTimeout(() => void loadProfile(send), random() * SHIFT_MS);
    else await loadProfile(send);
  }
  // One request budget for all the agent's tabs, as the app shares it through localStorage.
  const rateState = createMemoryRateState();

  for (let i = 0; i < tabCount; i += 1) {
    if (sidebar === 'goalpost') {
      const get = createPoliteGet(send, timing, DEFAULT_POLITENESS, rateState);
      const engine = createDataEngine({
        source: createZendeskSnapshotSource({
          get,
          agentId: AOIFE,
          goals: GOALS,
          timeZone: ZONE,
          weekStartsOn: 1,
          teamGroupIds: [EMEA],
          isTeamViewPartial: false,
          random,
        }),
        accountSubdomain,
        agentId: AOIFE,
        clock,
        storage,
        openChannel: hub.open,
        instanceId: `tab-${i}`,
        refreshMinutes: 5,
        indexLagSeconds: 70,
        random,
        firstRefreshSpreadMs: FIRST_REFRESH_SPREAD_MS,
      });
      engine.refresh('open');
      tabs.push({
        solvedIds: () => {
          const state = engine.getState();
          if (state.status !== 'ready') return new Set<number>();
          // What the board counts: the snapshot plus own solves still pending (as buildGoalBoard applies them).
          return new Set(
            applyPendingSolves(state.snapshot, state.pendingSolves).snapshot.solvedTickets.map((t) => t.id),
          );
        },
        onSave: (solvedId) =>
          solvedId !== undefined ? engine.recordSolve(solvedId) : engine.refresh('ticketSaved'),
        setVisible: (v) => engine.setVisible(v),
        refreshNow: () => engine.refresh('manual'),
      });
    } else {
      // A naive sidebar: a request per metric, in every tab, on its own schedule.
      let solved = new Set<number>();
      let lastRefresh = -Infinity;
      const refresh = async () => {
        lastRefresh = clock.now();
        const now = clock.now();
        const plan = planFetch(GOALS, planContext(now));
        const raw = async (url: string) => (await send({ url })).body as Record<string, unknown>;
        const weekStart = plan.solvedSince;
        const day = planFetch([GOALS[1]!], planContext(now)).solvedSince;
        await raw(countUrl(solvedTicketsQuery(day)));
        const list = (await raw(searchUrl(solvedTicketsQuery(weekStart), 1))) as {
          results: { id: number }[];
        };
        await raw(countUrl(`${solvedTicketsQuery(weekStart)} satisfaction:good`));
        await raw(countUrl(`${solvedTicketsQuery(weekStart)} satisfaction:bad`));
        await raw(showManyUrl(list.results.slice(0, 100).map((r) => r.id)));
        await raw(countUrl(BACKLOG_QUERY));
        for (const request of plan.teamCounts) await raw(countUrl(teamCountQuery(request)));
        solved = new Set(list.results.map((r) => r.id));
      };
      void loadProfile(send).then(() => refresh());
      if (sidebar === 'polling') {
        const loop = () => {
          if (clock.now() - lastRefresh >= 60_000) void refresh();
          clock.setTimeout(loop, STEP_MS);
        };
        clock.setTimeout(loop, STEP_MS);
      }
      tabs.push({
        solvedIds: () => solved,
        onSave: () => void refresh(),
        setVisible: (visible) => {
          if (visible && sidebar === 'eventDriven') void refresh();
        },
        refreshNow: () => void refresh(),
      });
    }
  }
  tabs.forEach((tab, i) => tab.setVisible(i === 0));

  const events = shiftEvents(seed, options.switchEverySeconds);
  const solves: { id: number; submittedAt: number; searchableAt: number; seenAt: number | null }[] = [];
  let visible = 0;
  const showNextTab = () => {
    tabs[visible]!.setVisible(false);
    visible = (visible + 1) % tabs.length;
    tabs[visible]!.setVisible(true);
  };
  for (let t = SHIFT_START; t < SHIFT_START + SHIFT_MS; t += STEP_MS) {
    sync();
    while (events.length > 0 && events[0]!.at <= t) {
      const event = events.shift()!;
      const mine = fake.liveTickets().filter((x) => x.assigneeId === AOIFE);
      if (event.kind === 'arrival') fake.createTicket(AOIFE);
      else if (event.kind === 'switchTab') showNextTab();
      else if (event.kind === 'teammateSolve') {
        const open = fake.liveTickets().find((x) => x.assigneeId === event.agentId && x.solvedAt === null);
        if (open) fake.solve(open.id);
        else fake.solve(fake.createTicket(event.agentId).id);
      } else if (event.kind === 'rating') {
        const solve = solves[event.solveIndex % Math.max(1, solves.length)];
        if (solve && fake.live(solve.id)?.satisfaction === 'unoffered') fake.rate(solve.id, event.score);
      } else {
        const open = mine.filter((x) => x.solvedAt === null);
        const target =
          (event.action === 'reply' ? open.find((x) => x.firstReplyAt === null) : open[0]) ??
          fake.createTicket(AOIFE);
        // The agent works in a different ticket tab each time: that sidebar becomes the visible one.
        if (tabs.length > 1) showNextTab();
        if (event.action === 'solve') {
          fake.solve(target.id);
          solves.push({
            id: target.id,
            submittedAt: fake.now,
            searchableAt: fake.now + options.indexLagSeconds * 1000,
            seenAt: null,
          });
          tabs[visible]!.onSave(target.id);
        } else {
          fake.reply(target.id);
          tabs[visible]!.onSave();
        }
      }
    }
    await clock.advance(STEP_MS);
    sync();
    const shown = tabs[visible]!.solvedIds();
    for (const solve of solves) if (solve.seenAt === null && shown.has(solve.id)) solve.seenAt = clock.now();
  }

  // End of shift: one last refresh, so the figures can be checked against a full recomputation at this instant.
  if (options.endWithRefresh !== false) {
    tabs[visible]!.refreshNow();
    await clock.advance(STEP_MS);
    sync();
  }

  const seen = solves.filter((s) => s.seenAt !== null);
  return {
    requests: fake.log.map((entry) => ({ at: entry.at, kind: requestKind(entry.path) })),
    staleness: seen.map((s) => Math.max(0, (s.seenAt! - s.searchableAt) / 1000)),
    shownAfterSubmit: seen.map((s) => Math.max(0, (s.seenAt! - s.submittedAt) / 1000)),
    finalSnapshot:
      sidebar === 'goalpost'
        ? (readCachedSnapshot(storage, accountSubdomain, AOIFE, clock.now())?.snapshot ?? null)
        : null,
    fake,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function perMinute(times: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const at of times) counts.set(Math.floor(at / 60_000), (counts.get(Math.floor(at / 60_000)) ?? 0) + 1);
  return counts;
}
