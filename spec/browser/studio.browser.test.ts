import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

/** Waits until a progress bar's spoken value contains a text (sidebars reload and refresh on their own time). */
async function waitForValueText(bar: Locator, page: Page, expected: string): Promise<string> {
  let text = '';
  for (let tries = 0; tries < 120 && !text.includes(expected); tries += 1) {
    text = (await bar.getAttribute('aria-valuetext', { timeout: 30_000 }).catch(() => '')) ?? '';
    if (!text.includes(expected)) await page.waitForTimeout(500);
  }
  return text;
}

test(
  'an admin fixes a flawed text, weighs a target against history, uses a suggestion, previews the agent and saves; ' +
    'the agent’s sidebar follows, and undo restores the text',
  async () => {
    const { page } = browser;
    // Aoife works in her own tab: her sidebar is the one that must follow the saved goals.
    const aoifePage = await page.context().newPage();
    await aoifePage.goto(`${simulatorUrl()}?agent=${AOIFE}`);
    const aoifeTicket = (await simState(AOIFE)).openTickets[0]!.id;
    const aoifeSolved = sidebar(aoifePage, aoifeTicket).getByRole('progressbar', { name: 'Solved today' });
    await aoifeSolved.waitFor({ timeout: 30_000 });

    const { studio } = await openStudio(MAYA_ADMIN);
    const editor = studio.getByRole('textbox', { name: 'Goals' });
    const original = await editor.inputValue();
    await editor.fill('me csat 85% week floor 80%\nme solvd 9 day\n[group 42]\nme solved 5 day');
    const problems = studio.getByRole('region', { name: 'Lines to fix' });
    await problems.getByText('Line 2:').waitFor();
    await studio.getByText('Line 4: this account has no group 42, so this goal reaches nobody.').waitFor();
    await expect(studio.getByRole('button', { name: 'Save goals' }).isDisabled()).resolves.toBe(true);
    await problems.getByRole('button', { name: 'Go to line 2' }).click();
    await expect(
      editor.evaluate((area: HTMLTextAreaElement) =>
        area.value.slice(area.selectionStart, area.selectionEnd),
      ),
    ).resolves.toBe('me solvd 9 day');
    await page
      .locator('iframe[data-testid="nav-page-frame"]')
      .screenshot({ path: join(ARTIFACTS, 'studio-problems.png') });
    copyFileSync(join(ARTIFACTS, 'studio-problems.png'), join(__dirname, '../../docs/studio.png'));
    const studioFrame = page.frames().find((f) => f.url().includes('app_guid=sim-nav-'))!;
    await expect(axeViolationsIn(page, studioFrame)).resolves.toEqual([]);

    // Speed and reopen goals for everyone (counts cannot weigh them), and an unreachable target for Aoife:
    // the check against history costs her 8 past days, one count each.
    await editor.fill(
      'me first_reply 2h week\nme reopen_rate 10% week\n\n[agent 3720451]\nme solved 1000 day',
    );
    await studio.getByText('Every line reads well.').waitFor();
    const history = studio.getByRole('region', { name: 'Against the last 8 periods' });
    await history.getByRole('button', { name: 'Check against history (8 requests)' }).click();
    const verdict = history.getByText(/^Line 5: Aoife Byrne never reached 1,000 in the last \d periods/);
    await verdict.waitFor({ timeout: 90_000 });
    const use = history.getByRole('button', { name: /^Use \d+ \(median\)$/ });
    const suggested = Number(/Use (\d+)/.exec((await use.textContent()) ?? '')?.[1]);
    expect(suggested).toBeGreaterThan(0);
    await use.click();
    await expect(editor.inputValue()).resolves.toMatch(new RegExp(`\\nme solved ${suggested} day$`));

    // The preview: Aoife's board from the draft, with her real figures.
    const preview = studio.getByRole('region', { name: 'Preview as an agent' });
    await preview.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Aoife Byrne' });
    await preview.getByRole('button', { name: 'Preview' }).click();
    await preview.getByRole('heading', { name: 'What Aoife Byrne would see' }).waitFor({ timeout: 90_000 });
    const previewed = await preview
      .getByRole('progressbar', { name: 'Solved today' })
      .getAttribute('aria-valuetext');
    expect(previewed).toContain(`of ${suggested}`);
    await preview.screenshot({ path: join(ARTIFACTS, 'studio-preview.png') });
    copyFileSync(join(ARTIFACTS, 'studio-preview.png'), join(__dirname, '../../docs/studio-preview.png'));
    await expect(axeViolationsIn(page, studioFrame)).resolves.toEqual([]);

    await studio.getByRole('button', { name: 'Save goals' }).click();
    await studio.getByRole('button', { name: 'Yes, save' }).click();
    await studio.getByText(/^Saved\. Goals last reviewed on \d{4}-\d{2}-\d{2}\.$/).waitFor();
    const saved = (await (await fetch(new URL(`/__sim/state?agent=${AOIFE}`, simulatorUrl()))).json()) as {
      settings: Record<string, unknown>;
    };
    expect(saved.settings.goals).toMatch(new RegExp(`\\[agent 3720451\\]\\nme solved ${suggested} day$`));

    // Zendesk reloads the app's open sidebars after a save: Aoife's board now has the suggested target.
    const followed = await waitForValueText(aoifeSolved, aoifePage, `of ${suggested}`);
    expect(followed).toContain(`of ${suggested}`);

    await studio.getByRole('button', { name: 'Undo' }).click();
    await studio.getByText('The previous goals are back.').waitFor();
    await expect(editor.inputValue()).resolves.toBe(original);
  },
);

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
