/**
 * `npm run bench`: one agent's 8-hour shift against the simulator's fake Zendesk API, with 1 and with 10
 * sidebars open, for Goalpost's shared engine and for a naive sidebar (every sidebar refetches every metric
 * each minute and after each save). Same process, same seeded event stream. Prints a table; asserts nothing.
 */
import type { Goal } from '../src/core/goals/goal';
import { applyPendingSolves } from '../src/core/goals/pendingSolves';
import type { AgentSnapshot } from '../src/core/goals/ticketFacts';
import { evaluateGoals } from '../src/core/metrics/evaluateGoals';
import { planFetch } from '../src/core/metrics/fetchPlan';
import { parseGoalLines } from '../src/core/settings/parseGoalLines';
import type { DataEngine } from '../src/data/engineState';
import { createDataEngine } from '../src/data/engine/createDataEngine';
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
import { FakeZendesk } from '../simulator/fakeZendesk/fakeZendesk';
import { seededRandom } from '../simulator/seed/seededAccount';
import { ChannelHub, ManualClock, MemoryStore } from '../spec/data/engine/engineHarness';
import { fakeZendeskTransport } from '../spec/data/fakeZendeskTransport';

const AOIFE = 3720451;
const EMEA = 360001234567;
const TEAMMATES = [3720452, 3720453, 3720454];
const SHIFT_START = Date.parse('2026-11-18T09:00:00Z'); // Wednesday, Dublin = UTC
const SHIFT_MS = 8 * 3_600_000;
const STEP_MS = 5_000;
const INDEX_LAG_S = 60;
const ZONE = 'Europe/Dublin';
const GOALS: Goal[] = parseGoalLines(
  [
    'me csat 85% week floor 80%',
    'me solved 12 day',
    'me first_reply 2h week',
    'me backlog 15 now',
    'team solved 250 week',
  ].join('\n'),
).goals;
const planContext = (now: number) => ({
  now,
  timeZone: ZONE,
  weekStartsOn: 1 as const,
  teamGroupIds: [EMEA],
});

type ShiftEvent =
  | { at: number; kind: 'arrival' }
  | { at: number; kind: 'save'; action: 'reply' | 'solve' }
  | { at: number; kind: 'rating'; solveIndex: number; score: 'good' | 'bad' }
  | { at: number; kind: 'teammateSolve'; agentId: number };

