/**
 * `npm run bench`: what Goalpost costs an account's API budget, against the fake Zendesk API in this process.
 * Prints tables and the figures docs/scaling.md and the README quote; asserts nothing.
 *  1. One agent's 8-hour shift: Goalpost with 1, 3 and 10 sidebars, a tab-switching agent, index lag varied,
 *     and two naive sidebars (polling every minute; event-driven: on open, activation and save).
 *  2. A high-volume agent's full refresh (3,281 solves in the quarter).
 *  3. A whole account: 100 and 500 agents × 3 tabs over a shift with a shift-start burst.
 */
import { evaluateGoals } from '../src/core/metrics/evaluateGoals';
import { planFetch } from '../src/core/metrics/fetchPlan';
import type { AgentSnapshot } from '../src/core/goals/ticketFacts';
import { parseGoalLines } from '../src/core/settings/parseGoalLines';
import { createPoliteGet, DEFAULT_POLITENESS } from '../src/data/zendesk/politeRequest';
import { fetchAgentSnapshot } from '../src/data/zendesk/fetchAgentSnapshot';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { FakeZendesk } from '../simulator/fakeZendesk/fakeZendesk';
import { fakeZendeskTransport } from '../spec/data/fakeZendeskTransport';
import { MemoryStore } from '../spec/data/engine/engineHarness';
import { cacheKey, writeCachedSnapshot } from '../src/data/engine/snapshotCache';
import type { ShiftOptions, ShiftResult } from './shiftSimulation';
import {
  AOIFE,
  EMEA,
  GOALS,
  percentile,
  perMinute,
  planContext,
  requestKind,
  runShift,
  SHIFT_MS,
  SHIFT_START,
  ZONE,
} from './shiftSimulation';

const SHIFT_MINUTES = SHIFT_MS / 60_000;
const tsxCli = createRequire(__filename).resolve('tsx/cli');
const generous = { ...DEFAULT_POLITENESS, maxShareOfBudget: 1, accountBudgetPerMinute: 1e6 };

function row(name: string, result: ShiftResult): string {
  const peak = Math.max(...perMinute(result.requests.map((r) => r.at)).values());
  const n = result.requests.length;
  return `| ${name} | ${n} | ${(n / SHIFT_MINUTES).toFixed(2)} | ${peak} | ${percentile(result.staleness, 50).toFixed(0)} / ${percentile(result.staleness, 95).toFixed(0)} | ${percentile(result.shownAfterSubmit, 50).toFixed(0)} / ${percentile(result.shownAfterSubmit, 95).toFixed(0)} |`;
}

