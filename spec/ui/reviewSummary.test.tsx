/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeClient } from '../data/createFakeClient';
import { openNavPage } from './openNavPage';

const AOIFE = 3720451;
const CHIARA_LEAD = 3720453;
const DAY = 86_400_000;
// The simulated "now" is Wednesday 18 November 2026; Dublin is on UTC in November.
const NOVEMBER = Date.parse('2026-11-01T00:00:00Z');
const TODAY = Date.parse('2026-11-18T00:00:00Z');

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('the review-ready summary', () => {
  it('gives an agent their own month in sentences, with the tickets behind bad ratings, and a CSV', async () => {
    const client = createFakeClient({
      agentId: AOIFE,
      location: 'nav_bar',
      settings: { goals: 'me solved 12 day\nme csat 85% week' },
    });
    await openNavPage(client);
    // Nothing is fetched until the summary is asked for.
    expect(client.zendesk.log).toEqual([]);
    const review = screen.getByRole('region', { name: 'Review summary: Aoife Byrne' });
    expect(within(review).getByRole('combobox', { name: 'Period' })).toHaveDisplayValue('November 2026');
    await userEvent.click(within(review).getByRole('button', { name: 'Show summary' }));

    // Independently from the seeded tickets: her solves this month, per working day, and bad ratings.
    const mine = client.zendesk
      .searchableTickets()
      .filter((t) => t.assigneeId === AOIFE && t.solvedAt !== null && t.solvedAt >= NOVEMBER);
    const workingDays: number[] = [];
    for (let day = NOVEMBER; day < TODAY; day += DAY)
      if (![0, 6].includes(new Date(day).getUTCDay())) workingDays.push(day);
    const metDays = workingDays.filter(
      (day) => mine.filter((t) => t.solvedAt! >= day && t.solvedAt! < day + DAY).length >= 12,
    ).length;
    const bad = mine.filter((t) => t.satisfaction === 'bad').sort((a, b) => b.solvedAt! - a.solvedAt!);

    expect(
      await within(review).findByText(`${mine.length} tickets solved in the period.`),
    ).toBeInTheDocument();
    expect(
      within(review).getByText(
        `Solved today 12: met on ${metDays} of ${workingDays.length} working days; over the month, ${mine.length}.`,
      ),
    ).toBeInTheDocument();
    expect(
      within(review).getByText(`${bad.length} bad ratings: ${bad.map((t) => `#${t.id}`).join(', ')}.`),
    ).toBeInTheDocument();
    // Only her own tickets were asked for.
    expect(client.zendesk.log.every((r) => !decodeURIComponent(r.path).includes('assignee:37'))).toBe(true);

    let csv: Blob | null = null;
    URL.createObjectURL = (blob: Blob) => {
      csv = blob;
      return 'blob:review';
    };
    URL.revokeObjectURL = () => undefined;
    await userEvent.click(within(review).getByRole('button', { name: 'Download CSV' }));
    const text = await readBlob(csv!);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Agent,Period,Goal,Periods met,Periods with figures,Over the period');
    expect(lines).toContain(
      `Aoife Byrne,November 2026,Solved today 12,${metDays},${workingDays.length},${mine.length}`,
    );
    expect(lines).toContain(
      `Aoife Byrne,November 2026,Bad ratings,${bad.length},,${bad.length > 1 ? '"' : ''}${bad.map((t) => `#${t.id}`).join(', ')}${bad.length > 1 ? '"' : ''}`,
    );
  });

  it('lets a team lead open the summary of an agent of their group', async () => {
    const client = createFakeClient({
      agentId: CHIARA_LEAD,
      location: 'nav_bar',
      settings: { goals: 'me solved 12 day', teamLeadsGroup: '360001234570' },
    });
    await openNavPage(client);
    const agents = await screen.findByRole('region', { name: 'Agents' });
    const aoife = within(agents).getByRole('listitem', { name: 'Aoife Byrne' });
    await userEvent.click(
      await within(aoife).findByRole('button', { name: 'Review summary' }, { timeout: 5000 }),
    );
    const review = within(aoife).getByRole('region', { name: 'Review summary: Aoife Byrne' });
    await userEvent.click(within(review).getByRole('button', { name: 'Show summary' }));
    expect(
      await within(review).findByText(
        /^Solved today 12: met on \d+ of \d+ working days; over the month, \d+\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      client.zendesk.log.some((r) =>
        decodeURIComponent(r.path).includes(`assignee:${AOIFE} status>=solved solved>=2026-11-01`),
      ),
    ).toBe(true);

    // Last month has ended: opened again on this page, it costs nothing.
    await userEvent.selectOptions(within(review).getByRole('combobox', { name: 'Period' }), 'October 2026');
    await userEvent.click(within(review).getByRole('button', { name: 'Show summary' }));
    await within(review).findByRole('heading', { name: 'October 2026' });
    const sent = client.zendesk.log.length;
    await userEvent.selectOptions(within(review).getByRole('combobox', { name: 'Period' }), 'November 2026');
    await userEvent.selectOptions(within(review).getByRole('combobox', { name: 'Period' }), 'October 2026');
    await userEvent.click(within(review).getByRole('button', { name: 'Show summary' }));
    await waitFor(() => expect(within(review).queryByText(/^Fetching the period/)).not.toBeInTheDocument());
    expect(within(review).getByRole('heading', { name: 'October 2026' })).toBeInTheDocument();
    expect(client.zendesk.log.length).toBe(sent);
  });
});
