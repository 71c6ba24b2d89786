import type { SendRequest } from '../../src/data/zendesk/politeRequest';
import type { FakeZendesk } from '../../simulator/fakeZendesk/fakeZendesk';

/** Sends the app's requests to the simulator's fake Zendesk, as ZAF would through the agent's session. */
export function fakeZendeskTransport(fake: FakeZendesk, agentId: number): SendRequest {
  return async ({ url }) => {
    const response = fake.handle(agentId, 'GET', url);
    if (response.hang) throw new Error('timeout');
    const body = response.text !== undefined && response.body === null ? response.text : response.body;
    return { status: response.status, headers: response.headers, body };
  };
}

export const instantTiming = (fake: FakeZendesk) => ({
  now: () => fake.now,
  sleep: async (ms: number) => fake.advanceClock(ms),
  random: () => 0.5,
});
