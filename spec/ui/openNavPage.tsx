import { render } from '@testing-library/react';
import { composeStudio } from '../../src/app/composeStudio';
import type { FakeClient } from '../data/createFakeClient';
import { MemoryStore } from '../data/engine/engineHarness';

/** Renders the app's `nav_bar` page as src/index.tsx does, over the fake ZAF client and the simulated clock. */
export async function openNavPage(client: FakeClient) {
  const element = await composeStudio({
    client,
    storage: new MemoryStore(),
    timing: { now: () => client.zendesk.now, sleep: async () => undefined, random: () => 0.5 },
    // The simulated clock does not move on its own: no budget waits here (the polite client is tested alone).
    politeness: { accountBudgetPerMinute: 10_000, maxShareOfBudget: 1 },
  });
  return render(element);
}
