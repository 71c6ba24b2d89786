import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS,
  axeViolationsIn,
  control,
  freshSimulatorForEachTest,
  sidebar,
  simState,
  simulatorUrl,
} from './simulatorPage';

const AOIFE = 3720451;
const browser = freshSimulatorForEachTest();

test('an agent sees how their headline goals went in the last 8 periods, in words and as a sparkline', async () => {
  const { page } = browser;
  // An Enterprise Plus budget: the trend's one-off counts arrive in seconds instead of the minutes a Team
  // plan's background share takes (the politeness itself is tested on its own).
  await control('/__sim/config', { budgetPerMinute: 2500 });
  await page.goto(`${simulatorUrl()}?agent=${AOIFE}`);
  const ticketId = (await simState(AOIFE)).openTickets[0]!.id;
  const frame = sidebar(page, ticketId);
  const personal = frame.getByRole('region', { name: 'My goals' });
  const solvedTrend = personal.getByText(
    /^Last working day: \d+ of 12 · goal met \d of the last \d working days?$/,
  );
  await solvedTrend.waitFor({ timeout: 60_000 });
  await personal
    .getByText(
      /^Last week: (\d+\s?%|too few ratings)( · goal met \d of the (last \d weeks?|\d weeks? with figures))?$/,
    )
    .waitFor();
  const sparkline = personal.getByRole('img', {
    name: /^Last 8 working days, oldest first: [\d, ]+\. Target 12\.$/,
  });
  await expect(sparkline.count()).resolves.toBe(1);
  const box = await sparkline.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(90);

  const app = await (
    await page.locator(`iframe[data-testid="sidebar-${ticketId}"]`).elementHandle()
  )?.contentFrame();
  if (!app) throw new Error('no sidebar frame');
  await expect(axeViolationsIn(page, app)).resolves.toEqual([]);
  await page
    .locator(`iframe[data-testid="sidebar-${ticketId}"]`)
    .screenshot({ path: join(ARTIFACTS, 'sidebar-trends.png') });
  copyFileSync(join(ARTIFACTS, 'sidebar-trends.png'), join(__dirname, '../../docs/sidebar-trends.png'));
});
