import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { composeSidebar } from '../../src/app/composeSidebar';
import type { FakeClient } from '../data/createFakeClient';
import { ChannelHub, MemoryStore } from '../data/engine/engineHarness';

/**
 * Renders the whole sidebar the way src/index.tsx does — the same composition function, real core, data
 * layer and engine — over the fake ZAF client, with the simulated clock as "now" and no request waits.
 */
export async function renderGoalpost(
  client: FakeClient,
  storage = new MemoryStore(),
  options: { waitForProfile?: () => Promise<void> } = {},
) {
  const hub = new ChannelHub();
  const fake = client.zendesk;
  const now = () => fake.now;
  let rerender: ((element: ReactElement) => void) | null = null;
  const sidebar = await composeSidebar(
    {
      client,
      storage,
      timing: { now, sleep: async () => undefined, random: () => 0.5 },
      // Engine ticks compressed to a few milliseconds; "now" is the simulated clock.
      engineClock: {
        now,
        setTimeout: (run, ms) => setTimeout(run, Math.min(ms, 20)),
        clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
      openChannel: hub.open,
      instanceId: `test-tab-${Math.random()}`,
      politeness: { accountBudgetPerMinute: 10_000, maxShareOfBudget: 1, maxAttempts: 1, baseBackoffMs: 0 },
      // The shift-start spread of the first refresh is the engine's (tested there); these tests read the UI.
      firstRefreshSpreadMs: 0,
      // The simulated clock never sleeps: wait for the profile, as a quick Zendesk would answer it.
      waitForProfile: options.waitForProfile ?? (() => new Promise<void>(() => undefined)),
    },
    (element) => rerender?.(element),
  );
  const view = render(sidebar.element);
  rerender = view.rerender;
  return { ...view, engine: sidebar.engine, agent: sidebar.agent, storage };
}
