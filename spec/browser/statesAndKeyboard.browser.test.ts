import type { Frame } from 'playwright-core';
import {
  axeViolationsIn,
  control,
  freshSimulatorForEachTest,
  openWorkspaceAs,
  sidebar,
  sidebarFrame,
  simState,
  simulatorUrl,
} from './simulatorPage';

// The states sidebar.browser.test.ts and darkMode.browser.test.ts do not scan: loading, figures unavailable,
// the first paint from the last board, and a failed start over it; then the whole sidebar by keyboard alone.
const AOIFE = 3720451;
/** Jonas Weber, whose Zendesk profile is in German. */
const JONAS = 3720452;
const browser = freshSimulatorForEachTest();

/** An agent's sidebar has drawn their board and kept it for the next ticket's first paint. */
async function boardKeptFor(agentId: number) {
  const { ticketId } = await openWorkspaceAs(browser.page, agentId);
  const first = await sidebarFrame(browser.page, ticketId);
  await first.waitForFunction(() => Object.keys(localStorage).some((key) => key.includes(':lastBoard:')));
  return ticketId;
}

/** The agent's next sidebar, offline for its engine (the `sidebar` chunk): the last board is all it has. */
async function nextSidebarWithoutEngine(agentId: number, ticketId: number) {
  await browser.page.route('**/assets/sidebar.js', (route) => route.abort('internetdisconnected'));
  await browser.page.goto(`${simulatorUrl()}?agent=${agentId}`);
  return sidebar(browser.page, ticketId);
}

