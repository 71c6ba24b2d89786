import type { Goal } from '../goals/goal';

/** Goals shown before "Show all N goals": the headline goals fit the first screen at 320 × 560 px. */
export const HEADLINE_GOALS = 4;

/** The board's order: the agent's own goals first, then the team's, each in the order the admin wrote them. */
export function boardOrder<T>(items: readonly T[], scopeOf: (item: T) => Goal['scope']): T[] {
  return [
    ...items.filter((item) => scopeOf(item) === 'me'),
    ...items.filter((item) => scopeOf(item) === 'team'),
  ];
}

/** The goals the first screen shows: the first HEADLINE_GOALS in the board's order. */
export const headlineGoals = (goals: readonly Goal[]): Goal[] =>
  boardOrder(goals, (goal) => goal.scope).slice(0, HEADLINE_GOALS);
