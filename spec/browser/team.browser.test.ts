import type { Frame } from 'playwright-core';
import {
  axeViolationsIn,
  control,
  freshSimulatorForEachTest,
  navPageFrame,
  openWorkspaceAs,
  shootNavPageForDocs,
  simLog,
} from './simulatorPage';

const AOIFE = 3720451;
const CHIARA_LEAD = 3720453;
const MAYA_ADMIN = 3720454;
const browser = freshSimulatorForEachTest();

async function openAppPage(agentId: number) {
  const { page } = browser;
  // An Enterprise Plus budget: a page of agents' first trends arrives in seconds, not the minutes a Team plan's
  // share takes (the politeness itself is tested on its own).
  await control('/__sim/config', { budgetPerMinute: 2500 });
  await openWorkspaceAs(page, agentId);
  await page.getByTestId('open-nav-page').click();
  const appPage = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  const frame = (): Frame => navPageFrame(page);
  return { appPage, frame };
}

test('a team lead sees their group’s team goals and each agent with trends and conversation starters', async () => {
  const { page } = browser;
  const { appPage, frame } = await openAppPage(CHIARA_LEAD);
  await appPage.getByRole('heading', { name: 'Team coaching' }).waitFor({ timeout: 30_000 });
  await expect(appPage.getByRole('button', { name: 'Goal studio' }).count()).resolves.toBe(0);
  const groups = await appPage.getByRole('combobox', { name: 'Group' }).locator('option').allTextContents();
  expect(groups).toEqual(['Support EMEA', 'Billing']);
  const team = appPage.getByRole('region', { name: 'Team goals' });
  await team.getByText(/^Last week: \d+ of 250 · goal met \d/).waitFor({ timeout: 60_000 });
  const agents = appPage.getByRole('region', { name: 'Agents' });
  await expect(agents.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual([
    'Aoife Byrne',
    'Chiara Rossi',
    'Jonas Weber',
    'Maya Patel',
  ]);
  // Every card fills in, one after another.
  await agents.getByText(/^Fetching figures/).waitFor({ state: 'detached', timeout: 90_000 });
  await expect(agents.getByRole('heading', { name: 'For your one-to-one', level: 4 }).count()).resolves.toBe(
    4,
  );
  const aoife = agents.getByRole('listitem', { name: 'Aoife Byrne' });
  await aoife.getByText(/^Last working day: \d+ of 12/).waitFor();
  await expect(axeViolationsIn(page, frame())).resolves.toEqual([]);
  await shootNavPageForDocs(page, 'team-page');

  // Nothing admin-only was asked for the lead.
  const log = await simLog();
  const fromPage = log.filter((r) => r.instance === 'nav_bar');
  expect(fromPage.length).toBeGreaterThan(0);
  expect(
    fromPage.filter((r) =>
      /\/api\/v2\/(groups\.json|group_memberships|users\.json\?role|apps\/)/.test(r.path),
    ),
  ).toEqual([]);
  expect(fromPage.filter((r) => r.status !== 200)).toEqual([]);
});

test('an admin switches from the goal studio to the team page and back, keeping the draft', async () => {
  const { page } = browser;
  const { appPage, frame } = await openAppPage(MAYA_ADMIN);
  const editor = appPage.getByRole('textbox', { name: 'Goals' });
  await editor.waitFor({ timeout: 30_000 });
  await editor.fill('me solved 14 day');
  await appPage.getByRole('button', { name: 'Team coaching' }).click();
  await appPage
    .getByRole('region', { name: 'Team goals' })
    .or(appPage.getByText('No team goals are set for this group.'))
    .waitFor({ timeout: 60_000 });
  await expect(axeViolationsIn(page, frame())).resolves.toEqual([]);
  await appPage.getByRole('button', { name: 'Goal studio' }).click();
  await expect(editor.inputValue()).resolves.toBe('me solved 14 day');
});

test('an agent who leads no team gets no team page and no colleague’s figures', async () => {
  const { appPage } = await openAppPage(AOIFE);
  await appPage.getByText(/is where admins set and check the team's goals/).waitFor({ timeout: 30_000 });
  await expect(appPage.getByText('Team coaching').count()).resolves.toBe(0);
  const log = await simLog();
  expect(log.filter((r) => r.instance === 'nav_bar')).toEqual([]);
});

test('a team lead prints an agent’s quarter summary, and only the summary goes on paper', async () => {
  const { page } = browser;
  const { appPage, frame } = await openAppPage(CHIARA_LEAD);
  const agents = appPage.getByRole('region', { name: 'Agents' });
  const aoife = agents.getByRole('listitem', { name: 'Aoife Byrne' });
  await aoife.getByRole('button', { name: 'Review summary' }).click({ timeout: 60_000 });
  const review = aoife.getByRole('region', { name: 'Review summary: Aoife Byrne' });
  await review.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Q4 2026' });
  await review.getByRole('button', { name: 'Show summary' }).click();
  await review.getByRole('heading', { name: 'Q4 2026' }).waitFor({ timeout: 60_000 });
  await review
    .getByText(/^Solved today 12: met on \d+ of \d+ working days; over the quarter, \d+\./)
    .waitFor();
  await expect(axeViolationsIn(page, frame())).resolves.toEqual([]);
  // What the printer gets: the page in print media while Print runs (the button itself is not printed, so
  // it is pressed through the DOM).
  const printButton = await review.getByRole('button', { name: 'Print' }).elementHandle();
  await page.emulateMedia({ media: 'print' });
  await frame().evaluate(() => {
    const seen = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).visibility : 'missing';
    };
    const record = window as unknown as { printed: Record<string, string> | null };
    record.printed = null;
    window.print = () => {
      record.printed = { pageTitle: seen('h1'), summaryPeriod: seen('[data-printing] h5') };
    };
  });
  await printButton!.evaluate((button: HTMLButtonElement) => button.click());
  await expect(
    frame().evaluate(() => (window as unknown as { printed: Record<string, string> | null }).printed),
  ).resolves.toEqual({ pageTitle: 'hidden', summaryPeriod: 'visible' });
  await page.emulateMedia({ media: 'screen' });
});
