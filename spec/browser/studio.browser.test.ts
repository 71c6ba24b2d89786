import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS,
  axeViolationsIn,
  freshSimulatorForEachTest,
  sidebar,
  simState,
  simulatorUrl,
} from './simulatorPage';

const AOIFE = 3720451;
const MAYA_ADMIN = 3720454;
const browser = freshSimulatorForEachTest();

async function openStudio(agentId: number) {
  const { page } = browser;
  await page.goto(`${simulatorUrl()}?agent=${agentId}`);
  const firstTicket = (await simState(agentId)).openTickets[0]!.id;
  await sidebar(page, firstTicket).getByRole('progressbar').first().waitFor({ timeout: 30_000 });
  // Admins reach the studio from their sidebar; anyone can open the page from the workspace's bar.
  const adminLink = sidebar(page, firstTicket).getByRole('button', {
    name: 'Edit the goals in the goal studio',
  });
  if (agentId === MAYA_ADMIN) await adminLink.click();
  else {
    await expect(adminLink.count()).resolves.toBe(0);
    await page.getByTestId('open-nav-page').click();
  }
  const studio = page.frameLocator('iframe[data-testid="nav-page-frame"]');
  await studio.getByRole('heading', { name: 'Goal studio' }).waitFor({ timeout: 30_000 });
  return { studio, firstTicket };
}

test('an admin fixes a flawed goals text in the studio, saves it, and an agent’s sidebar follows; undo restores it', async () => {
  const { page } = browser;
  const { studio, firstTicket } = await openStudio(MAYA_ADMIN);
  const editor = studio.getByRole('textbox', { name: 'Goals' });
  const original = await editor.inputValue();
  await editor.fill('me csat 85% week floor 80%\nme solvd 9 day\n[group 42]\nme solved 5 day');
  await studio.getByText('Line 2:').waitFor();
  await studio.getByText('Line 4: this account has no group 42, so this goal reaches nobody.').waitFor();
  await expect(studio.getByRole('button', { name: 'Save goals' }).isDisabled()).resolves.toBe(true);
  await page
    .locator('iframe[data-testid="nav-page-frame"]')
    .screenshot({ path: join(ARTIFACTS, 'studio-problems.png') });
  copyFileSync(join(ARTIFACTS, 'studio-problems.png'), join(__dirname, '../../docs/studio.png'));
  const studioFrame = page.frames().find((f) => f.url().includes('app_guid=sim-nav-'))!;
  await expect(axeViolationsIn(page, studioFrame)).resolves.toEqual([]);

  await editor.fill('me csat 85% week floor 80%\nme solved 9 day');
  await studio.getByText('Every line reads well.').waitFor();
  await studio.getByRole('button', { name: 'Save goals' }).click();
  await studio.getByRole('button', { name: 'Yes, save' }).click();
  await studio.getByText(/^Saved\. Goals last reviewed on \d{4}-\d{2}-\d{2}\.$/).waitFor();
  const saved = (await (await fetch(new URL(`/__sim/state?agent=${AOIFE}`, simulatorUrl()))).json()) as {
    settings: Record<string, unknown>;
  };
  expect(saved.settings.goals).toBe('me csat 85% week floor 80%\nme solved 9 day');

  // Zendesk reloads the app's open sidebars after a save: the agent's board now targets 9 a day.
  const bar = sidebar(page, firstTicket).getByRole('progressbar', { name: 'Solved today' });
  let text = '';
  for (let tries = 0; tries < 60 && !text.includes('of 9'); tries += 1) {
    text = (await bar.getAttribute('aria-valuetext', { timeout: 30_000 }).catch(() => '')) ?? '';
    if (!text.includes('of 9')) await page.waitForTimeout(500);
  }
  expect(text).toContain('of 9');

  await studio.getByRole('button', { name: 'Undo' }).click();
  await studio.getByText('The previous goals are back.').waitFor();
  await expect(editor.inputValue()).resolves.toBe(original);
});

test('an agent opening the Goalpost page sees what it is for, and nothing admin-only is requested for them', async () => {
  const { studio } = await openStudio(AOIFE);
  await studio.getByText(/is where admins set and check the team's goals/).waitFor();
  await expect(studio.getByRole('textbox').count()).resolves.toBe(0);
  const log = (await (await fetch(new URL('/__sim/log', simulatorUrl()))).json()) as {
    agentId: number;
    instance: string;
    path: string;
  }[];
  // The page itself sent nothing at all; the agent's sidebar nothing admin-only either.
  expect(log.filter((r) => r.instance === 'nav_bar')).toEqual([]);
  const adminOnly = /\/api\/v2\/(groups|group_memberships|users\?|apps\/installations)/;
  expect(log.filter((r) => r.agentId === AOIFE && adminOnly.test(r.path))).toEqual([]);
});
