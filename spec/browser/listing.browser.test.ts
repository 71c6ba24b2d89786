import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  control,
  freshSimulatorForEachTest,
  openWorkspaceAs,
  simulatorUrl,
} from './simulatorPage';

/**
 * The Marketplace listing's screenshots, taken fresh by every run at Zendesk's listing size (1024 × 768 PNG,
 * at most 500 KB, assets/screenshot-0.png to -2.png): the sidebar beside a ticket in English, in German in a
 * dark workspace, and the goal studio. spec/packageApp.test.ts checks the files offline.
 */
const LISTING = { width: 1024, height: 768 };
const MAX_BYTES = 500_000;
const AOIFE = 3720451;
const JONAS_DE = 3720452;
const MAYA_ADMIN = 3720454;
const browser = freshSimulatorForEachTest();
const shot = (index: number) => join(__dirname, `../../assets/screenshot-${index}.png`);

/** The simulator's own controls and lists are not Zendesk's: a listing shows the ticket and the app alone. */
async function asWorkspace(page: Page, { dark = false, studio = false } = {}) {
  await page.addStyleTag({
    content: `
      header .controls, #new-ticket, #open-nav-page, #open-tickets, #recently-solved, #admin, #log,
      section.workspace > h2 { display: none !important; }
      ${studio ? '#tabs, #ticket-pane { display: none !important; }' : ''}
      ${dark ? 'body, main, section, #ticket-pane { background: #151a1e !important; color: #d8dcde !important; }' : ''}
    `,
  });
}

test('listing screenshots: the sidebar in English, in German in the dark, and the goal studio', async () => {
  const { page } = browser;
  await page.setViewportSize(LISTING);
  // An Enterprise Plus budget: the trend lines' one-off counts come in seconds, not a Team plan's minutes.
  await control('/__sim/config', { budgetPerMinute: 2500 });

  const { frame } = await openWorkspaceAs(page, AOIFE);
  // With the trend lines, which follow the first figures.
  await frame.getByText(/^Last working day/).waitFor({ timeout: 30_000 });
  await asWorkspace(page);
  await page.screenshot({ path: shot(0) });

  await page.goto(`${simulatorUrl()}?agent=${JONAS_DE}&colorScheme=dark`);
  const ticketFrame = page.frameLocator('iframe[data-testid^="sidebar-"]').first();
  await ticketFrame.getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  await ticketFrame
    .getByText(/aktualisiert/i)
    .first()
    .waitFor({ timeout: 30_000 });
  await asWorkspace(page, { dark: true });
  await page.screenshot({ path: shot(1) });
  // The README's German sidebar in the dark, beside the English one darkMode.browser.test.ts takes.
  await page
    .locator('iframe[data-testid^="sidebar-"]')
    .first()
    .screenshot({ path: join(ARTIFACTS, 'sidebar-320-de-dark.png') });
  copyFileSync(
    join(ARTIFACTS, 'sidebar-320-de-dark.png'),
    join(__dirname, '../../docs/sidebar-320-de-dark.png'),
  );

  await page.goto(`${simulatorUrl()}?agent=${MAYA_ADMIN}`);
  await page.getByTestId('open-nav-page').click();
  const studio = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  await studio.getByRole('heading', { name: 'Goal studio' }).waitFor({ timeout: 30_000 });
  await studio.getByRole('table').waitFor({ timeout: 30_000 });
  await asWorkspace(page, { studio: true });
  await page.screenshot({ path: shot(2) });

  for (const index of [0, 1, 2]) expect(statSync(shot(index)).size).toBeLessThanOrEqual(MAX_BYTES);
});
