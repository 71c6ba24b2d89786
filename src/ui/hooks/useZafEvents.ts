import { useEffect } from 'react';
import type { DataEngine } from '../../data/engineState';
import type { SidebarActivity } from '../../data/zaf/sidebarActivity';
import { createSidebarActivity } from '../../data/zaf/sidebarActivity';
import type { ZafClient } from '../../data/zaf/zafClient';
import { isOwnSolve, readSavedTicket } from '../../data/zaf/savedTicket';

/**
 * Forwards what Zendesk tells the sidebar to the data engine: shown or hidden (ticket tab switched, browser
 * tab hidden), a ticket saved, the app about to be destroyed. The engine decides what to fetch.
 * `activity` should be created at startup, before any await (see src/index.tsx), so it has heard ZAF's first
 * activation event; without it (UI tests) the sidebar listens from now on and assumes it is shown.
 */
export function useZafEvents(
  client: ZafClient,
  engine: DataEngine,
  agentId: number,
  activity?: SidebarActivity,
): void {
  useEffect(() => {
    const source = activity ?? createSidebarActivity(client, () => true);
    const isPageVisible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
    const update = () => engine.setVisible(source.isActive() && isPageVisible());
    // The agent's own solve counts at once; search confirms it a minute or more later. Only a change to
    // solved counts: a note added to a ticket solved last week is no new solve.
    let statusBefore: string | null = null;
    const readTicket = async () => readSavedTicket(await client.get('ticket').catch(() => null));
    void readTicket().then((ticket) => {
      statusBefore = ticket?.status ?? null;
    });
    const onTicketSaved = async () => {
      const saved = await readTicket();
      const wasSolved = statusBefore === null || statusBefore === 'solved' || statusBefore === 'closed';
      statusBefore = saved?.status ?? statusBefore;
      if (saved && !wasSolved && isOwnSolve(saved, agentId)) engine.recordSolve(saved.id);
      else engine.refresh('ticketSaved');
    };
    const offs = [
      source.subscribe(update),
      client.on('ticket.submit.done', () => void onTicketSaved()),
      client.on('app.willDestroy', () => engine.dispose()),
    ];
    document.addEventListener('visibilitychange', update);
    const dispose = () => engine.dispose();
    window.addEventListener('pagehide', dispose);
    update();
    engine.refresh('open');
    return () => {
      offs.forEach((off) => off());
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('pagehide', dispose);
      // Only one made here is ours to dispose; the app's outlives rebuilt boards.
      if (source !== activity) source.dispose();
    };
  }, [client, engine, agentId, activity]);
}
