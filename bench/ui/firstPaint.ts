/**
 * `npm run bench:ui [-- --runs N] [-- --no-build]`: the sidebar's first paint against two Garden hello pages,
 * side by side in one headless Chromium, all three built by webpack.config.js (`--env bench`):
 *  (a) helloProgress: React 18, Garden's ThemeProvider and one Progress;
 *  (b) helloGarden: every Garden component the sidebar uses;
 *  Goalpost: the production sidebar in the workspace simulator, its last board cached (an agent's next ticket),
 *  for an English agent and a German one (who loads German board texts).
 * For each: the gzip size of the JS loaded before the first progress bar (the ZAF SDK, Zendesk's and shared by
 * every app, is listed apart); the time from the frame's navigation to that bar; and the main-thread JS before
 * it, from Chromium's trace. Runs interleave (a, b, the two agents, rotated); medians with the spread between
 * quartiles. The last two lines give the larger of the two agents' ratios to (b). Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { DEFAULT_AGENT_ID, startSimulator } from '../../simulator/server';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist-bench');
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Math.max(15, Number(argument('--runs') ?? 15));

type Candidate = 'helloProgress' | 'helloGarden' | 'sidebar' | 'sidebarGerman';
const LABELS: Record<Candidate, string> = {
  helloProgress: '(a) Garden hello: ThemeProvider + Progress',
  helloGarden: '(b) Garden hello: every component the sidebar uses',
  sidebar: 'Goalpost sidebar, cached figures (English agent)',
  sidebarGerman: 'the same for a German agent',
};
/** Jonas Weber, whose Zendesk profile is in German: his first paint loads the German board texts. */
const GERMAN_AGENT_ID = 3720452;
const isSidebar = (candidate: Candidate) => candidate === 'sidebar' || candidate === 'sidebarGerman';

interface Run {
  firstProgressMs: number;
  scriptMs: number;
  /** App JS files loaded before the first progress bar (paths under assets/). */
  scripts: string[];
}