test('axe finds nothing while loading and when no figures can be loaded', async () => {
  const { page } = browser;
  const ticketId = (await simState(AOIFE)).openTickets[0]!.id;
  await control('/__sim/config', { fault: 'timeout' });
  await page.goto(`${simulatorUrl()}?agent=${AOIFE}`);
  const frame = sidebar(page, ticketId);
  await frame.getByRole('status').getByText('Loading your goals…').waitFor({ timeout: 30_000 });
  await expect(axeViolationsIn(page, await sidebarFrame(page, ticketId))).resolves.toEqual([]);

  await control('/__sim/config', { fault: '500' });
  await page.goto(`${simulatorUrl()}?agent=${AOIFE}`);
  await frame.getByText(/Your figures aren't available: Zendesk had a problem/).waitFor({ timeout: 30_000 });
  await expect(axeViolationsIn(page, await sidebarFrame(page, ticketId))).resolves.toEqual([]);
});

test('the first paint shows the last board, axe clean, and keeps it when the sidebar cannot start', async () => {
  const { page } = browser;
  const ticketId = await boardKeptFor(AOIFE);
  const solved = await sidebar(page, ticketId)
    .getByRole('progressbar', { name: 'Solved today' })
    .getAttribute('aria-valuetext');
  const coaching = await sidebar(page, ticketId).getByRole('region', { name: 'Coaching' }).textContent();

  // The next ticket's sidebar, its engine held back (a slow network), then not coming at all (offline).
  let releaseEngine: () => void = () => undefined;
  const engineHeld = new Promise<void>((resolve) => (releaseEngine = resolve));
  await page.route('**/assets/sidebar.js', async (route) => {
    await engineHeld;
    await route.abort('internetdisconnected');
  });
  await page.goto(`${simulatorUrl()}?agent=${AOIFE}`);
  const frame = sidebar(page, ticketId);
  const bar = frame.getByRole('progressbar', { name: 'Solved today' });
  await bar.waitFor({ timeout: 30_000 });
  await expect(bar.getAttribute('aria-valuetext')).resolves.toBe(solved);
  // The nudges as they were worded: the first paint's bundle has none of the nudges' texts.
  expect(coaching).toMatch(/\w+/);
  await expect(frame.getByRole('region', { name: 'Coaching' }).textContent()).resolves.toBe(coaching);
  await expect(axeViolationsIn(page, await sidebarFrame(page, ticketId))).resolves.toEqual([]);

  releaseEngine();
  await page.waitForTimeout(1000);
  await expect(bar.getAttribute('aria-valuetext')).resolves.toBe(solved);
  await expect(frame.getByRole('alert').count()).resolves.toBe(0);
  await expect(frame.getByText(/^Updated/).count()).resolves.toBe(1);
});

test('a last board whose day is over leaves the screen at the next retry, for the failure in words', async () => {
  const ticketId = await boardKeptFor(AOIFE);

  // Offline for the sidebar's chunk: the last board is all there is, until its period ends.
  const frame = await nextSidebarWithoutEngine(AOIFE, ticketId);
  await frame.getByRole('progressbar', { name: 'Solved today' }).waitFor({ timeout: 30_000 });
  await control('/__sim/clock', { minutes: 24 * 60 });

  // The first retry comes 8–15 s after the failed start.
  await frame.getByText(/^Goalpost couldn't start/).waitFor({ timeout: 30_000 });
  await expect(frame.getByRole('progressbar').count()).resolves.toBe(0);
});

test('a German agent’s loading view and first paint are in German; with no texts to be had, the failure is said in words', async () => {
  const { page } = browser;
  // No board kept yet, the engine slow to come and his texts slower: "Loading" in the English main.js
  // carries, then in German once his texts are in.
  const held = (pattern: string) => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    void page.route(pattern, async (route) => {
      await released;
      await route.continue();
    });
    return release;
  };
  const releaseEngine = held('**/assets/sidebar.js');
  const releaseGerman = held('**/assets/locale-de-json.js');
  await page.goto(`${simulatorUrl()}?agent=${JONAS}`);
  const loading = sidebar(page, (await simState(JONAS)).openTickets[0]!.id).getByRole('status');
  await loading.getByText('Loading your goals…').waitFor({ timeout: 30_000 });
  releaseGerman();
  await loading.getByText('Deine Ziele werden geladen…').waitFor({ timeout: 30_000 });
  releaseEngine();

  const ticketId = await boardKeptFor(JONAS);

  // The next ticket's sidebar, offline for its engine: the last board, in the agent's own language.
  const frame = await nextSidebarWithoutEngine(JONAS, ticketId);
  await frame.getByRole('region', { name: 'Meine Ziele' }).waitFor({ timeout: 30_000 });
  await expect(frame.getByRole('progressbar').count()).resolves.toBeGreaterThan(0);

  // Offline for every language's board texts too: no board in raw keys, but the words main.js carries.
  await page.route('**/assets/locale-*-json.js', (route) => route.abort('internetdisconnected'));
  await page.goto(`${simulatorUrl()}?agent=${JONAS}`);
  await frame.getByText(/^Goalpost couldn't start/).waitFor({ timeout: 30_000 });
  await expect(frame.getByRole('progressbar').count()).resolves.toBe(0);
  await expect(frame.getByText(/\bui\.[a-z]/).count()).resolves.toBe(0);
  await expect(frame.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
});

/** What has focus in the frame, as a screen reader would name it, and whether it shows that it has. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      tag: element.tagName.toLowerCase(),
      isVisiblyFocused: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
    };
  });

test('every control can be reached, seen focused and used with the keyboard alone', async () => {
  const { page } = browser;
  const { ticketId } = await openWorkspaceAs(page, AOIFE);
  const frame = await sidebarFrame(page, ticketId);
  const locator = sidebar(page, ticketId);
  await locator.getByText(/^Updated/).waitFor();
  // Start from the top of the sidebar, as an agent tabbing into it from the ticket would.
  await frame.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
  });

  const reached: { name: string; tag: string; isVisiblyFocused: boolean }[] = [];
  for (let presses = 0; presses < 25; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(frame);
    if (!now) break;
    if (reached.some((r) => r.name === now.name && r.tag === now.tag)) break;
    reached.push(now);
  }
  const names = reached.map((r) => r.name);
  expect(names).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Show all \d+ goals$/),
      'Your view on these targets',
      expect.stringMatching(/^ticket #\d+$/i),
    ]),
  );
  for (const control of reached) expect(control).toMatchObject({ isVisiblyFocused: true });

  // Enter on "Show all" shows every goal; Enter opens the answers panel; Space folds the goals again.
  const showAll = locator.getByRole('button', { name: /^Show all \d+ goals$/ });
  const barsBefore = await locator.getByRole('progressbar').count();
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(
    locator.getByRole('button', { name: 'Show fewer goals' }).getAttribute('aria-expanded'),
  ).resolves.toBe('true');
  expect(await locator.getByRole('progressbar').count()).toBeGreaterThan(barsBefore);

  const answers = locator.getByRole('button', { name: 'Your view on these targets' });
  await answers.focus();
  await page.keyboard.press('Enter');
  await expect(answers.getAttribute('aria-expanded')).resolves.toBe('true');
  // This account has not switched answers on: the panel says so, in words, where focus can find it.
  await locator
    .getByText(/^Answers on goals are not switched on for this account yet/)
    .waitFor({ timeout: 30_000 });

  // Space works the same: "Show fewer goals" goes back to the headline goals.
  await locator.getByRole('button', { name: 'Show fewer goals' }).focus();
  await page.keyboard.press('Space');
  await expect(locator.getByRole('progressbar').count()).resolves.toBe(barsBefore);
});
