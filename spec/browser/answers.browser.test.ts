import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  ARTIFACTS,
  axeViolationsIn,
  control,
  freshSimulatorForEachTest,
  navPageFrame,
  openWorkspaceAs,
  shootNavPageForDocs,
  sidebar,
  simLog,
  simState,
} from './simulatorPage';

const AOIFE = 3720451;
const MAYA_ADMIN = 3720454;
const browser = freshSimulatorForEachTest();

async function openAs(page: Page, agentId: number) {
  const { frame, ticketId } = await openWorkspaceAs(page, agentId);
  const app = async (): Promise<Frame> => {
    const handle = await page.locator(`iframe[data-testid="sidebar-${ticketId}"]`).elementHandle();
    return (await handle!.contentFrame())!;
  };
  return { frame, ticketId, app };
}

async function openStudio(page: Page) {
  await page.getByTestId('open-nav-page').click();
  const studio = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  await studio.getByRole('heading', { name: 'Goal studio' }).waitFor({ timeout: 30_000 });
  return studio;
}

test('an agent answers a goal, the admin reads it in the studio and changes the target, and the agent sees the change', async () => {
  const { page } = browser;
  await control('/__sim/config', { budgetPerMinute: 2500 });
  // The admin switches answers on.
  await openAs(page, MAYA_ADMIN);
  let studio = await openStudio(page);
  await studio.getByRole('button', { name: "Switch on agents' answers" }).click();
  await studio.getByText(/^No answers yet/).waitFor({ timeout: 30_000 });

  // Aoife answers from her sidebar, in her own tab: a choice and Send.
  const aoifePage = await page.context().newPage();
  const aoife = await openAs(aoifePage, AOIFE);
  await aoife.frame.getByRole('button', { name: 'Your view on these targets' }).click();
  const solved = aoife.frame.getByRole('group', { name: 'Your view on Solved today' });
  await solved.getByRole('button', { name: 'Too high' }).click({ timeout: 30_000 });
  await aoife.frame.getByRole('textbox', { name: /A short note/ }).fill('Half my day is phone shifts.');
  await aoife.frame.getByRole('button', { name: 'Send my answer' }).click();
  await aoife.frame.getByText(/^Received\./).waitFor({ timeout: 30_000 });
  await expect(axeViolationsIn(aoifePage, await aoife.app())).resolves.toEqual([]);
  await aoifePage
    .locator(`iframe[data-testid="sidebar-${aoife.ticketId}"]`)
    .screenshot({ path: join(ARTIFACTS, 'sidebar-answer.png') });
  copyFileSync(join(ARTIFACTS, 'sidebar-answer.png'), join(__dirname, '../../docs/sidebar-answer.png'));

  // The admin opens the studio again and finds it beside the goal.
  await page.reload();
  await sidebar(page, (await simState(MAYA_ADMIN)).openTickets[0]!.id)
    .getByRole('progressbar')
    .first()
    .waitFor({ timeout: 30_000 });
  studio = await openStudio(page);
  const answers = studio.getByRole('region', { name: "Agents' answers on their goals" });
  await answers.getByText(/^Solved today: 0 fair, 1 too high, 0 too low$/).waitFor({ timeout: 30_000 });
  await answers
    .getByText(/^Aoife Byrne: Too high about a target of 12 .*“Half my day is phone shifts\.”/)
    .waitFor();
  await answers.getByRole('button', { name: "Aoife Byrne's last 8 periods" }).click();
  await answers.getByText(/^Last periods, oldest first:/).waitFor({ timeout: 60_000 });
  await expect(axeViolationsIn(page, navPageFrame(page))).resolves.toEqual([]);
  const editor = studio.getByRole('textbox', { name: 'Goals' });
  await editor.fill((await editor.inputValue()).replace(/me\s+solved\s+12\s+day/, 'me solved 10 day'));
  await answers.getByText(/target has changed since: now Solved today 10/).waitFor();
  await studio.getByRole('button', { name: 'Save goals' }).click();
  await studio.getByRole('button', { name: 'Yes, save' }).click();
  await studio.getByText(/^Saved\./).waitFor();

  // Her sidebar reloads with the new goals; her answer now says the target moved.
  await aoife.frame.getByRole('progressbar', { name: 'Solved today' }).waitFor({ timeout: 30_000 });
  let tries = 0;
  for (; tries < 60; tries += 1) {
    const text = await aoife.frame
      .getByRole('progressbar', { name: 'Solved today' })
      .getAttribute('aria-valuetext')
      .catch(() => '');
    if (text?.includes('of 10')) break;
    await aoifePage.waitForTimeout(500);
  }
  await aoife.frame.getByRole('button', { name: 'Your view on these targets' }).click();
  await aoife.frame
    .getByText(/Your target changed after your answer \(you answered about 12\)\./)
    .waitFor({ timeout: 30_000 });
});

test('an agent prints their own month, and nothing about anyone else is asked for', async () => {
  const { page } = browser;
  await control('/__sim/config', { budgetPerMinute: 2500 });
  await openAs(page, AOIFE);
  await page.getByTestId('open-nav-page').click();
  const navPage = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  const review = navPage.getByRole('region', { name: 'Review summary: Aoife Byrne' });
  await review.getByRole('button', { name: 'Show summary' }).click({ timeout: 30_000 });
  await review.getByText(/^\d+ tickets solved in the period\.$/).waitFor({ timeout: 60_000 });
  await review.getByText(/^Solved today 12: met on \d+ of \d+ working days; over the month, \d+\./).waitFor();
  await expect(axeViolationsIn(page, navPageFrame(page))).resolves.toEqual([]);
  await shootNavPageForDocs(page, 'review-summary');
  const log = await simLog();
  const fromPage = log.filter((r) => r.instance === 'nav_bar').map((r) => decodeURIComponent(r.path));
  expect(fromPage.length).toBeGreaterThan(0);
  expect(fromPage.filter((path) => /assignee:\d|group:\d|custom_objects|\/users/.test(path))).toEqual([]);
});
