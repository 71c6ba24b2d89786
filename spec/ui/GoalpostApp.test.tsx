/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { createFakeClient } from '../data/createFakeClient';
import { FullStore } from '../data/engine/engineHarness';
import { renderGoalpost } from './renderGoalpost';

const AOIFE = 3720451;
const EMEA = 360001234567;
const GOALS = [
  'me solved 12 day',
  'me csat 85% week floor 80%',
  'me first_reply 2h week',
  'team solved 300 week',
].join('\n');
const TODAY = { start: Date.parse('2026-11-18T00:00:00Z'), end: Date.parse('2026-11-19T00:00:00Z') }; // Dublin = UTC in November
const WEEK = { start: Date.parse('2026-11-16T00:00:00Z'), end: Date.parse('2026-11-23T00:00:00Z') };

function expectedFromSeed(fake: FakeZendesk) {
  const inWindow = (at: number | null, w: { start: number; end: number }) =>
    at !== null && at >= w.start && at < w.end;
  const mine = fake.account.tickets.filter((t) => t.assigneeId === AOIFE);
  const solvedToday = mine.filter((t) => inWindow(t.solvedAt, TODAY)).length;
  const teamWeek = fake.account.tickets.filter(
    (t) => t.groupId === EMEA && inWindow(t.solvedAt, WEEK),
  ).length;
  const mineInTeamWeek = mine.filter((t) => t.groupId === EMEA && inWindow(t.solvedAt, WEEK)).length;
  return { solvedToday, teamWeek, mineInTeamWeek };
}

