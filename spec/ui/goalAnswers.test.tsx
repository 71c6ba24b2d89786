/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';
import { ANSWERS_OBJECT_KEY } from '../../src/data/answers/answerRecords';
import { createFakeClient } from '../data/createFakeClient';
import { openNavPage } from './openNavPage';
import { renderGoalpost } from './renderGoalpost';

const AOIFE = 3720451;
const MAYA_ADMIN = 3720454;
const GOALS = 'me csat 85% week floor 80%\nme solved 12 day';

describe('agents’ answers on their goals', () => {
  it('goes from an agent’s sidebar to the admin’s studio, and back when the target changes', async () => {
    const zendesk = new FakeZendesk();
    zendesk.installation.settings.goals = GOALS;

    // Before an admin switches answers on, the agent is told so, and nothing can be sent.
    const { unmount: closeFirstSidebar } = await renderGoalpost(
      createFakeClient({ zendesk, agentId: AOIFE }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Your view on these targets' }));
    expect(await screen.findByText(/not switched on for this account yet/)).toBeInTheDocument();
    closeFirstSidebar();

    // The admin switches answers on from the studio: one custom object with its fields.
    const setUp = await openNavPage(createFakeClient({ zendesk, agentId: MAYA_ADMIN, location: 'nav_bar' }));
    await userEvent.click(await screen.findByRole('button', { name: "Switch on agents' answers" }));
    expect(await screen.findByText(/No answers yet/)).toBeInTheDocument();
    setUp.unmount();

    // Aoife answers: a choice, a note, then Send. Nothing is written before Send.
    const { unmount: closeAnsweringSidebar } = await renderGoalpost(
      createFakeClient({ zendesk, agentId: AOIFE }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Your view on these targets' }));
    const solved = await screen.findByRole('group', { name: 'Your view on Solved today' });
    await userEvent.click(within(solved).getByRole('button', { name: 'Too high' }));
    expect(zendesk.log.filter((r) => r.method === 'PATCH')).toEqual([]);
    await userEvent.type(
      screen.getByRole('textbox', { name: /A short note/ }),
      'Half my day is phone shifts.',
    );
    expect(screen.getByText(/Your admins see your answer and note, with your name/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByText(/^Received\./)).toBeInTheDocument();
    const [record] = zendesk.customObjects.records(ANSWERS_OBJECT_KEY);
    expect(record?.custom_object_fields).toMatchObject({
      agent_id: AOIFE,
      goal: 'me:solved:day',
      answer: 'tooHigh',
      note: 'Half my day is phone shifts.',
      target: 12,
    });
    // She reads only her own goals' answers, by their ids.
    const reads = zendesk.log.filter(
      (r) => r.agentId === AOIFE && r.method === 'GET' && r.path.includes('/custom_objects/'),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      const ids = new URL(read.path, 'https://x').searchParams.get('filter[external_ids]') ?? '';
      expect(ids.split(',').every((id) => id.startsWith(`goalpost-${AOIFE}-`))).toBe(true);
    }
    closeAnsweringSidebar();

    // The admin sees it beside the goal, with her history one click away, and lowers the target.
    const studio = await openNavPage(createFakeClient({ zendesk, agentId: MAYA_ADMIN, location: 'nav_bar' }));
    const answers = await screen.findByRole('region', { name: "Agents' answers on their goals" });
    expect(
      await within(answers).findByText(/^Solved today: 0 fair, 1 too high, 0 too low$/),
    ).toBeInTheDocument();
    const item = within(answers).getByText(/^Aoife Byrne: Too high about a target of 12/);
    expect(item).toHaveTextContent('“Half my day is phone shifts.”');
    await userEvent.click(within(answers).getByRole('button', { name: "Aoife Byrne's last 8 periods" }));
    expect(await within(answers).findByText(/^Last periods, oldest first: [\d., ]+\.$/)).toBeInTheDocument();
    await userEvent.click(within(answers).getAllByRole('button', { name: /^Use \d+ on line 2$/ })[0]!);
    const editor = screen.getByRole('textbox', { name: 'Goals' });
    const lowered = Number(/me solved (\d+) day/.exec((editor as HTMLTextAreaElement).value)?.[1]);
    expect(
      within(answers).getByText(new RegExp(`target has changed since: now Solved today ${lowered}`)),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save goals' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, save' }));
    await screen.findByText(/^Saved\./);
    studio.unmount();

    // Aoife is told her target changed after her answer.
    await renderGoalpost(createFakeClient({ zendesk, agentId: AOIFE }));
    await userEvent.click(await screen.findByRole('button', { name: 'Your view on these targets' }));
    expect(
      await screen.findByText(
        /Your answer: Too high .* Your target changed after your answer \(you answered about 12\)\./,
      ),
    ).toBeInTheDocument();
  });
});