async function shiftTables(seed: number) {
  const base = { seed, indexLagSeconds: 60, cachedFromYesterday: true };
  const runs: [string, ShiftOptions][] = [
    ['goalpost, 1 sidebar', { ...base, sidebar: 'goalpost', tabs: 1 }],
    ['goalpost, 3 sidebars', { ...base, sidebar: 'goalpost', tabs: 3 }],
    ['goalpost, 10 sidebars', { ...base, sidebar: 'goalpost', tabs: 10 }],
    [
      'goalpost, 3 sidebars, switching tabs every 45 s',
      { ...base, sidebar: 'goalpost', tabs: 3, switchEverySeconds: 45 },
    ],
    ['event-driven naive, 3 sidebars', { ...base, sidebar: 'eventDriven', tabs: 3 }],
    ['polling naive, 1 sidebar', { ...base, sidebar: 'polling', tabs: 1 }],
    ['polling naive, 10 sidebars', { ...base, sidebar: 'polling', tabs: 10 }],
  ];
  const results = new Map<string, ShiftResult>();
  for (const [name, options] of runs) results.set(name, await runShift(options));
  const get = (name: string) => results.get(name)!;

  console.log(
    `## One agent, 8-hour shift (seed ${seed}), fake Zendesk API, 60 s index lag, profile requests included\n`,
  );
  console.log(
    '| run | requests | per agent-minute | peak / min | own-solve staleness p50 / p95 (s) | own solve shown after Submit p50 / p95 (s) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name] of runs) console.log(row(name, get(name)));

  const kinds = new Map<string, number>();
  for (const request of get('goalpost, 1 sidebar').requests)
    kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
  console.log('\nGoalpost, 1 sidebar, by kind of request:');
  console.log([...kinds].map(([kind, n]) => `${kind} ${n}`).join(' · '));

  console.log('\n## Index lag varied (Goalpost, 1 sidebar)\n');
  console.log('| index lag | requests | per agent-minute | own-solve staleness p50 / p95 (s) |');
  console.log('|---:|---:|---:|---:|');
  for (const lag of [30, 60, 180]) {
    const result = await runShift({ ...base, sidebar: 'goalpost', tabs: 1, indexLagSeconds: lag });
    console.log(
      `| ${lag} s | ${result.requests.length} | ${(result.requests.length / SHIFT_MINUTES).toFixed(2)} | ${percentile(result.staleness, 50).toFixed(0)} / ${percentile(result.staleness, 95).toFixed(0)} |`,
    );
  }
  return get;
}

/** The figures at the end of the shift must equal a full recomputation from scratch. */
async function checkFinalFigures(result: ShiftResult) {
  const fake = result.fake;
  const now = result.finalSnapshot?.fetchedAt ?? fake.now;
  fake.now = now;
  const get = createPoliteGet(
    fakeZendeskTransport(fake, AOIFE),
    { now: () => fake.now, sleep: async () => undefined, random: Math.random },
    generous,
  );
  // From scratch, and listing every solved ticket of the week (no counts), to check the counted parts too.
  const plan = planFetch(GOALS, planContext(now));
  const fresh = await fetchAgentSnapshot(get, AOIFE, { ...plan, ownCounts: [] }, now);
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
  const engineFigures = result.finalSnapshot ? figures(result.finalSnapshot) : [];
  const fullFigures = figures(fresh);
  console.log(`\nend-of-shift figures (10 sidebars): ${engineFigures.join(', ')}`);
  console.log(`full recomputation from scratch:    ${fullFigures.join(', ')}`);
  console.log(
    `figures equal a full recomputation: ${JSON.stringify(engineFigures) === JSON.stringify(fullFigures) ? 'yes' : 'NO'}`,
  );
}

/** A high-volume agent: 3,281 solves in the quarter so far; one full refresh, planned and list-everything. */
async function highVolumeRefresh(): Promise<number> {
  const fake = new FakeZendesk(42, SHIFT_START);
  fake.indexLagSeconds = 0;
  fake.budgetPerMinute = 1e9;
  const quarterStart = Date.parse('2026-10-01T00:00:00Z');
  const solves = 3_281;
  const now = SHIFT_START;
  for (let i = 0; i < solves; i += 1) {
    fake.now = quarterStart + Math.floor(((now - 3_600_000 - quarterStart) * i) / solves);
    fake.solve(fake.createTicket(AOIFE).id);
  }
  fake.now = now;
  const goals = [...GOALS, ...parseGoalLines('me solved 3000 quarter').goals];
  const get = createPoliteGet(
    fakeZendeskTransport(fake, AOIFE),
    { now: () => fake.now, sleep: async () => undefined, random: Math.random },
    generous,
  );
  const plan = planFetch(goals, planContext(now));
  let largest: AgentSnapshot | null = null;
  const measure = async (fetchPlan: typeof plan) => {
    const before = fake.log.length;
    largest = await fetchAgentSnapshot(get, AOIFE, fetchPlan, now);
    return fake.log.slice(before).map((r) => requestKind(r.path));
  };
  const planned = await measure(plan);
  const everything = await measure({ ...plan, solvedSince: quarterStart, ownCounts: [] });
  const mine = fake
    .liveTickets()
    .filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= quarterStart);
  console.log(
    `\n## High-volume agent (${mine.length} solves this quarter; goals above + \`me solved 3000 quarter\`)\n`,
  );
  console.log(`full refresh, planned:          ${planned.length} requests (${summarise(planned)})`);
  console.log(`full refresh, listing the quarter: ${everything.length} requests`);
  // The cache's compact form against the same figures stored as objects (the v1 format).
  if (largest) {
    const snapshot: AgentSnapshot = largest;
    const store = new MemoryStore();
    writeCachedSnapshot(store, 'goalpost-demo', AOIFE, snapshot, now, now);
    const compact = store.getItem(cacheKey('goalpost-demo', AOIFE))?.length ?? 0;
    const asObjects = JSON.stringify({ version: 1, refreshedAt: now, lastFullAt: now, snapshot }).length;
    console.log(
      `cache record for the quarter's ${snapshot.solvedTickets.length} tickets: ${(compact / 1024).toFixed(0)} KB compact, ${(asObjects / 1024).toFixed(0)} KB as objects (${(asObjects / compact).toFixed(1)}× smaller)`,
    );
  }
  return planned.length;
}

