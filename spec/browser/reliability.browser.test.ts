import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { LoggedRequest } from '../../simulator/fakeZendesk/fakeZendesk';
import type { SimState } from './simulatorPage';
import { ARTIFACTS, control, openBrowser, sidebar, simState, simulatorUrl } from './simulatorPage';

/**
 * Cross-tab reliability as an agent (and the account's API budget) would notice it: several sidebars of one
 * agent share one set of requests, one 429 and one clock, whatever the browser's clock does.
 */

const AOIFE = 3720451;
const PROBE = 'reliability-probe';
/** Another integration on the same account, using up its budget. */
const OTHER = 'other-integration';
let context: BrowserContext | null = null;
let page: Page;

type LogEntry = LoggedRequest;

const report = (line: string) => process.stdout.write(`[reliability] ${line}\n`);

async function requestLog(): Promise<LogEntry[]> {
  return (await (await fetch(new URL('/__sim/log', simulatorUrl()))).json()) as LogEntry[];
}

/** Per path without the query, e.g. `GET /api/v2/search ×3`: what the figures cost, readable in the output. */
function costByPath(entries: readonly LogEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.path.split('?')[0]} ${e.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(', ');
}

const isProfileRequest = (path: string, part: 'users/me' | 'group_memberships') =>
  path.split('?')[0]!.includes(part);