/** The shift's events, from a seed: about 60 saves, customers' new tickets, late ratings, teammates' solves. */
function shiftEvents(seed: number): ShiftEvent[] {
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

interface RunResult {
  requests: number;
  peakPerMinute: number;
  staleness: number[];
  /** Seconds from the agent's Submit as Solved to the count on their screen. */
  shownAfterSubmit: number[];
  finalSnapshot: AgentSnapshot | null;
  fake: FakeZendesk;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function runShift(mode: 'goalpost' | 'naive', tabCount: number, seed: number): Promise<RunResult> {
  const fake = new FakeZendesk(42, SHIFT_START);
  fake.indexLagSeconds = INDEX_LAG_S;
  fake.budgetPerMinute = 1_000_000; // measure demand, not the limiter
  const clock = new ManualClock(SHIFT_START);
  const sync = () => (fake.now = clock.now());
  const send = fakeZendeskTransport(fake, AOIFE);
  const timing = {
    now: clock.now,
    sleep: (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms)),
    random: seededRandom(seed + 1),
  };
  const hub = new ChannelHub();
  const storage = new MemoryStore();
  const tabs: Tab[] = [];

  for (let i = 0; i < tabCount; i += 1) {
    if (mode === 'goalpost') {
      const get = createPoliteGet(send, timing, { ...DEFAULT_POLITENESS, accountBudgetPerMinute: 200 });
      const engine: DataEngine = createDataEngine({
        source: createZendeskSnapshotSource({
          get,
          agentId: AOIFE,
          goals: GOALS,
          timeZone: ZONE,
          weekStartsOn: 1,
          teamGroupIds: [EMEA],
          isTeamViewPartial: false,
        }),
        accountSubdomain: 'goalpost-demo',
        agentId: AOIFE,
        clock,
        storage,
        openChannel: hub.open,
        instanceId: `tab-${i}`,
        refreshMinutes: 5,
        indexLagSeconds: 70,
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
      // The naive sidebar: a request per metric, every minute and after each save, in every tab.
      let solved = new Set<number>();
      let lastRefresh = -Infinity;
      const refresh = async () => {
        lastRefresh = clock.now();
        const now = clock.now();
        const plan = planFetch(GOALS, planContext(now));
        const raw = async (url: string) => (await send({ url })).body as Record<string, unknown>;
        const day = planFetch([GOALS[1]!], planContext(now)).solvedSince;
        await raw(countUrl(solvedTicketsQuery(day)));
        const list = (await raw(searchUrl(solvedTicketsQuery(plan.solvedSince), 1))) as {
          results: { id: number }[];
        };
        await raw(countUrl(`${solvedTicketsQuery(plan.solvedSince)} satisfaction:good`));
        await raw(countUrl(`${solvedTicketsQuery(plan.solvedSince)} satisfaction:bad`));
        await raw(showManyUrl(list.results.slice(0, 100).map((r) => r.id)));
        await raw(countUrl(BACKLOG_QUERY));
        for (const request of plan.teamCounts) await raw(countUrl(teamCountQuery(request)));
        solved = new Set(list.results.map((r) => r.id));
      };
      const loop = () => {
        if (clock.now() - lastRefresh >= 60_000) void refresh();
        clock.setTimeout(loop, STEP_MS);
      };
      clock.setTimeout(loop, 0);
      tabs.push({
        solvedIds: () => solved,
        onSave: () => void refresh(),
        setVisible: () => undefined,
        refreshNow: () => void refresh(),
      });
    }
  }
  tabs.forEach((tab, i) => tab.setVisible(i === 0));

  const events = shiftEvents(seed);
  const solves: { id: number; submittedAt: number; searchableAt: number; seenAt: number | null }[] = [];
  let visible = 0;
  for (let t = SHIFT_START; t < SHIFT_START + SHIFT_MS; t += STEP_MS) {
    sync();
    while (events.length > 0 && events[0]!.at <= t) {
      const event = events.shift()!;
      const mine = fake.liveTickets().filter((x) => x.assigneeId === AOIFE);
      if (event.kind === 'arrival') fake.createTicket(AOIFE);
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
        tabs[visible]!.setVisible(false);
        visible = (visible + 1) % tabs.length;
        tabs[visible]!.setVisible(true);
        if (event.action === 'solve') {
          fake.solve(target.id);
          solves.push({
            id: target.id,
            submittedAt: fake.now,
            searchableAt: fake.now + INDEX_LAG_S * 1000,
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
  tabs[visible]!.refreshNow();
  await clock.advance(STEP_MS);
  sync();

  const perMinute = new Map<number, number>();
  for (const entry of fake.log)
    perMinute.set(Math.floor(entry.at / 60_000), (perMinute.get(Math.floor(entry.at / 60_000)) ?? 0) + 1);
  const requests = fake.log.length;
  const staleness = solves
    .filter((s) => s.seenAt !== null)
    .map((s) => Math.max(0, (s.seenAt! - s.searchableAt) / 1000));
  const shownAfterSubmit = solves
    .filter((s) => s.seenAt !== null)
    .map((s) => Math.max(0, (s.seenAt! - s.submittedAt) / 1000));
  let finalSnapshot: AgentSnapshot | null = null;
  if (mode === 'goalpost') {
    const state = JSON.parse(storage.getItem('goalpost:v1:goalpost-demo:3720451') ?? 'null') as {
      snapshot: AgentSnapshot;
    } | null;
    finalSnapshot = state?.snapshot ?? null;
  }
  return {
    requests,
    peakPerMinute: Math.max(...perMinute.values()),
    staleness,
    shownAfterSubmit,
    finalSnapshot,
    fake,
  };
}

async function main() {
  const seed = Number(process.env.BENCH_SEED ?? 7);
  const rows: [string, RunResult][] = [];
  for (const [mode, tabs] of [
    ['goalpost', 1],
    ['goalpost', 10],
    ['naive', 1],
    ['naive', 10],
  ] as const) {
    rows.push([`${mode}, ${tabs} sidebar${tabs > 1 ? 's' : ''}`, await runShift(mode, tabs, seed)]);
  }
  const hours = SHIFT_MS / 3_600_000;
  console.log(`One agent, 8-hour shift (seed ${seed}), fake Zendesk API with ${INDEX_LAG_S} s index lag.\n`);
  console.log(
    '| run | requests | per agent-hour | peak / min | own-solve staleness p50 / p95 (s) | own solve shown after Submit p50 / p95 (s) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, result] of rows) {
    console.log(
      `| ${name} | ${result.requests} | ${(result.requests / hours).toFixed(1)} | ${result.peakPerMinute} | ${percentile(result.staleness, 50).toFixed(0)} / ${percentile(result.staleness, 95).toFixed(0)} | ${percentile(result.shownAfterSubmit, 50).toFixed(0)} / ${percentile(result.shownAfterSubmit, 95).toFixed(0)} |`,
    );
  }

  // The figures at the end of the shift must equal a full recomputation from scratch.
  const goalpost10 = rows[1]![1];
  const fake = goalpost10.fake;
  const now = goalpost10.finalSnapshot?.fetchedAt ?? fake.now;
  fake.now = now;
  const fresh = await fetchAgentSnapshot(
    createPoliteGet(
      fakeZendeskTransport(fake, AOIFE),
      { now: () => fake.now, sleep: async () => undefined, random: Math.random },
      { ...DEFAULT_POLITENESS, maxShareOfBudget: 1, accountBudgetPerMinute: 1e6 },
    ),
    AOIFE,
    planFetch(GOALS, planContext(now)),
    now,
  );
  const context = {
    now,
    timeZone: ZONE,
    weekStartsOn: 1 as const,
    workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
    timeBasis: 'business' as const,
    csatMinimumRatings: 10,
    teamGroupIds: [EMEA],
  };
  const figures = (snapshot: AgentSnapshot) =>
    evaluateGoals(GOALS, snapshot, context).map(
      (p) => `${p.goal.metric}/${p.goal.scope}=${p.value === null ? '–' : p.value.toFixed(2)}`,
    );
  const engineFigures = goalpost10.finalSnapshot ? figures(goalpost10.finalSnapshot) : [];
  const fullFigures = figures(fresh);
  const matches = JSON.stringify(engineFigures) === JSON.stringify(fullFigures);
  console.log(`\nend-of-shift figures (10 sidebars): ${engineFigures.join(', ')}`);
  console.log(`full recomputation from scratch:    ${fullFigures.join(', ')}`);
  console.log(`figures equal a full recomputation: ${matches ? 'yes' : 'NO'}`);

  const ratio = rows[3]![1].requests / rows[1]![1].requests;
  const tabsRatio = rows[1]![1].requests / rows[0]![1].requests;
  console.log(`naive/goalpost ratio: ${ratio.toFixed(1)}`);
  console.log(`10 tabs / 1 tab: ${tabsRatio.toFixed(2)}`);
}

void main();
