/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { createFakeClient } from '../data/createFakeClient';
import type { MemoryStore } from '../data/engine/engineHarness';
import { renderGoalpost } from '../ui/renderGoalpost';

// Which language the sidebar's own texts came in: the agent's, or English when theirs failed to load.
const mockSidebarTexts = { language: 'de' };
jest.mock('../../src/ui/i18n/laterParts', () => ({
  loadSidebarTexts: async () => mockSidebarTexts.language,
  loadPageTexts: async () => mockSidebarTexts.language,
}));

/** Jonas Weber, whose Zendesk profile is in German. */
const JONAS = 3720452;

async function boardsKeptAfterASidebar() {
  const client = createFakeClient({
    settings: { goals: 'me solved 12 day\nteam solved 300 week' },
    agentId: JONAS,
  });
  const full = await renderGoalpost(client);
  await screen.findByRole('progressbar', { name: 'Gelöst heute' });
  await screen.findByText(/^Gerade aktualisiert|^Aktualisiert/);
  full.engine.dispose();
  full.unmount();
  return [...(full.storage as MemoryStore).items.keys()].filter((key) => key.includes(':lastBoard:'));
}

describe('the board kept for the next first paint', () => {
  it('is kept when the sidebar spoke the agent’s language', async () => {
    mockSidebarTexts.language = 'de';
    await expect(boardsKeptAfterASidebar()).resolves.toEqual([
      `goalpost:v1:lastBoard:goalpost-demo:${JONAS}`,
    ]);
  });

  it('is not kept when the agent’s language did not load and the sidebar fell back to English', async () => {
    mockSidebarTexts.language = 'en';
    await expect(boardsKeptAfterASidebar()).resolves.toEqual([]);
  });
});