/** In every frame at document start: notes when the first progress bar with a value is about to paint. */
const PROBE = `(() => {
  if (!/\\/app\\/(assets\\/iframe|hello\\/hello[A-Za-z]+)\\.html$/.test(location.pathname)) return;
  console.timeStamp('bench:start');
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="progressbar"][aria-valuenow]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const at = performance.now();
      console.timeStamp('bench:first-progress');
      const scripts = performance.getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') && entry.responseEnd <= at)
        .map((entry) => new URL(entry.name).pathname);
      // Reported through a binding: polling the frame for it would run script in it while it loads.
      window.__benchReport({ firstProgressMs: at, scripts });
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { frame?: string; message?: string } };
}

const JS_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'V8.CompileCode',
  'v8.produceCache',
]);

/**
 * Main-thread JS of one frame before its first progress bar: the union of JS events in the main-thread tasks
 * where that frame ran script (microtasks and compiles carry no frame; their task tells whose they are).
 */
function scriptBeforePaint(events: TraceEvent[]): number {
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('bench:'));
  const paint = marks.find((e) => e.args?.data?.message === 'bench:first-progress');
  if (!paint) throw new Error('The trace has no first-progress mark.');
  const frame = paint.args?.data?.frame;
  const { pid, tid } = paint;
  const onThread = events.filter(
    (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined,
  );
  const tasks = onThread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const js = onThread.filter((e) => JS_EVENTS.has(e.name) && e.ts < paint.ts);
  let total = 0;
  for (const task of tasks) {
    const end = Math.min(task.ts + (task.dur ?? 0), paint.ts);
    if (task.ts >= paint.ts) continue;
    const inside = js.filter((e) => e.ts >= task.ts && e.ts < end);
    if (!inside.some((e) => e.args?.data?.frame === frame)) continue;
    // Union of the intervals: nested events (a compile inside a call) count once.
    const spans = inside
      .map((e) => [e.ts, Math.min(e.ts + (e.dur ?? 0), end)] as const)
      .sort((x, y) => x[0] - y[0]);
    let [from, to] = [-1, -1];
    for (const [start, stop] of spans) {
      if (start > to) {
        total += to - from;
        [from, to] = [start, stop];
      } else to = Math.max(to, stop);
    }
    total += to - from;
  }
  return total / 1000;
}

/** `BENCH_TIMELINE=<page>`: the last run's main-thread JS, event by event, for finding what delays the paint. */
function printTimeline(events: TraceEvent[]): void {
  const start = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:start');
  const paint = events.find(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:first-progress',
  );
  if (!start || !paint) return;
  for (const e of events) {
    if (e.pid !== paint.pid || e.tid !== paint.tid || e.ts < start.ts - 5000 || e.ts > paint.ts) continue;
    if (!JS_EVENTS.has(e.name) && e.name !== 'TimeStamp' && e.name !== 'ResourceReceiveResponse') continue;
    if ((e.dur ?? 0) < 1000 && e.name !== 'TimeStamp') continue;
    const data = e.args?.data as Record<string, unknown> | undefined;
    const what = String(data?.url ?? data?.functionName ?? data?.type ?? data?.message ?? '');
    const frame = data?.frame === paint.args?.data?.frame ? 'app ' : data?.frame ? 'host' : '    ';
    console.log(
      `${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)} ms ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms ${frame} ${e.name} ${what.slice(-60)}`,
    );
  }
}

async function traced<T>(context: BrowserContext, page: Page, run: () => Promise<T>) {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
      ],
    },
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { result, events };
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

const gzipKb = (paths: readonly string[]) =>
  paths.reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length, 0) / 1000;

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the production app and the hello pages (dist-bench/)…');
    const build = spawnSync(
      join(ROOT, 'node_modules/.bin/webpack'),
      ['--mode', 'production', '--env', 'simulator', '--env', 'bench'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const simulator = await startSimulator({ port: 0, appDir: DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let report: ((run: Omit<Run, 'scriptMs'>) => void) | null = null;
    await context.exposeBinding('__benchReport', (_source, run: Omit<Run, 'scriptMs'>) => report?.(run));
    /** The next first progress bar any page reports. */
    const firstProgress = () =>
      new Promise<Omit<Run, 'scriptMs'>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No progress bar within 30 s.')), 30_000);
        report = (run) => {
          clearTimeout(timer);
          report = null;
          resolve(run);
        };
      });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const origin = simulator.url.replace(/\/$/, '');
    // Every page opens where the sidebar does: an iframe the workspace simulator's host page makes for a
    // ticket tab (the hello pages by the host's `benchPage` parameter), so all share the host's own work.
    const open = (candidate: Candidate) =>
      page.goto(
        candidate === 'sidebarGerman'
          ? `${origin}/?agent=${GERMAN_AGENT_ID}`
          : `${origin}/?agent=${DEFAULT_AGENT_ID}${candidate === 'sidebar' ? '' : `&benchPage=${candidate}`}`,
      );
    const sidebarFrame = () =>
      page
        .frames()
        .find((f) => f.url().startsWith('http') && new URL(f.url()).pathname === '/app/assets/iframe.html');

    // Warm-up: each agent's first sidebar fetches and keeps its board; every measured one starts from it.
    for (const agent of ['sidebar', 'sidebarGerman'] as const) {
      const painted = firstProgress();
      await open(agent);
      await painted;
      await sidebarFrame()!.waitForFunction(
        (agentId) =>
          Object.keys(localStorage).some((key) => key.includes(':lastBoard:') && key.endsWith(`:${agentId}`)),
        agent === 'sidebar' ? DEFAULT_AGENT_ID : GERMAN_AGENT_ID,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(1500);
    }

    const runs: Record<Candidate, Run[]> = {
      helloProgress: [],
      helloGarden: [],
      sidebar: [],
      sidebarGerman: [],
    };
    const order: Candidate[] = ['helloProgress', 'helloGarden', 'sidebar', 'sidebarGerman'];
    for (let round = -1; round < RUNS; round += 1) {
      const rotated = order.map((_, i) => order[(i + Math.max(round, 0)) % order.length]!);
      for (const candidate of rotated) {
        await page.goto('about:blank');
        const { result, events } = await traced(context, page, async () => {
          const painted = firstProgress();
          await open(candidate);
          const measured = await painted;
          await page.waitForTimeout(100);
          return measured;
        });
        if (round >= 0) runs[candidate].push({ ...result, scriptMs: scriptBeforePaint(events) });
        if (process.env.BENCH_TIMELINE === candidate && round === RUNS - 1) printTimeline(events);
      }
    }

    /** The page's own JS before its first progress bar, as files under dist-bench/ (not the ZAF SDK). */
    const ownScripts = (run: Run) =>
      run.scripts
        .filter((path) => path.startsWith('/app/') && !/\/(zaf_sdk|sim-clock)\.js$/.test(path))
        .map((path) => path.slice('/app/'.length));
    const figures = order.map((candidate) => {
      const list = runs[candidate];
      const scripts = ownScripts(list[0]!);
      return {
        candidate,
        scripts,
        jsKb: gzipKb(scripts),
        paint: list.map((r) => r.firstProgressMs),
        script: list.map((r) => r.scriptMs),
      };
    });
    const spread = (values: number[]) =>
      `${median(values).toFixed(0)} ms (${quantile(values, 0.25).toFixed(0)}–${quantile(values, 0.75).toFixed(0)})`;
    const pageB = figures.find((f) => f.candidate === 'helloGarden')!;
    const pageA = figures.find((f) => f.candidate === 'helloProgress')!;
    const agents = figures.filter((f) => isSidebar(f.candidate));
    const zafKb = gzipKb(['assets/zaf_sdk.js']);

    console.log(
      `\nFirst paint, ${RUNS} interleaved runs each in headless Chromium ${browser.version()}; median (quartiles).\n`,
    );
    const rows = [
      ['page', 'first-paint JS (gzip)', 'to first progress bar', 'main-thread JS before it'],
      ...figures.map((f) => [
        LABELS[f.candidate],
        `${f.jsKb.toFixed(1)} KB`,
        spread(f.paint),
        spread(f.script),
      ]),
    ];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const [index, row] of rows.entries()) {
      console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
      if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    const ratio = (value: number, base: number) => value / base;
    const shown = (value: number) => value.toFixed(2);
    console.log(`(plus Zendesk's ZAF SDK, ${zafKb.toFixed(1)} KB, loaded by every app from Zendesk's CDN)`);
    for (const agent of agents) {
      console.log(`\n${LABELS[agent.candidate]}: ${agent.scripts.join(', ')}`);
      // A run whose engine (sidebar.js) loaded before its first bar did not paint from the last board.
      const fromLastBoard = runs[agent.candidate].filter(
        (run) => !ownScripts(run).includes('assets/sidebar.js'),
      ).length;
      console.log(`  painted from the last board in ${fromLastBoard} of ${RUNS} runs`);
      console.log(
        `  against (a): JS ${shown(ratio(agent.jsKb, pageA.jsKb))}×, first progress ` +
          `${shown(ratio(median(agent.paint), median(pageA.paint)))}×, main-thread JS ` +
          `${shown(ratio(median(agent.script), median(pageA.script)))}×`,
      );
      console.log(
        `  against (b): JS ${shown(ratio(agent.jsKb, pageB.jsKb))}× (target ≤ 1.2, and ≤ 95 KB), first progress ` +
          `${shown(ratio(median(agent.paint), median(pageB.paint)))}× (target ≤ 1.3), main-thread JS ` +
          `${shown(ratio(median(agent.script), median(pageB.script)))}×`,
      );
    }
    console.log(
      '\nThe two lines below compare with (b), the Garden hello page with every component the sidebar uses;\n' +
        "each is the larger of the two agents' (English, German) ratios.",
    );
    const worst = (of: (agent: (typeof agents)[number]) => number) => Math.max(...agents.map(of));
    console.log(`first-paint JS / Garden hello: ${shown(worst((a) => ratio(a.jsKb, pageB.jsKb)))}`);
    console.log(
      `cached first paint / Garden hello: ${shown(worst((a) => ratio(median(a.paint), median(pageB.paint))))}`,
    );
  } finally {
    await browser.close();
    await simulator.close();
  }
}

void main().catch((failure: unknown) => {
  console.error(failure);
  process.exit(1);
});
