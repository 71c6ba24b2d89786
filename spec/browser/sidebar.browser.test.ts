import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS,
  axeViolationsIn,
  control,
  openBrowser,
  sidebar,
  simState,
  simulatorUrl,
} from './simulatorPage';

const AOIFE = 3720451;
const MAYA_ADMIN = 3720454;
let context: BrowserContext;
let page: Page;

async function openSimulator(agentId = AOIFE): Promise<number> {
  await page.goto(`${simulatorUrl()}?agent=${agentId}`);
  const first = (await simState(agentId)).openTickets[0]!.id;
  await sidebar(page, first).getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  return first;
}

async function shoot(name: string, ticketId: number) {
  await page
    .locator(`iframe[data-testid="sidebar-${ticketId}"]`)
    .screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

beforeEach(async () => {
  await control('/__sim/reset');
  ({ context, page } = await openBrowser());
});

afterEach(async () => {
  await context.close();
});

test('opening a ticket shows personal and team progress with the seeded figures', async () => {
  const ticketId = await openSimulator();
  const { expected } = await simState();
  const frame = sidebar(page, ticketId);
  await expect(
    frame.getByRole('progressbar', { name: 'Solved today' }).getAttribute('aria-valuetext'),
  ).resolves.toContain(`${expected.solvedToday} of 12`);
  // The demo has more goals than the first screen shows: the rest are one click away.
  await frame.getByRole('button', { name: /^Show all \d+ goals$/ }).click();
  await expect(
    frame.getByRole('progressbar', { name: 'Team solved this week' }).getAttribute('aria-valuetext'),
  ).resolves.toContain(`${expected.teamSolvedWeek} of 250`);
  await expect(
    frame.getByRole('progressbar', { name: 'My open tickets' }).getAttribute('aria-valuetext'),
  ).resolves.toContain(`${expected.backlog} · target at most 15`);
  const csat = expected.csatWeek;
  await expect(
    frame.getByRole('progressbar', { name: 'CSAT this week' }).getAttribute('aria-valuetext'),
  ).resolves.toContain(`${Math.round(csat.percent ?? 0)}% from ${csat.good + csat.bad} ratings`);
  await shoot('sidebar-main', ticketId);
  copyFileSync(join(ARTIFACTS, 'sidebar-main.png'), join(__dirname, '../../docs/sidebar.png'));
});

test('an own solve counts at once, pending until search confirms it, never twice; bad ratings below the CSAT floor bring the quality nudge', async () => {
  const ticketId = await openSimulator();
  const frame = sidebar(page, ticketId);
  const solvedBar = frame.getByRole('progressbar', { name: 'Solved today' });
  const before = (await simState()).expected.solvedToday;
  await page.getByTestId('solve').click();
  // At once (the search index still sees the ticket open): counted, and marked as not yet confirmed.
  await frame.getByText(`${before + 1} of 12`).waitFor({ timeout: 2_000 });
  await frame.getByText("Includes 1 solve Zendesk hasn't confirmed yet.").waitFor({ timeout: 2_000 });
  // Past the index lag, the sidebar refreshes by itself (the save scheduled it): confirmed, still counted once.
  await page.getByRole('button', { name: '+1 min' }).click();
  await page.getByRole('button', { name: '+1 min' }).click();
  await frame.getByText(/hasn't confirmed yet/).waitFor({ state: 'detached', timeout: 15_000 });
  await expect(solvedBar.getAttribute('aria-valuetext')).resolves.toContain(`${before + 1} of 12`);

  for (const solved of (await simState()).recentlySolved)
    await control('/__sim/act', { action: 'rate', ticketId: solved.id, score: 'bad', agentId: AOIFE });
  await control('/__sim/clock', { minutes: 2 });
  await frame.getByRole('button', { name: 'Refresh' }).click();
  const coaching = frame.getByRole('region', { name: 'Coaching' });
  await coaching.getByText(/under your 80% floor/).waitFor({ timeout: 15_000 });
  await expect(coaching.getByText(/on pace for/).count()).resolves.toBe(0);
  await shoot('sidebar-quality-nudge', ticketId);
});

test('three open sidebars agree and cost about what one does', async () => {
  const first = await openSimulator();
  await page.waitForTimeout(6_000);
  const oneTab = (await simState()).requestCount;
  await page.getByTestId('side-by-side').check();
  const others = (await simState()).openTickets.slice(1, 3).map((t) => t.id);
  for (const id of others) await page.getByTestId(`open-ticket-${id}`).click();
  for (const id of others)
    await sidebar(page, id).getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(6_000);
  const threeTabs = (await simState()).requestCount;
  const texts = await Promise.all(
    [first, ...others].map((id) =>
      sidebar(page, id).getByRole('progressbar', { name: 'Solved today' }).getAttribute('aria-valuetext'),
    ),
  );
  expect(new Set(texts).size).toBe(1);
  const log: unknown = await (await fetch(new URL('/__sim/log', simulatorUrl()))).json();
  writeFileSync(join(ARTIFACTS, 'requests-three-sidebars.json'), JSON.stringify(log, null, 2));
  console.log(`requests: one sidebar ${oneTab}, three sidebars ${threeTabs}`);
  expect(threeTabs).toBeLessThanOrEqual(Math.ceil(oneTab * 1.1));
});

test('invalid settings from the admin panel: line-numbered errors for the admin, valid goals still shown', async () => {
  await openSimulator(MAYA_ADMIN);
  await page.getByText('Admin: Goalpost app settings').click();
  await page
    .getByLabel('Goals', { exact: true })
    .fill('me solved 12 day\nme sovled 10 day\nme csat 85% week floor 90%');
  await page.getByTestId('save-settings').click();
  const ticketId = (await simState(MAYA_ADMIN)).openTickets[0]!.id;
  const frame = sidebar(page, ticketId);
  await frame.getByText('2 lines in the settings have problems.').waitFor({ timeout: 30_000 });
  await frame.getByRole('button', { name: 'Show' }).click();
  await frame.getByText('Line 2:').waitFor();
  await frame.getByText(/unknown metric “sovled”. Did you mean “solved”\?/).waitFor();
  await frame.getByText('Line 3:').waitFor();
  await frame.getByRole('progressbar', { name: 'Solved today' }).waitFor();
  await shoot('sidebar-admin-problems', ticketId);
});

test('a 500: the last good figures stay with their age, and come back fresh when the API recovers', async () => {
  const ticketId = await openSimulator();
  const frame = sidebar(page, ticketId);
  const solvedText = await frame
    .getByRole('progressbar', { name: 'Solved today' })
    .getAttribute('aria-valuetext');
  await control('/__sim/config', { fault: '500' });
  await control('/__sim/clock', { minutes: 3 });
  await frame.getByRole('button', { name: 'Refresh' }).click();
  await frame.getByText(/Showing figures from .* Zendesk had a problem/).waitFor({ timeout: 30_000 });
  await expect(
    frame.getByRole('progressbar', { name: 'Solved today' }).getAttribute('aria-valuetext'),
  ).resolves.toBe(solvedText);
  await frame.getByText(/Updated 3 min/).waitFor();
  await shoot('sidebar-stale', ticketId);

  // (A 429 seen by one tab and respected by every tab is covered in reliability.browser.test.ts.)
  await control('/__sim/config', { fault: 'none' });
  await control('/__sim/clock', { minutes: 2 });
  await frame.getByText(/^Updated just now/).waitFor({ timeout: 40_000 });
  await expect(frame.getByText(/Showing figures from/).count()).resolves.toBe(0);
});

/** axe-core's violations in the sidebar's frame, as `rule (nodes)`. */
async function axeViolations(): Promise<string[]> {
  return axeViolationsIn(
    page,
    page.frames().find((f) => f.url().includes('/app/assets/iframe.html'))!,
  );
}

test('an accessibility scan (axe-core) finds no violations: figures, every goal, stale figures', async () => {
  const ticketId = await openSimulator();
  const frame = sidebar(page, ticketId);
  expect(await axeViolations()).toEqual([]);
  await frame.getByRole('button', { name: /^Show all \d+ goals$/ }).click();
  expect(await axeViolations()).toEqual([]);
  await control('/__sim/config', { fault: '500' });
  await control('/__sim/clock', { minutes: 3 });
  await frame.getByRole('button', { name: 'Refresh' }).click();
  await frame.getByText(/Showing figures from .* Zendesk had a problem/).waitFor({ timeout: 30_000 });
  expect(await axeViolations()).toEqual([]);
});

test('an accessibility scan finds no violations in an admin’s expanded settings problems', async () => {
  await control('/__sim/settings', { settings: { goals: 'me solved 12 day\nme sovled 10 day' } });
  const ticketId = await openSimulator(MAYA_ADMIN);
  const frame = sidebar(page, ticketId);
  await frame.getByRole('button', { name: 'Show' }).click();
  await frame.getByText('Line 2:').waitFor();
  expect(await axeViolations()).toEqual([]);
});