/** Waits (by polling the request log) until `predicate` holds for it; fails with the log's tail if not. */
async function waitForLog(
  predicate: (log: LogEntry[]) => boolean,
  what: string,
  timeout = 30_000,
): Promise<LogEntry[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const log = await requestLog();
    if (predicate(log)) return log;
    if (Date.now() > until)
      throw new Error(
        `${what}: not seen in the request log. Last entries:\n${JSON.stringify(log.slice(-8))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Until the log has not grown for `quietMs` (nothing more is coming by itself). */
async function waitForQuietLog(quietMs = 5_000, timeout = 45_000): Promise<LogEntry[]> {
  const until = Date.now() + timeout;
  let length = (await requestLog()).length;
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const log = await requestLog();
    if (log.length !== length) {
      length = log.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return log;
    if (Date.now() > until) throw new Error('the request log never went quiet');
  }
}

async function freshSimulator(): Promise<void> {
  await context?.close();
  context = null;
  await control('/__sim/reset');
  await control('/__sim/log/clear');
  ({ context, page } = await openBrowser());
}

/** The host page as Aoife with `ticketId` in its first tab, ready for control-API page commands. */
async function openHost(ticketId: number): Promise<void> {
  await page.goto(`${simulatorUrl()}?agent=${AOIFE}&ticket=${ticketId}`);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
}

async function openTab(ticketId: number): Promise<void> {
  // The page takes commands once its event stream is connected, a moment after it reports ready.
  const until = Date.now() + 10_000;
  for (;;) {
    const answer = await control('/__sim/page', { command: 'openTab', ticketId });
    if (Number(answer.delivered) > 0) return;
    if (Date.now() > until) throw new Error(`the host page never took "openTab ${ticketId}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Solved today bar; sidebars of background tabs are hidden, as in Zendesk, but still drawn. */
const solvedBar = (frame: FrameLocator) =>
  frame.getByRole('progressbar', { name: 'Solved today', includeHidden: true });

const figures = (frame: FrameLocator) => solvedBar(frame).waitFor({ state: 'attached', timeout: 30_000 });

const solvedText = (frame: FrameLocator) => solvedBar(frame).getAttribute('aria-valuetext');

/** A refresh of the figures themselves (the solved tickets), not only counts or profile. */
const isFiguresRequest = (e: LogEntry) => e.status === 200 && e.path.startsWith('/api/v2/search.json');

/** The freshness line and refresh button, as the agent reads them. */
const footer = async (frame: FrameLocator) =>
  (
    await frame
      .locator('footer')
      .innerText({ timeout: 5_000 })
      .catch(() => '?')
  ).replace(/\s+/g, ' ');

/** Until the Solved today bar's value starts with `count` (e.g. "6 / 12 …"). */
async function waitForSolved(frame: FrameLocator, count: number, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  let text: string | null = null;
  while (Date.now() < until) {
    text = await solvedText(frame);
    if (text !== null && new RegExp(`^${count}\\D`).test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Solved today never showed ${count}; last: ${String(text)}`);
}

async function shoot(name: string, ticketId: number): Promise<void> {
  await page
    .locator(`iframe[data-testid="sidebar-${ticketId}"]`)
    .screenshot({ path: join(ARTIFACTS, `${name}.png`) })
    .catch(() => undefined);
}

afterEach(async () => {
  await context?.close();
  context = null;
  await control('/__sim/reset');
});

/**
 * Opens `tickets` at once on a fresh browser profile and returns every API request made in the first
 * simulated minute after opening. Once every sidebar shows figures and the log is quiet, the clock is moved to
 * the end of that minute, and whatever that move brings is counted too (so nothing timed within the minute is
 * skipped by the jump).
 */
async function firstMinuteCost(tickets: readonly number[]): Promise<LogEntry[]> {
  await freshSimulator();
  const openedAt = (await simState()).now;
  await openHost(tickets[0]!);
  await Promise.all(tickets.slice(1).map(openTab));
  for (const id of tickets) await figures(sidebar(page, id));
  await waitForQuietLog();
  const now = (await simState()).now;
  if (now < openedAt + 60_000) await control('/__sim/clock', { minutes: (openedAt + 60_000 - now) / 60_000 });
  return waitForQuietLog(3_000);
}

test('five tabs restored at once cost about what one tab does', async () => {
  const tickets = (await simState(AOIFE)).openTickets.slice(0, 5).map((t) => t.id);
  expect(tickets).toHaveLength(5);

  const one = await firstMinuteCost(tickets.slice(0, 1));
  const oneTab = sidebar(page, tickets[0]!);
  const oneText = await solvedText(oneTab);
  report(`one tab, first minute: ${one.length} requests (${costByPath(one)})`);

  const five = await firstMinuteCost(tickets);
  writeFileSync(join(ARTIFACTS, 'requests-five-tabs.json'), JSON.stringify(five, null, 2));
  report(`five tabs, first minute: ${five.length} requests (${costByPath(five)})`);
  report(
    `five tabs by instance: ${tickets.map((id) => `#${id} ${five.filter((e) => e.instance === String(id)).length}`).join(', ')}`,
  );
  report(`totals: one tab ${one.length}, five tabs ${five.length}`);

  // Every tab shows the same figures as the single tab did.
  const texts = await Promise.all(tickets.map((id) => solvedText(sidebar(page, id))));
  expect(new Set(texts)).toEqual(new Set([oneText]));

  const usersMe = five.filter((e) => isProfileRequest(e.path, 'users/me'));
  const memberships = five.filter((e) => isProfileRequest(e.path, 'group_memberships'));
  expect(usersMe.length).toBeLessThanOrEqual(1);
  expect(memberships.length).toBeLessThanOrEqual(1);
  expect(five.length).toBeLessThanOrEqual(one.length + 2);
}, 150_000);

test('a 429 seen by one tab is respected by a tab opened later', async () => {
  const [first, second] = (await simState(AOIFE)).openTickets.slice(0, 2).map((t) => t.id) as [
    number,
    number,
  ];
  await freshSimulator();
  await openHost(first);
  const firstTab = sidebar(page, first);
  await figures(firstTab);
  const before = await solvedText(firstTab);

  // Start a fresh rate-limit minute (the fake API counts whole minutes), so the 429's Retry-After is long
  // enough to open another tab inside it; then another integration on the account uses up the minute's
  // budget, and the agent asks for figures.
  const { now, agents, config } = (await simState()) as SimState & {
    agents: { id: number }[];
    config: { budgetPerMinute: number };
  };
  await control('/__sim/clock', { minutes: (60_000 - (now % 60_000) + 1_000) / 60_000 });
  const other = agents.find((a) => a.id !== AOIFE)!.id;
  for (let sent = 0; sent < config.budgetPerMinute; sent += 20)
    await Promise.all(
      Array.from({ length: 20 }, () =>
        control('/__sim/zendesk', { agentId: other, instance: OTHER, url: '/api/v2/users/me.json' }),
      ),
    );
  await firstTab.getByRole('button', { name: 'Refresh' }).click();
  await firstTab.getByText(/Zendesk is busy; retrying in/).waitFor({ timeout: 30_000 });
  const seen = await requestLog();
  const first429 = seen.find((e) => e.status === 429 && e.instance !== OTHER);
  expect(first429).toBeDefined();

  // How long the fake API still holds the limit, asked as a bystander (a 429 does not use the budget).
  const probe = (await control('/__sim/zendesk', {
    agentId: AOIFE,
    instance: PROBE,
    url: '/api/v2/users/me.json',
  })) as { status: number; headers: Record<string, string> };
  expect(probe.status).toBe(429);
  const retryAfter = Number(probe.headers['retry-after']);
  const probedAt = (await requestLog()).find((e) => e.instance === PROBE)!.at;
  // Retry-After is whole seconds rounded up: the limit surely holds until one second short of it.
  const limitedUntil = probedAt + (retryAfter - 1) * 1000;
  const app429s = seen.filter((e) => e.status === 429 && e.instance !== OTHER);
  report(
    `first 429 at +${((first429!.at % 60_000) / 1000).toFixed(1)}s into the minute, Retry-After ${retryAfter}s; ` +
      `app requests answered 429: ${app429s.length} (${costByPath(app429s)})`,
  );
  await shoot('reliability-429-first-tab', first);

  // A new ticket tab while Zendesk still says wait: it shows the last figures and asks Zendesk nothing.
  await openTab(second);
  const secondTab = sidebar(page, second);
  await figures(secondTab);
  // Long enough for the new tab's start-up and a few ticks of every tab's engine (5 s each).
  await page.waitForTimeout(8_000);
  const stillLimited = (await simState()).now < limitedUntil;
  await shoot('reliability-429-second-tab', second);
  const busyInSecond = await secondTab.getByText(/Zendesk is busy/).count();
  const during = (await requestLog())
    .slice(seen.length)
    .filter((e) => e.instance !== PROBE && e.instance !== OTHER && e.at < limitedUntil);
  report(
    `while limited: ${during.length} requests by any tab (${costByPath(during)}); new tab shows the busy notice: ${busyInSecond > 0}`,
  );
  expect(stillLimited).toBe(true);
  expect(during).toEqual([]);
  await expect(solvedText(secondTab)).resolves.toBe(before);

  // Once Retry-After has passed (a new minute, with budget again), figures come back, fresh, in both tabs.
  const { now: later } = await simState();
  await control('/__sim/clock', { minutes: (limitedUntil + 2_000 - later) / 60_000 });
  const after = await waitForLog(
    (log) => log.some((e) => e.at >= limitedUntil && e.status === 200 && e.path.includes('/search')),
    'a search after Retry-After',
  );
  await secondTab.getByText('Updated just now').waitFor({ timeout: 30_000 });
  await expect(secondTab.getByText(/Zendesk is busy/).count()).resolves.toBe(0);
  await expect(solvedText(secondTab)).resolves.toBe(before);
  await expect(solvedText(firstTab)).resolves.toBe(before);
  const resumed = after.filter((e) => e.at >= limitedUntil && e.instance !== PROBE);
  report(
    `after Retry-After: first request ${((resumed[0]!.at - limitedUntil) / 1000).toFixed(1)}s past it; ${costByPath(resumed)}`,
  );
}, 120_000);

test('clock moved back and forth across tabs never freezes figures', async () => {
  const [first, second] = (await simState(AOIFE)).openTickets.slice(0, 2).map((t) => t.id) as [
    number,
    number,
  ];
  await freshSimulator();
  await openHost(first);
  await control('/__sim/page', { command: 'sideBySide', on: true });
  await openTab(second);
  const tabs = [sidebar(page, first), sidebar(page, second)];
  for (const tab of tabs)
    await tab.getByRole('progressbar', { name: 'Solved today' }).waitFor({ timeout: 30_000 });
  await waitForQuietLog(3_000);

  // The computer's clock jumps back an hour (Zendesk's time runs on): figures stamped "in the future" have no
  // known age, so the sidebars must fetch again rather than call them fresh for the next hour.
  let mark = (await requestLog()).length;
  await control('/__sim/clock', { appClockSkewMinutes: -60 });
  let afterBack = await waitForLog(
    (log) => log.slice(mark).some(isFiguresRequest),
    'a refresh after the clock moved back',
    20_000,
  ).catch(() => null);
  let how = 'by itself';
  if (!afterBack) {
    how = 'after a Refresh click';
    await tabs[0]!.getByRole('button', { name: 'Refresh' }).click();
    afterBack = await waitForLog(
      (log) => log.slice(mark).some(isFiguresRequest),
      'a refresh after the clock moved back and Refresh was clicked',
    );
  }
  report(`clock back 1 h: refreshed ${how} (${costByPath(afterBack.slice(mark))})`);
  for (const tab of tabs) await tab.getByText('Updated just now').waitFor({ timeout: 15_000 });

  // And forward again: what was fetched "an hour ago" by the app's clock is stale and must be fetched again,
  // within the minute the agent's own request budget may hold a refresh back, and then say "Updated just now".
  await waitForQuietLog(3_000);
  mark = (await requestLog()).length;
  const movedAt = (await simState()).now;
  await control('/__sim/clock', { appClockSkewMinutes: 0 });
  const afterForward = await waitForLog(
    (log) => log.slice(mark).some(isFiguresRequest),
    'a refresh after the clock moved forward again',
    60_000,
  ).catch(async (failure: unknown) => {
    await shoot('reliability-clock-forward-stuck', first);
    throw failure;
  });
  const firstFigures = afterForward.slice(mark).find(isFiguresRequest)!;
  report(
    `clock forward again: figures requested ${((firstFigures.at - movedAt) / 1000).toFixed(1)}s after the move ` +
      `(${costByPath(afterForward.slice(mark))}); footers now: ${(await Promise.all(tabs.map(footer))).join(' | ')}`,
  );
  for (const tab of tabs) {
    await tab
      .getByText('Updated just now')
      .waitFor({ timeout: 30_000 })
      .catch(async (failure: unknown) => {
        report(`footers 30 s after the figures came: ${(await Promise.all(tabs.map(footer))).join(' | ')}`);
        await shoot('reliability-clock-forward-stale-label', first);
        throw failure;
      });
    await expect(tab.getByText(/Showing figures from/).count()).resolves.toBe(0);
  }
  await shoot('reliability-clock-forward', first);

  // A solve in the active tab shows in both tabs.
  const before = (await simState()).expected.solvedToday;
  await page.getByTestId('solve').click();
  await control('/__sim/clock', { minutes: 2 });
  for (const tab of tabs) await waitForSolved(tab, before + 1);
  const texts = await Promise.all(tabs.map(solvedText));
  report(`after the solve: ${texts.join(' | ')}`);
  await shoot('reliability-clock-solved', second);
}, 170_000);