describe('the Goalpost sidebar', () => {
  it('shows personal and team progress with the account’s figures, each with a status in words', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const expected = expectedFromSeed(client.zendesk);
    await renderGoalpost(client);

    const solved = await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(solved).toHaveValue(Math.round(Math.min(1, expected.solvedToday / 12) * 100));
    expect(screen.getByText(`${expected.solvedToday} of 12`)).toBeInTheDocument();

    const team = screen.getByRole('region', { name: 'Team goals' });
    expect(within(team).getByText(`${expected.teamWeek} of 300`)).toBeInTheDocument();
    const share = Math.round((expected.mineInTeamWeek / expected.teamWeek) * 100);
    expect(
      within(team).getByText(
        new RegExp(
          `Yours: ${expected.mineInTeamWeek} of the team's ${expected.teamWeek} \\(${share}\\s?%\\)`,
        ),
      ),
    ).toBeInTheDocument();

    const personal = screen.getByRole('region', { name: 'My goals' });
    // CSAT leads: the customer first.
    expect(within(personal).getAllByRole('progressbar')[0]).toHaveAccessibleName('CSAT this week');
    expect(
      within(personal).getAllByText(
        /^(Achieved|On track|Behind|Below floor|Within target|Over target|Over limit|Stretch goal|Not enough data yet)$/,
      ),
    ).toHaveLength(3);
    // Plain words and whole tickets: "Expected by now: 3", never "Milestone now: 3.4".
    expect(within(personal).getByText(/Expected by now: \d+( ·|$)/)).toBeInTheDocument();
    // The first-reply median is an at-most goal, worded as such.
    expect(
      within(personal).getByText(/median of \d+ solved tickets? · target at most 2 hr/),
    ).toBeInTheDocument();
    // Figures this fresh are not fetched again: the footer says when the next refresh is possible.
    expect(screen.getByText(/^Updated just now — next refresh in \d+ s$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeDisabled();
  });

  it('offers Refresh once figures are 30 s old, and counts down until then', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    await renderGoalpost(client);
    await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(screen.getByText('Updated just now — next refresh in 30 s')).toBeInTheDocument();
    client.zendesk.advanceClock(12_000);
    expect(
      await screen.findByText('Updated just now — next refresh in 18 s', undefined, { timeout: 2000 }),
    ).toBeInTheDocument();
    client.zendesk.advanceClock(20_000);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled(), {
      timeout: 2000,
    });
    expect(screen.getByText('Updated just now')).toBeInTheDocument();
  });

  it('tells an admin which lines are wrong and why, while the valid goals still show', async () => {
    const client = createFakeClient({
      agentId: 3720454,
      settings: { goals: 'me solved 12 day\nme sovled 10 day\nme csat 85% week floor 90%' },
    });
    await renderGoalpost(client);
    expect(await screen.findByRole('progressbar', { name: 'Solved today' })).toBeInTheDocument();
    // One line above the goals; the list on demand.
    expect(screen.getByText(/2 lines in the settings have problems\./)).toBeInTheDocument();
    expect(screen.queryByText('Line 2:')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByText('Line 2:')).toBeInTheDocument();
    expect(screen.getByText(/unknown metric “sovled”. Did you mean “solved”\?/)).toBeInTheDocument();
    expect(screen.getByText('Line 3:')).toBeInTheDocument();
    expect(screen.getByText(/the floor 90\s?% is above the target 85\s?%/)).toBeInTheDocument();
  });

  it('gives an agent only a short notice about unreadable settings', async () => {
    const client = createFakeClient({ settings: { goals: 'me solved 12 day\nme sovled 10 day' } });
    await renderGoalpost(client);
    expect(await screen.findByText(/Some goals couldn't be read/)).toBeInTheDocument();
    expect(screen.queryByText('Line 2:')).not.toBeInTheDocument();
  });

  it('keeps the last good figures, with their time, when Zendesk fails, and recovers', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { engine } = await renderGoalpost(client);
    const bar = await screen.findByRole('progressbar', { name: 'Solved today' });
    const before = Number(bar.getAttribute('aria-valuenow'));
    client.zendesk.fault = '500';
    client.zendesk.advanceClock(3 * 60_000);
    engine.refresh('manual');
    expect(await screen.findByText(/Showing figures from 11:00. Zendesk had a problem/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Solved today' })).toHaveValue(before);
    expect(screen.getByText(/Updated 3 min\.? ago/)).toBeInTheDocument();
    client.zendesk.fault = 'none';
    client.zendesk.advanceClock(60_000);
    await waitFor(() => expect(screen.queryByText(/Showing figures from/)).not.toBeInTheDocument(), {
      timeout: 3000,
    });
  });

  it('says the figures are unavailable, rather than showing nothing, when the first load fails', async () => {
    const zendesk = new FakeZendesk();
    const client = createFakeClient({ zendesk, settings: { goals: GOALS } });
    const storage = await import('../data/engine/engineHarness').then((m) => new m.MemoryStore());
    // users/me succeeds (cached profile), then the API starts failing.
    const view = renderGoalpost(client, storage);
    zendesk.fault = 'malformed';
    await view;
    expect(
      await screen.findByText(/Your figures aren't available: Zendesk sent something unexpected/),
    ).toBeInTheDocument();
    // Besides the polite automatic retry, the agent can try again now.
    zendesk.fault = 'none';
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('progressbar', { name: 'Solved today' })).toBeInTheDocument();
  });

  it('shows at most two nudges; a dismissed one goes away and stays away in a reloaded sidebar', async () => {
    const zendesk = new FakeZendesk();
    // A fresh ticket nobody answers for 3 hours; the nudge names the agent's longest-waiting unreplied ticket.
    zendesk.createTicket(AOIFE);
    zendesk.advanceClock(3 * 60 * 60_000);
    const waiting = zendesk
      .liveTickets()
      .filter(
        (t) =>
          t.assigneeId === AOIFE && t.firstReplyAt === null && (t.status === 'new' || t.status === 'open'),
      )
      .sort((a, b) => a.createdAt - b.createdAt)[0]!;
    const waitedMinutes = Math.round((zendesk.now - waiting.createdAt) / 60_000);
    const hours = Math.floor(waitedMinutes / 60);
    const minutes = waitedMinutes % 60;
    const waited = `${hours} ${hours === 1 ? 'hr' : 'hrs'}${minutes ? ` ${minutes} ${minutes === 1 ? 'min' : 'mins'}` : ''}`;
    const client = createFakeClient({
      zendesk,
      settings: { goals: 'me solved 40 day\nme first_reply 2h week' },
    });
    const { unmount, storage } = await renderGoalpost(client);
    const coaching = await screen.findByRole('region', { name: 'Coaching' });
    const nudges = within(coaching).getAllByRole('button', { name: /^Dismiss/ });
    expect(nudges.length).toBeGreaterThan(0);
    expect(nudges.length).toBeLessThanOrEqual(2);
    expect(
      within(coaching).getByText(
        `Ticket #${waiting.id} has waited ${waited} for a first reply; your target is 2 hrs.`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(within(coaching).getByRole('link', { name: `Open ticket #${waiting.id}` }));
    expect(client.openedTickets).toEqual([waiting.id]);
    await userEvent.click(
      within(coaching).getByRole('button', {
        name: `Dismiss: Ticket #${waiting.id} has waited ${waited} for a first reply; your target is 2 hrs.`,
      }),
    );
    expect(screen.queryByText(/for a first reply/)).not.toBeInTheDocument();
    unmount();
    await renderGoalpost(
      createFakeClient({ zendesk, settings: { goals: 'me solved 40 day\nme first_reply 2h week' } }),
      storage,
    );
    await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(screen.queryByText(/for a first reply/)).not.toBeInTheDocument();
  });

  it('speaks German with German number formats for a German agent', async () => {
    const client = createFakeClient({ settings: { goals: GOALS }, locale: 'de-DE' });
    await renderGoalpost(client);
    expect(await screen.findByRole('progressbar', { name: 'Gelöst heute' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Meine Ziele' })).toBeInTheDocument();
    expect(screen.getByText(/Ziel 85\s%/)).toBeInTheDocument();
  });

  it('counts an own solve the moment it is submitted, marked pending, and never twice once search sees it', async () => {
    const zendesk = new FakeZendesk();
    zendesk.indexLagSeconds = 90;
    const open = zendesk.liveTickets().find((t) => t.assigneeId === AOIFE && t.status === 'open')!;
    const client = createFakeClient({ zendesk, settings: { goals: 'me solved 40 day' } });
    client.ticketId = open.id;
    await renderGoalpost(client);
    const bar = await screen.findByRole('progressbar', { name: 'Solved today' });
    const before = expectedFromSeed(zendesk).solvedToday;
    expect(screen.getByText(`${before} of 40`)).toBeInTheDocument();

    zendesk.solve(open.id);
    client.emit('ticket.submit.done', { ticket: { id: open.id } });
    expect(await screen.findByText(`${before + 1} of 40`)).toBeInTheDocument();
    expect(screen.getByText("Includes 1 solve Zendesk hasn't confirmed yet.")).toBeInTheDocument();
    expect(bar).toHaveValue(Math.round(((before + 1) / 40) * 100));

    // Search catches up; the refresh after the index lag confirms the solve: still counted once.
    zendesk.advanceClock(120_000);
    await waitFor(() => expect(screen.queryByText(/hasn't confirmed yet/)).not.toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(screen.getByText(`${before + 1} of 40`)).toBeInTheDocument();
  });

  it('does not count a note on a ticket solved long ago as a new solve', async () => {
    const zendesk = new FakeZendesk();
    const old = zendesk
      .liveTickets()
      .find(
        (t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt < TODAY.start - 7 * 86_400_000,
      )!;
    const client = createFakeClient({ zendesk, settings: { goals: 'me solved 40 day' } });
    client.ticketId = old.id;
    await renderGoalpost(client);
    await screen.findByRole('progressbar', { name: 'Solved today' });
    const before = expectedFromSeed(zendesk).solvedToday;
    client.emit('ticket.submit.done', { ticket: { id: old.id } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByText(`${before} of 40`)).toBeInTheDocument();
    expect(screen.queryByText(/hasn't confirmed yet/)).not.toBeInTheDocument();
  });

  it('shows an impossible personal target as a stretch goal, without pace pressure', async () => {
    const client = createFakeClient({ settings: { goals: 'me solved 500 day' } });
    await renderGoalpost(client);
    expect(await screen.findByText('Stretch goal', undefined, { timeout: 3000 })).toBeInTheDocument();
    expect(
      screen.getByText(/Above your best of the last \d+ periods \(\d+\): no pace to keep\./),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Expected by now/)).not.toBeInTheDocument();
    expect(screen.queryByText(/keeps? you on pace/)).not.toBeInTheDocument();
    expect(screen.queryByText(/behind/i)).not.toBeInTheDocument();
  });

  it('paints the cached board at once when Zendesk does not answer for the profile', async () => {
    const zendesk = new FakeZendesk();
    const client = createFakeClient({ zendesk, settings: { goals: GOALS } });
    const view = await renderGoalpost(client);
    const solved = await screen.findByRole('progressbar', { name: 'Solved today' });
    const figures = Number(solved.getAttribute('aria-valuenow'));
    // The sidebar closes (its iframe goes, and its engine with it).
    view.engine.dispose();
    view.unmount();
    // Two hours later its stored profile is unreadable (so it must be fetched) and Zendesk times out.
    zendesk.advanceClock(2 * 3_600_000);
    view.storage.setItem('goalpost:v2:profile:goalpost-demo:3720451', '{"at":');
    zendesk.fault = 'timeout';
    await renderGoalpost(client, view.storage, { waitForProfile: async () => undefined });
    expect(screen.getByRole('progressbar', { name: 'Solved today' })).toHaveValue(figures);
    expect(
      await screen.findByText(/Showing figures from 11:00\. Zendesk took too long to answer/),
    ).toBeInTheDocument();
  });

  it('warns an admin when a personal target is far beyond what the team’s agents each solve', async () => {
    const client = createFakeClient({
      agentId: 3720454,
      settings: { goals: 'me csat 85% week\nme solved 500 day', goalsReviewedOn: '2026-11-01' },
    });
    await renderGoalpost(client);
    expect(
      await screen.findByText(
        /^Admin: Solved today targets 500 per agent, but the team's agents solved a median of \d+ each over the last \d+ periods\./,
        undefined,
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
  });

  it('shows the agent’s own figures first and says the team’s are on their way', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    let releaseCounts: () => void = () => undefined;
    const countsWait = new Promise<void>((resolve) => (releaseCounts = resolve));
    const send = client.request;
    // Team counts wait (as for the agent's budget) while everything else answers at once.
    client.request = async (request) => {
      if (request.url.includes('search/count')) await countsWait;
      return send(request);
    };
    await renderGoalpost(client);
    expect(await screen.findByRole('progressbar', { name: 'Solved today' })).toBeInTheDocument();
    expect(screen.getByText('Team figures are on their way.')).toBeInTheDocument();
    releaseCounts();
    await waitFor(
      () => expect(screen.queryByText('Team figures are on their way.')).not.toBeInTheDocument(),
      {
        timeout: 3000,
      },
    );
    expect(screen.getByRole('progressbar', { name: 'Team solved this week' })).toBeInTheDocument();
  });

  it('sizes its iframe to its content', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    await renderGoalpost(client);
    await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(client.resizedTo.length).toBeGreaterThan(0);
  });

  it('says so when the browser’s storage is too full to keep the figures for next time, and only then', async () => {
    const client = createFakeClient({ settings: { goals: GOALS } });
    const { unmount } = await renderGoalpost(client);
    await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(await screen.findByText(/^Updated just now/)).toBeInTheDocument();
    expect(screen.queryByText(/storage is full/)).not.toBeInTheDocument();
    unmount();
    await renderGoalpost(client, new FullStore());
    expect(await screen.findByRole('progressbar', { name: 'Solved today' })).toBeInTheDocument();
    expect(
      await screen.findByText(
        /This browser's storage is full, so these figures will load afresh next time\./,
      ),
    ).toBeInTheDocument();
  });
});
