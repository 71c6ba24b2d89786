/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { readStartContext } from '../../src/data/firstPaintContext';
import { storageKeys } from '../../src/data/storageKeys';
import { LastBoardApp } from '../../src/ui/LastBoardApp';
import { createFakeClient } from '../data/createFakeClient';
import type { FakeClient } from '../data/createFakeClient';
import type { MemoryStore } from '../data/engine/engineHarness';
import { renderGoalpost } from '../ui/renderGoalpost';

const GOALS = [
  'me solved 12 day',
  'me csat 85% week floor 80%',
  'me backlog 15 now',
  'team solved 300 week',
].join('\n');

/** What an agent reads of each goal: its name, bar value, status and figure. */
function readGoals() {
  return screen.getAllByRole('listitem').map((row) => ({
    text: row.textContent,
    bar: within(row)
      .queryAllByRole('progressbar')
      .map((bar) => [bar.getAttribute('aria-label'), bar.getAttribute('aria-valuenow')]),
  }));
}

/** The nudges as the agent reads them, or null when there are none. */
const readNudges = () => screen.queryByRole('region', { name: 'Coaching' })?.textContent ?? null;

async function sidebarSeenBefore(client: FakeClient) {
  const full = await renderGoalpost(client);
  await screen.findByRole('progressbar', { name: 'Solved today' });
  await screen.findByText(/Updated/);
  // The trend lines, loaded once the first figures are in.
  await screen.findByText(/^Last working day/);
  const seen = readGoals();
  const nudges = readNudges();
  full.engine.dispose();
  full.unmount();
  return { seen, nudges, storage: full.storage as MemoryStore };
}

async function paintFirst(client: FakeClient, storage: MemoryStore) {
  const context = await readStartContext(client, storage, client.zendesk.now);
  if (!context?.lastBoard) throw new Error('Nothing to paint');
  return render(
    <LastBoardApp
      client={client}
      firstPaint={{ ...context, lastBoard: context.lastBoard }}
      clock={() => client.zendesk.now}
      onRefresh={() => undefined}
    />,
  );
}

describe('the sidebar’s first paint', () => {
  it('shows the agent the board they last saw, word for word, before any request', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { seen, nudges, storage } = await sidebarSeenBefore(client);
    const requestsBefore = client.zendesk.log.length;

    await paintFirst(client, storage);
    await screen.findByText(/^Last working day/);

    expect(seen.flatMap((goal) => goal.bar.map(([name]) => name))).toEqual(
      expect.arrayContaining(['Solved today', 'CSAT this week', 'Team solved this week']),
    );
    expect(readGoals()).toEqual(seen);
    // The nudge as it was worded, though the first paint's bundle has none of the nudges' texts.
    expect(nudges).toMatch(/^CSAT this week is 73% from 11 ratings, under your 80% floor\./);
    expect(readNudges()).toBe(nudges);
    expect(screen.getByRole('region', { name: 'My goals' })).toBeInTheDocument();
    expect(screen.getByText(/^Updated/)).toBeInTheDocument();
    expect(client.zendesk.log.length).toBe(requestsBefore);
  });

  it('draws nothing from a board kept for another agent', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { storage } = await sidebarSeenBefore(client);
    const colleague = createFakeClient({
      settings: { goals: GOALS },
      agentId: 3720452,
      zendesk: client.zendesk,
    });
    expect(await readStartContext(colleague, storage, client.zendesk.now)).toEqual(
      expect.objectContaining({ agentId: 3720452, lastBoard: null }),
    );
  });

  it('shows the nudges as they were worded, without wording them again', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { storage } = await sidebarSeenBefore(client);
    const key = storageKeys.lastBoard({ accountSubdomain: 'goalpost-demo', agentId: 3720451 });
    const kept = JSON.parse(storage.getItem(key)!) as { board: { nudges: { text: string }[] } };
    kept.board.nudges[0]!.text = 'CSAT this week is under your floor (as worded on the last board).';
    storage.setItem(key, JSON.stringify(kept));

    await paintFirst(client, storage);

    expect(readNudges()).toContain('CSAT this week is under your floor (as worded on the last board).');
  });

  it('paints no board worded in another language than the agent’s own now', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { storage } = await sidebarSeenBefore(client);
    const key = storageKeys.lastBoard({ accountSubdomain: 'goalpost-demo', agentId: 3720451 });
    const kept = JSON.parse(storage.getItem(key)!) as { board: { locale: string } };
    expect(kept.board.locale).toBe('en-IE');
    kept.board.locale = 'de';
    storage.setItem(key, JSON.stringify(kept));
    expect(await readStartContext(client, storage, client.zendesk.now)).toEqual(
      expect.objectContaining({ agentId: 3720451, locale: 'en-IE', lastBoard: null }),
    );
  });

  it('says it is loading, not that it crashed, when the kept board cannot be drawn', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { storage } = await sidebarSeenBefore(client);
    const key = storageKeys.lastBoard({ accountSubdomain: 'goalpost-demo', agentId: 3720451 });
    const kept = JSON.parse(storage.getItem(key)!) as { board: { progress: { goal: { metric: string } }[] } };
    kept.board.progress[0]!.goal.metric = 'happiness';
    storage.setItem(key, JSON.stringify(kept));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);

    await paintFirst(client, storage);

    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
