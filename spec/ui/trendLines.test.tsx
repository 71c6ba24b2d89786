/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { createFakeClient } from '../data/createFakeClient';
import { renderGoalpost } from './renderGoalpost';

const AOIFE = 3720451;
const EMEA = 360001234567;
const DAY = 86_400_000;
// The simulated "now" is Wednesday 18 November 2026 in Dublin (UTC in winter); weeks start on Monday and
// the working days are Monday to Friday.
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const LAST_WEEK = { start: day('2026-11-09'), end: day('2026-11-16') };
const WORKING_DAYS = ['11-06', '11-09', '11-10', '11-11', '11-12', '11-13', '11-16', '11-17'].map((d) =>
  day(`2026-${d}`),
);

function solvedIn(
  fake: FakeZendesk,
  window: { start: number; end: number },
  who: { agent?: number; group?: number },
) {
  return fake.account.tickets.filter(
    (t) =>
      t.solvedAt !== null &&
      t.solvedAt >= window.start &&
      t.solvedAt < window.end &&
      (who.agent === undefined || t.assigneeId === who.agent) &&
      (who.group === undefined || t.groupId === who.group),
  );
}

describe('the trend under each headline goal', () => {
  it('gives last period’s result in words and how often the goal was met, with a sparkline read aloud', async () => {
    const client = createFakeClient({
      settings: { goals: 'me solved 12 day\nme csat 85% week\nme first_reply 2h week\nteam solved 300 week' },
    });
    const fake = client.zendesk;
    const daily = WORKING_DAYS.map(
      (start) => solvedIn(fake, { start, end: start + DAY }, { agent: AOIFE }).length,
    );
    const lastWeek = solvedIn(fake, LAST_WEEK, { agent: AOIFE });
    const good = lastWeek.filter((t) => t.satisfaction === 'good').length;
    const bad = lastWeek.filter((t) => t.satisfaction === 'bad').length;
    const teamLastWeek = solvedIn(fake, LAST_WEEK, { group: EMEA }).length;
    expect(daily.every((count) => count > 0)).toBe(true);
    expect(good + bad).toBeGreaterThanOrEqual(5);

    await renderGoalpost(client);
    const personal = await screen.findByRole('region', { name: 'My goals' });
    const met = daily.filter((count) => count >= 12).length;
    expect(
      await within(personal).findByText(
        `Last working day: ${daily[7]} of 12 · goal met ${met} of the last 8 working days`,
        undefined,
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(
      within(personal).getByRole('img', {
        name: `Last 8 working days, oldest first: ${daily.join(', ')}. Target 12.`,
      }),
    ).toBeInTheDocument();
    expect(
      within(personal).getByText(
        new RegExp(
          `^Last week: ${Math.round((good / (good + bad)) * 100)}\\s?% · goal met \\d of the (last \\d weeks|\\d weeks? with figures)$`,
        ),
      ),
    ).toBeInTheDocument();
    const team = screen.getByRole('region', { name: 'Team goals' });
    expect(within(team).getByText(new RegExp(`^Last week: ${teamLastWeek} of 300 · `))).toBeInTheDocument();
    // Speed goals have no trend: counts cannot tell a past week's median.
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });
});
