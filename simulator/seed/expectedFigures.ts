import type { SeededAccount, SimTicket } from './seededAccount';
import type { Window } from './localWindows';
import { localDay, localWeek } from './localWindows';
import { businessMinutesBetween } from '../fakeZendesk/ticketJson';

export type { Window };

/** Middle value; the mean of the two middle values for an even count; null when there are none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Figures computed straight from the simulator's tickets, without any of the app's code, so browser tests
 * can check what the sidebar shows against an independent count. Windows are half-open [start, end).
 * Pass the tickets search sees (FakeZendesk.searchableTickets) to predict what the sidebar can show now.
 */
export function expectedFigures(
  tickets: readonly SimTicket[],
  agentId: number,
  teamGroupId: number,
  day: Window,
  week: Window,
  now = day.start,
) {
  const within = (at: number | null, window: Window) => at !== null && at >= window.start && at < window.end;
  const mine = tickets.filter((t) => t.assigneeId === agentId);
  const solvedThisWeek = mine.filter((t) => within(t.solvedAt, week));
  const good = solvedThisWeek.filter((t) => t.satisfaction === 'good').length;
  const bad = solvedThisWeek.filter((t) => t.satisfaction === 'bad').length;
  const teamSolved = tickets.filter((t) => t.groupId === teamGroupId && within(t.solvedAt, week));
  const teamGood = teamSolved.filter((t) => t.satisfaction === 'good').length;
  const teamBad = teamSolved.filter((t) => t.satisfaction === 'bad').length;
  const open = mine.filter((t) => t.solvedAt === null);
  const replied = solvedThisWeek.filter((t) => t.firstReplyAt !== null);
  return {
    solvedToday: mine.filter((t) => within(t.solvedAt, day)).length,
    solvedWeek: solvedThisWeek.length,
    csatWeek: { good, bad, percent: good + bad > 0 ? (good / (good + bad)) * 100 : null },
    teamSolvedWeek: teamSolved.length,
    teamCsatWeek: {
      good: teamGood,
      bad: teamBad,
      percent: teamGood + teamBad > 0 ? (teamGood / (teamGood + teamBad)) * 100 : null,
    },
    backlog: open.length,
    /** Of this week's solves: exactly one public reply (the app's one-touch), and reopened at least once. */
    oneTouchWeek: solvedThisWeek.filter((t) => t.replies === 1).length,
    reopenedWeek: solvedThisWeek.filter((t) => t.reopens > 0).length,
    /** Median first reply time of this week's solves, in minutes (business = the account's 09:00–17:00). */
    firstReplyMedianWeek: {
      calendar: median(replied.map((t) => Math.round((t.firstReplyAt! - t.createdAt) / 60_000))),
      business: median(replied.map((t) => businessMinutesBetween(t.createdAt, t.firstReplyAt)!)),
    },
    /** Open tickets whose first-reply SLA target has passed. */
    slaBreachedNow: open.filter((t) => t.slaBreachAt !== null && t.slaBreachAt <= now).length,
  };
}

export type ExpectedFigures = ReturnType<typeof expectedFigures>;

/** The figures for one agent at `now`, with today and this week in the agent's own time zone. */
export function expectedFiguresFor(
  account: Pick<SeededAccount, 'agents'>,
  tickets: readonly SimTicket[],
  agentId: number,
  now: number,
): (ExpectedFigures & { day: Window; week: Window }) | null {
  const agent = account.agents.find((a) => a.id === agentId);
  if (!agent) return null;
  const day = localDay(now, agent.timeZone);
  const week = localWeek(now, agent.timeZone);
  return { ...expectedFigures(tickets, agentId, agent.defaultGroupId, day, week, now), day, week };
}

export type { SeededAccount };
