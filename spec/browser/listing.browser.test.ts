import { statSync } from 'node:fs';
import { join } from 'node:path';
import { freshSimulatorForEachTest, openWorkspaceAs, simulatorUrl } from './simulatorPage';

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

test('listing screenshots: the sidebar in English, in German in the dark, and the goal studio', async () => {
  const { page } = browser;
  await page.setViewportSize(LISTING);

  await openWorkspaceAs(page, AOIFE);
  await page.screenshot({ path: shot(0) });

  await page.goto(`${simulatorUrl()}?agent=${JONAS_DE}&colorScheme=dark`);
  const ticketFrame = page.frameLocator('iframe[data-testid^="sidebar-"]').first();
  await ticketFrame.getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  await ticketFrame
    .getByText(/aktualisiert/i)
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: shot(1) });

  await page.goto(`${simulatorUrl()}?agent=${MAYA_ADMIN}`);
  await page.getByTestId('open-nav-page').click();
  const studio = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  await studio.getByRole('heading', { name: 'Goal studio' }).waitFor({ timeout: 30_000 });
  await studio.getByRole('table').waitFor({ timeout: 30_000 });
  await page.getByTestId('nav-page').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot(2) });

  for (const index of [0, 1, 2]) expect(statSync(shot(index)).size).toBeLessThanOrEqual(MAX_BYTES);
});
