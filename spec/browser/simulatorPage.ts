import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '../../artifacts/browser');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const simulatorUrl = () => process.env.SIMULATOR_URL ?? 'http://localhost:4400/';

export async function control(
  path: string,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, simulatorUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

export interface SimState {
  now: number;
  requestCount: number;
  openTickets: { id: number; subject: string }[];
  recentlySolved: { id: number; satisfaction: string }[];
  expected: {
    solvedToday: number;
    teamSolvedWeek: number;
    backlog: number;
    csatWeek: { good: number; bad: number; percent: number | null };
  };
}

export async function simState(agentId = 3720451): Promise<SimState> {
  return (await (await fetch(new URL(`/__sim/state?agent=${agentId}`, simulatorUrl()))).json()) as SimState;
}

export async function openBrowser(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'goalpost-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function sidebar(page: Page, ticketId: number): FrameLocator {
  return page.frameLocator(`iframe[data-testid="sidebar-${ticketId}"]`);
}

/**
 * A reset simulator and a fresh Chromium for every test of the file; `page` is the current test's page.
 */
export function freshSimulatorForEachTest(): { readonly page: Page } {
  let current: { context: BrowserContext; page: Page } | null = null;
  beforeEach(async () => {
    await control('/__sim/reset');
    current = await openBrowser();
  });
  afterEach(async () => {
    await current?.context.close();
    current = null;
  });
  return {
    get page() {
      if (!current) throw new Error('no page outside a test');
      return current.page;
    },
  };
}

/** axe-core's violations in one of the app's frames, as `rule (nodes): html…`. */
export async function axeViolationsIn(page: Page, frame: Frame): Promise<string[]> {
  // Garden buttons fade their colours (0.25 s): scanning mid-fade would judge a colour no one sees for long.
  await page.waitForTimeout(600);
  const isLoaded = await frame.evaluate(() => 'axe' in window);
  if (!isLoaded)
    await frame.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${(v.nodes as { html: string; failureSummary?: string }[])
          .map((n) => `${n.html.slice(0, 300)} — ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  });
}

/** The simulator's workspace as one agent, their first open ticket's sidebar drawn. */
export async function openWorkspaceAs(page: Page, agentId: number) {
  await page.goto(`${simulatorUrl()}?agent=${agentId}`);
  const ticketId = (await simState(agentId)).openTickets[0]!.id;
  const frame = sidebar(page, ticketId);
  await frame.getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  return { frame, ticketId };
}

/** A ticket sidebar's frame itself (for evaluate and axe), where a FrameLocator will not do. */
export async function sidebarFrame(page: Page, ticketId: number): Promise<Frame> {
  const handle = await page.locator(`iframe[data-testid="sidebar-${ticketId}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no sidebar frame for ticket ${ticketId}`);
  return frame;
}

/** The app's `nav_bar` page frame, for axe. */
export const navPageFrame = (page: Page): Frame =>
  page.frames().find((f) => f.url().includes('app_guid=sim-nav-'))!;

/** A screenshot of the `nav_bar` page, kept in the artifacts and, fresh from every run, in docs/ for the README. */
export async function shootNavPageForDocs(page: Page, name: string): Promise<void> {
  await page
    .locator('iframe[data-testid="nav-page-frame"]')
    .screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  copyFileSync(join(ARTIFACTS, `${name}.png`), join(__dirname, `../../docs/${name}.png`));
}

/** Every request the fake Zendesk answered since the last reset. */
export async function simLog(): Promise<
  { agentId: number; instance: string; path: string; status: number }[]
> {
  return (await (await fetch(new URL('/__sim/log', simulatorUrl()))).json()) as {
    agentId: number;
    instance: string;
    path: string;
    status: number;
  }[];
}