const summarise = (kinds: string[]) =>
  [...kinds.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** Runs agents [from, to) in a worker process (this machine's cores in parallel) and collects their times. */
function agentsInWorker(from: number, to: number): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    const worker = spawn(process.execPath, [tsxCli, 'bench/accountAgents.ts', String(from), String(to)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.on('error', reject);
    worker.on('close', (code) =>
      code === 0
        ? resolve(
            output
              .split('\n')
              .filter(Boolean)
              .map((line) => JSON.parse(line) as number[]),
          )
        : reject(new Error(`agents ${from}–${to} failed (${code})`)),
    );
  });
}

/**
 * The account: 500 agents, each simulated on their own (3 tabs, their own events, last evening's figures in the
 * cache, the app's own first-refresh spread and drift), logging in within the first 5 minutes of the shift. The
 * 100-agent account is the first 100 of them. The account's rate-limit headers are not fed back, so these are
 * upper bounds: the header-driven slow-down only lowers them.
 */
async function accountSimulation(): Promise<number> {
  const AGENTS = 500;
  const workers = Math.max(1, Math.min(8, cpus().length));
  const chunk = Math.ceil(AGENTS / workers);
  const started = Date.now();
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => agentsInWorker(w * chunk, Math.min(AGENTS, (w + 1) * chunk))),
  );
  const agents = parts.flat();
  console.log(
    `\n## Whole account: agents × 3 tabs, 8-hour shift, logins within the first 5 minutes (${agents.length} agents simulated in ${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  console.log(
    '| agents | requests / min, mean | peak minute | peak / Team 200 | / Growth 400 | / Enterprise 700 | / Plus 2,500 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  let peak500 = 0;
  for (const count of [100, 500]) {
    const times = agents.slice(0, count).flat();
    const peak = Math.max(...perMinute(times).values());
    const mean = times.length / SHIFT_MINUTES;
    const share = (budget: number) => `${((peak / budget) * 100).toFixed(0)} %`;
    console.log(
      `| ${count} | ${mean.toFixed(0)} | ${peak} | ${share(200)} | ${share(400)} | ${share(700)} | ${share(2500)} |`,
    );
    if (count === 500) peak500 = (peak / 700) * 100;
  }
  return peak500;
}

async function main() {
  const seed = Number(process.env.BENCH_SEED ?? 7);
  const get = await shiftTables(seed);
  await checkFinalFigures(get('goalpost, 10 sidebars'));
  const highVolume = await highVolumeRefresh();
  const peak500 = await accountSimulation();

  const count = (name: string) => get(name).requests.length;
  const quiet = count('goalpost, 3 sidebars');
  console.log(
    `\ntab-switching agent / quiet agent: ${(count('goalpost, 3 sidebars, switching tabs every 45 s') / quiet).toFixed(2)}`,
  );
  console.log(
    `naive/goalpost ratio: ${(count('polling naive, 10 sidebars') / count('goalpost, 10 sidebars')).toFixed(1)}`,
  );
  console.log(`event-driven/goalpost ratio: ${(count('event-driven naive, 3 sidebars') / quiet).toFixed(1)}`);
  console.log(
    `10 tabs / 1 tab: ${(count('goalpost, 10 sidebars') / count('goalpost, 1 sidebar')).toFixed(2)}`,
  );
  console.log(`requests per agent-minute: ${(count('goalpost, 1 sidebar') / SHIFT_MINUTES).toFixed(2)}`);
  console.log(`500 agents peak / Enterprise budget: ${peak500.toFixed(0)}%`);
  console.log(`high-volume full refresh requests: ${highVolume}`);
}

void main();
