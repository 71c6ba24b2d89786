/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeZendesk } from '../../../simulator/fakeZendesk/fakeZendesk';
import { createFakeClient } from '../../data/createFakeClient';
import { openNavPage } from '../openNavPage';
import { localDay } from '../../../simulator/seed/localWindows';
import { renderGoalpost } from '../renderGoalpost';

const MAYA = 3720454; // admin
const AOIFE = 3720451; // agent
const GOALS = 'me csat 85% week floor 80%\nme solved 25 day\nteam solved 100 day';

const openStudio = openNavPage;

const adminClient = (zendesk = new FakeZendesk()) =>
  createFakeClient({
    zendesk,
    agentId: MAYA,
    location: 'nav_bar',
    settings: { goals: GOALS, goalsReviewedOn: '2026-10-01' },
  });

describe('the goal studio', () => {
  it('explains itself to an agent and asks Zendesk nothing on their behalf', async () => {
    const client = createFakeClient({ agentId: AOIFE, location: 'nav_bar', settings: { goals: GOALS } });
    await openStudio(client);
    expect(screen.getByRole('heading', { name: 'Goal studio' })).toBeInTheDocument();
    expect(screen.getByText(/is where admins set and check the team's goals/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(client.zendesk.log).toEqual([]);
  });

  it('reads a flawed text as the admin types, naming each line and the account’s people', async () => {
    const client = adminClient();
    await openStudio(client);
    const editor = screen.getByRole('textbox', { name: 'Goals' });
    expect(editor).toHaveValue(GOALS);
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByText('Every line reads well.')).toBeInTheDocument();
    await userEvent.clear(editor);
    await userEvent.type(
      editor,
      'me solved 25 day{enter}me solvd 30 week{enter}[[group 42]{enter}me solved 5 day',
    );
    const problems = screen.getByRole('region', { name: 'Lines to fix' });
    expect(within(problems).getByText('Line 2:')).toBeInTheDocument();
    expect(within(problems).getByText('me solvd 30 week')).toBeInTheDocument();
    // The line is marked beside the text (a sign, not colour alone), and one click selects it for fixing.
    expect(within(screen.getByTestId('goals-gutter')).getByText('⚠ 2')).toBeInTheDocument();
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(within(problems).getByRole('button', { name: 'Go to line 2' }));
    expect(editor).toHaveFocus();
    const area = editor as HTMLTextAreaElement;
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('me solvd 30 week');
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(
      within(checks).getByText('Line 4: this account has no group 42, so this goal reaches nobody.'),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(/Aoife Byrne, .* would have only speed or volume goals/),
    ).toBeInTheDocument();
    // A line that cannot be read would be dropped for everyone: saving waits until it is fixed.
    expect(screen.getByRole('button', { name: 'Save goals' })).toBeDisabled();
  });

  it('shows who gets which goals after group and agent overrides', async () => {
    const client = adminClient();
    await openStudio(client);
    const editor = screen.getByRole('textbox', { name: 'Goals' });
    await userEvent.type(editor, '{enter}[[agent 3720452]{enter}me solved 18 day');
    const table = await screen.findByRole('table');
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    // Jonas's own line replaces the 25 a day everyone else gets.
    expect(row('Jonas Weber')).toHaveTextContent(/Solved today 18/);
    expect(row('Aoife Byrne')).toHaveTextContent(/Solved today 25/);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + client.zendesk.account.agents.length);
  });

  it('saves through the app installation after a confirmation, marks the goals reviewed today, and undoes', async () => {
    const client = adminClient();
    await openStudio(client);
    const editor = screen.getByRole('textbox', { name: 'Goals' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'me csat 85% week floor 80%{enter}me solved 22 day');
    await userEvent.click(screen.getByRole('button', { name: 'Save goals' }));
    expect(await screen.findByText(/Save these goals\?/)).toBeInTheDocument();
    expect(client.zendesk.installation.settings.goals).toBe(GOALS);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, save' }));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(client.zendesk.now);
    expect(await screen.findByText(`Saved. Goals last reviewed on ${today}.`)).toBeInTheDocument();
    expect(client.zendesk.installation.settings).toMatchObject({
      goals: 'me csat 85% week floor 80%\nme solved 22 day',
      goalsReviewedOn: today,
    });
    const puts = client.zendesk.log.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(['/api/v2/apps/installations/2000001.json']);
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('The previous goals are back.')).toBeInTheDocument();
    expect(client.zendesk.installation.settings).toMatchObject({
      goals: GOALS,
      goalsReviewedOn: '2026-10-01',
    });
    expect(screen.getByRole('textbox', { name: 'Goals' })).toHaveValue(GOALS);
  });

  it('warns before replacing a change someone else saved after the studio opened', async () => {
    const client = adminClient();
    await openStudio(client);
    client.zendesk.installation.settings.goals = 'me solved 30 day';
    await userEvent.type(screen.getByRole('textbox', { name: 'Goals' }), '{enter}me backlog 12 now');
    await userEvent.click(screen.getByRole('button', { name: 'Save goals' }));
    expect(
      await screen.findByText(/Someone else changed the goals after you opened the studio/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(client.zendesk.installation.settings.goals).toBe('me solved 30 day');
  });

  it('weighs solved targets against the last 8 periods, names the cost first, and inserts a suggestion', async () => {
    const client = createFakeClient({
      agentId: MAYA,
      location: 'nav_bar',
      settings: { goals: 'me csat 85% week\nme solved 1 day\n[group 360001234567]\nteam solved 5000 week' },
    });
    await openStudio(client);
    const history = await screen.findByRole('region', { name: 'Against the last 8 periods' });
    const run = within(history).getByRole('button', { name: /^Check against history \((\d+) requests\)$/ });
    const cost = Number(/\((\d+) requests\)/.exec(run.textContent ?? '')?.[1]);
    const sentBefore = client.zendesk.log.length;
    await userEvent.click(run);
    const outOfReach = await within(history).findByText(
      /^Line 4: Support EMEA never reached 5,000 in the last \d+ periods/,
    );
    expect(client.zendesk.log.length - sentBefore).toBe(cost);
    expect(client.zendesk.log.slice(sentBefore).every((r) => r.path.startsWith('/api/v2/search/count'))).toBe(
      true,
    );
    // The CSAT target is weighed by good and bad ratings per week.
    const queries = client.zendesk.log.slice(sentBefore).map((r) => decodeURIComponent(r.path));
    expect(queries.filter((q) => q.includes('satisfaction:good')).length).toBeGreaterThan(0);
    expect(queries.filter((q) => q.includes('satisfaction:bad')).length).toBe(
      queries.filter((q) => q.includes('satisfaction:good')).length,
    );
    // The personal target of 1 a day is weighed per member of each group: every group that works tickets
    // beat it every day (the Team leads group routes none, so its history says nothing).
    expect(
      within(history).getAllByText(
        /^Line 2: .* \(per member\) reached 1 in every one of the last \d+ periods/,
      ),
    ).toHaveLength(client.zendesk.account.groups.filter((g) => g.name !== 'Team leads').length);
    const use = within(outOfReach).getByRole('button', { name: /^Use \d+ \(median\)$/ });
    const suggested = /Use (\d+)/.exec(use.textContent ?? '')?.[1];
    await userEvent.click(use);
    expect(screen.getByRole('textbox', { name: 'Goals' })).toHaveValue(
      `me csat 85% week\nme solved 1 day\n[group 360001234567]\nteam solved ${suggested} week`,
    );
    // The same periods again cost nothing: they are kept for a day.
    expect(
      within(history).getByRole('button', { name: /^Check against history \(\d+ requests?\)$/ }),
    ).toHaveTextContent(/\(0 requests\)/);
  });

  it('previews an agent’s board from the draft with their real figures, following target edits', async () => {
    const client = adminClient();
    const aoife = client.zendesk.account.agents.find((a) => a.id === AOIFE)!;
    const today = localDay(client.zendesk.now, aoife.timeZone);
    const solvedToday = client.zendesk
      .searchableTickets()
      .filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= today.start)
      .filter((t) => t.solvedAt! < today.end).length;
    await openStudio(client);
    const preview = await screen.findByRole('region', { name: 'Preview as an agent' });
    await userEvent.selectOptions(within(preview).getByRole('combobox', { name: 'Agent' }), 'Aoife Byrne');
    const sentBefore = client.zendesk.log.length;
    await userEvent.click(within(preview).getByRole('button', { name: 'Preview' }));
    expect(
      await within(preview).findByRole('heading', { name: 'What Aoife Byrne would see' }),
    ).toBeInTheDocument();
    const board = within(preview).getByRole('region', { name: 'My goals' });
    expect(within(board).getByText(`${solvedToday} of 25`)).toBeInTheDocument();
    // Her tickets, asked for by her id: search reads assignee:me as the admin.
    const sent = client.zendesk.log.slice(sentBefore);
    expect(sent.some((r) => decodeURIComponent(r.path).includes(`assignee:${AOIFE}`))).toBe(true);
    expect(sent.some((r) => decodeURIComponent(r.path).includes('assignee:me'))).toBe(false);
    expect(
      within(preview).getByText(new RegExp(`fetched with ${sent.length} requests, periods in Europe/Dublin`)),
    ).toBeInTheDocument();

    // A new target shows at once, with no new request.
    const editor = screen.getByRole('textbox', { name: 'Goals' });
    await userEvent.clear(editor);
    await userEvent.type(
      editor,
      'me csat 85% week floor 80%{enter}me solved 40 day{enter}team solved 100 day',
    );
    expect(within(board).getByText(`${solvedToday} of 40`)).toBeInTheDocument();
    expect(client.zendesk.log.length - sentBefore).toBe(sent.length);

    // A goal that needs figures the preview never fetched is not shown with made-up numbers.
    await userEvent.type(editor, '{enter}me first_reply 2h week');
    expect(within(preview).getByText(/Preview again to see the new ones/)).toBeInTheDocument();
    expect(within(preview).queryByRole('progressbar', { name: /first reply/i })).not.toBeInTheDocument();
  });

  it('names the groups and agents the text refers to by id, and adds a section for one by name', async () => {
    const client = createFakeClient({
      agentId: MAYA,
      location: 'nav_bar',
      settings: {
        goals: 'me csat 85% week\n[group 360001234569]\nme solved 20 day\n[agent 99]\nme solved 5 day',
      },
    });
    await openStudio(client);
    const sections = await screen.findByRole('region', { name: 'Sections by name' });
    expect(within(sections).getByText('[group 360001234569] Billing')).toBeInTheDocument();
    expect(within(sections).getByText('[agent 99] not in this account')).toBeInTheDocument();
    await userEvent.selectOptions(
      within(sections).getByRole('combobox', { name: 'Group or agent' }),
      'Jonas Weber',
    );
    await userEvent.click(within(sections).getByRole('button', { name: 'Add section' }));
    expect(screen.getByRole('textbox', { name: 'Goals' })).toHaveValue(
      'me csat 85% week\n[group 360001234569]\nme solved 20 day\n[agent 99]\nme solved 5 day\n\n[agent 3720452]  # Jonas Weber\n',
    );
    expect(within(sections).getByText('[agent 3720452] Jonas Weber')).toBeInTheDocument();
  });

  it('is one click from an admin’s sidebar, and not offered to agents', async () => {
    const admin = createFakeClient({ agentId: MAYA, settings: { goals: GOALS } });
    const { unmount } = await renderGoalpost(admin);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit the goals in the goal studio' }));
    expect(admin.appPageOpened).toBe(1);
    unmount();
    await renderGoalpost(createFakeClient({ agentId: AOIFE, settings: { goals: GOALS } }));
    await screen.findByRole('progressbar', { name: 'Solved today' });
    expect(
      screen.queryByRole('button', { name: 'Edit the goals in the goal studio' }),
    ).not.toBeInTheDocument();
  });
});
