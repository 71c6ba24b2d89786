import type { SeededAccount, SimTicket } from './seededAccount';

export interface Window {
  start: number;
  end: number;
}

/**
 * Figures computed straight from the simulator's tickets, without any of the app's code, so browser tests
 * can check what the sidebar shows against an independent count.
 */
export function expectedFigures(
  tickets: readonly SimTicket[],
  agentId: number,
  teamGroupId: number,
  day: Window,
  week: Window,
) {
  const within = (at: number | null, window: Window) => at !== null && at >= window.start && at < window.end;
  const mine = tickets.filter((t) => t.assigneeId === agentId);
  const solvedThisWeek = mine.filter((t) => within(t.solvedAt, week));
  const good = solvedThisWeek.filter((t) => t.satisfaction === 'good').length;
  const bad = solvedThisWeek.filter((t) => t.satisfaction === 'bad').length;
  return {
    solvedToday: mine.filter((t) => within(t.solvedAt, day)).length,
    csatWeek: { good, bad, percent: good + bad > 0 ? (good / (good + bad)) * 100 : null },
    teamSolvedWeek: tickets.filter((t) => t.groupId === teamGroupId && within(t.solvedAt, week)).length,
    backlog: mine.filter((t) => t.solvedAt === null).length,
  };
}

export type ExpectedFigures = ReturnType<typeof expectedFigures>;
export type { SeededAccount };
