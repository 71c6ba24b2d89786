/**
 * One account's agents for the bench's account simulation, each simulated on their own: their own events,
 * their own random first-refresh spread and drift, their own login minute. Run as a worker by bench/shift.ts
 * (`tsx bench/accountAgents.ts <from> <to>`): prints one JSON line per agent with the times (ms after shift start)
 * of every request their 3 sidebars sent.
 */
import { seededRandom } from '../simulator/seed/seededAccount';
import { runShift, SHIFT_START } from './shiftSimulation';

/** Everyone logs in within the first five minutes of the shift: the shift-start burst. */
const LOGIN_WINDOW_MS = 5 * 60_000;

export async function agentRequestTimes(agent: number): Promise<number[]> {
  const login = Math.floor(seededRandom(5_000 + agent)() * LOGIN_WINDOW_MS);
  const result = await runShift({
    sidebar: 'goalpost',
    tabs: 3,
    seed: 1_000 + agent,
    indexLagSeconds: 60,
    cachedFromYesterday: true,
    endWithRefresh: false,
  });
  return result.requests.map((request) => login + request.at - SHIFT_START);
}

async function main() {
  const [from, to] = process.argv.slice(2).map(Number);
  for (let agent = from ?? 0; agent < (to ?? 0); agent += 1)
    process.stdout.write(`${JSON.stringify(await agentRequestTimes(agent))}\n`);
}

if (process.argv[1]?.endsWith('accountAgents.ts')) void main();
