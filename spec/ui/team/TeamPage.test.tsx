/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { localWeek } from '../../../simulator/seed/localWindows';
import { createFakeClient } from '../../data/createFakeClient';
import { openNavPage } from '../openNavPage';

const AOIFE = 3720451;
const CHIARA_LEAD = 3720453;
const MAYA_ADMIN = 3720454;
const EMEA = 360001234567;
const TEAM_LEADS = 360001234570;
const SETTINGS = {
  goals: 'me csat 85% week floor 80%\nme solved 12 day\nteam solved 250 week',
  teamLeadsGroup: String(TEAM_LEADS),
};
const ADMIN_ONLY = /\/api\/v2\/(groups(\.json|\?|$)|group_memberships|users\.json\?role|apps\/installations)/;

const openPage = openNavPage;

describe('the team page', () => {
  it('shows an admin a group’s team goals and each agent by name with trends and factual starters', async () => {
    const client = createFakeClient({ agentId: MAYA_ADMIN, location: 'nav_bar', settings: SETTINGS });
    await openPage(client);
    await userEvent.click(screen.getByRole('button', { name: 'Team coaching' }));
    const team = await screen.findByRole('region', { name: 'Team goals' });
    expect(await within(team).findByText(/^Last week: \d+ of 250 · goal met \d/)).toBeInTheDocument();

    const agents = screen.getByRole('region', { name: 'Agents' });
    const members = client.zendesk.account.agents.filter((a) => a.groupIds.includes(EMEA));
    // Sorted by name, never by a figure.
    expect(
      within(agents)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(members.map((m) => m.name).sort((a, b) => a.localeCompare(b)));
    await within(agents).findAllByText('For your one-to-one', undefined, { timeout: 5000 });
    const aoife = within(agents).getByRole('listitem', { name: 'Aoife Byrne' });
    await within(aoife).findByText(/^Last working day: \d+ of 12/);

    // Her bad ratings this week, counted straight from the seeded tickets: the starter names them, newest first.
    const week = localWeek(client.zendesk.now, 'Europe/Dublin');
    const bad = client.zendesk
      .searchableTickets()
      .filter((t) => t.assigneeId === AOIFE && t.satisfaction === 'bad' && t.solvedAt !== null)
      .filter((t) => t.solvedAt! >= week.start && t.solvedAt! < week.end)
      .sort((a, b) => b.createdAt - a.createdAt);
    expect(bad.length).toBeGreaterThan(0);
    const starter = within(aoife).getByText(/^CSAT \d+\s?% this week/);
    expect(starter).toHaveTextContent(`${bad.length} bad rating`);
    expect(starter).toHaveTextContent(
      bad
        .slice(0, 3)
        .map((t) => `#${t.id}`)
        .join(', '),
    );
  });

  it('lets a member of the team leads group see their own groups only, asking nothing admin-only', async () => {
    const client = createFakeClient({ agentId: CHIARA_LEAD, location: 'nav_bar', settings: SETTINGS });
    await openPage(client);
    expect(screen.getByRole('heading', { name: 'Team coaching' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Goal studio' })).not.toBeInTheDocument();
    const picker = await screen.findByRole('combobox', { name: 'Group' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Support EMEA', 'Billing']);
    await screen.findAllByText('For your one-to-one', undefined, { timeout: 5000 });
    expect(client.zendesk.log.filter((r) => ADMIN_ONLY.test(r.path))).toEqual([]);
    expect(client.zendesk.log.every((r) => r.status === 200)).toBe(true);
  });

  it('shows an agent who is not a lead what the page is for, and sends nothing', async () => {
    const client = createFakeClient({ agentId: AOIFE, location: 'nav_bar', settings: SETTINGS });
    await openPage(client);
    expect(screen.getByText(/is where admins set and check the team's goals/)).toBeInTheDocument();
    expect(screen.queryByText('Team coaching')).not.toBeInTheDocument();
    expect(client.zendesk.log).toEqual([]);
  });

  it('is admins only while no team leads group is set', async () => {
    const client = createFakeClient({
      agentId: CHIARA_LEAD,
      location: 'nav_bar',
      settings: { ...SETTINGS, teamLeadsGroup: '' },
    });
    await openPage(client);
    expect(screen.queryByText('Team coaching')).not.toBeInTheDocument();
    expect(client.zendesk.log).toEqual([]);
  });
});
