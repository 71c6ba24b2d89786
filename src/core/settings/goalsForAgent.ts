import type { Goal } from '../goals/goal';
import { goalKey } from '../goals/goal';

/**
 * The goals that apply to one agent: lines for everyone, overridden by lines for one of the agent's
 * groups (the first such section written wins), overridden by lines for the agent. CSAT goals come first:
 * the customer's satisfaction is the headline (goal-practice principle 5).
 */
export function goalsForAgent(
  goals: readonly Goal[],
  /** null: an agent with no section of their own (what a group's members get before agent overrides). */
  agentId: number | null,
  groupIds: readonly number[],
): Goal[] {
  const chosen = new Map<string, { goal: Goal; rank: number }>();
  const firstGroupSection = goals.find(
    (goal) => goal.audience.kind === 'group' && groupIds.includes(goal.audience.groupId),
  )?.audience;
  for (const goal of goals) {
    const { audience } = goal;
    let rank: number;
    if (audience.kind === 'everyone') rank = 0;
    else if (
      audience.kind === 'group' &&
      firstGroupSection?.kind === 'group' &&
      audience.groupId === firstGroupSection.groupId
    )
      rank = 1;
    else if (audience.kind === 'agent' && audience.agentId === agentId) rank = 2;
    else continue;
    const key = goalKey(goal);
    const current = chosen.get(key);
    if (!current || rank >= current.rank) chosen.set(key, { goal, rank });
  }
  const picked = [...chosen.values()].map((entry) => entry.goal);
  const order = new Map(goals.map((goal, index) => [goal, index]));
  return picked.sort(
    (a, b) =>
      Number(b.metric === 'csat') - Number(a.metric === 'csat') || (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}
