import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import {
  ARTIFACTS,
  axeViolationsIn,
  freshSimulatorForEachTest,
  navPageFrame,
  openWorkspaceAs,
  sidebarFrame,
  simulatorUrl,
} from './simulatorPage';

const AOIFE = 3720451;
const MAYA_ADMIN = 3720454;
const browser = freshSimulatorForEachTest();

/** Relative luminance of the page's background, 0 (black) to 1 (white). */
const backgroundLuminance = (frame: Frame) =>
  frame.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? ['255', '255', '255'])
      .slice(0, 3)
      .map((c) => Number(c) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });

test('the sidebar follows the workspace into dark mode and back, readable and axe clean', async () => {
  const { page } = browser;
  const { frame, ticketId } = await openWorkspaceAs(page, AOIFE);
  const app = await sidebarFrame(page, ticketId);
  expect(await backgroundLuminance(app)).toBeGreaterThan(0.8);
  await page.getByTestId('dark-workspace').check();
  for (let tries = 0; tries < 40 && (await backgroundLuminance(app)) > 0.1; tries += 1)
    await page.waitForTimeout(100);
  expect(await backgroundLuminance(app)).toBeLessThan(0.1);
  await frame.getByRole('progressbar').first().waitFor();
  await expect(axeViolationsIn(page, app)).resolves.toEqual([]);
  await page
    .locator(`iframe[data-testid="sidebar-${ticketId}"]`)
    .screenshot({ path: join(ARTIFACTS, 'sidebar-320-dark.png') });
  copyFileSync(join(ARTIFACTS, 'sidebar-320-dark.png'), join(__dirname, '../../docs/sidebar-320-dark.png'));
  await page.getByTestId('dark-workspace').uncheck();
  for (let tries = 0; tries < 40 && (await backgroundLuminance(app)) < 0.8; tries += 1)
    await page.waitForTimeout(100);
  expect(await backgroundLuminance(app)).toBeGreaterThan(0.8);
});

test('a dark workspace from the start paints the app page dark before ZAF answers, and the page is axe clean', async () => {
  const { page } = browser;
  await page.goto(`${simulatorUrl()}?agent=${MAYA_ADMIN}&colorScheme=dark`);
  await page.getByTestId('open-nav-page').click();
  const studio = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  await studio.getByRole('heading', { name: 'Goal studio' }).waitFor({ timeout: 30_000 });
  expect(await backgroundLuminance(navPageFrame(page))).toBeLessThan(0.1);
  await studio.getByRole('table').waitFor({ timeout: 30_000 });
  await expect(axeViolationsIn(page, navPageFrame(page))).resolves.toEqual([]);
});
