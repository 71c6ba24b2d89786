import type { Goal } from '../goals/goal';
import { goalsForAgent } from '../settings/goalsForAgent';

/** The people goals are set for, as the goal studio knows them (names for display only, never cached). */
export interface StudioDirectory {
  groups: readonly { id: number; name: string }[];
  agents: readonly StudioAgent[];
}

export interface StudioAgent {
  id: number;
  name: string;
  groupIds: readonly number[];
  /** Their default group (their team, unless the team is all their groups); unknown: the first. */
  defaultGroupId?: number | null;
  /** IANA name from their profile: a preview counts their periods in their own time zone. */
  timeZone?: string | null;
}

export interface EffectiveGoals {
  agentId: number;
  goals: Goal[];
}

/**
 * Who gets which goals once `[group]` and `[agent]` overrides are applied, by the same rule the sidebar uses
 * (goalsForAgent), sorted by agent name; and who gets none at all.
 */
export function effectiveGoals(
  goals: readonly Goal[],
  directory: StudioDirectory,
): { byAgent: EffectiveGoals[]; withoutGoals: number[] } {
  const agents = [...directory.agents].sort((a, b) => a.name.localeCompare(b.name));
  const byAgent = agents.map((agent) => ({
    agentId: agent.id,
    goals: goalsForAgent(goals, agent.id, agent.groupIds),
  }));
  return { byAgent, withoutGoals: byAgent.filter((entry) => entry.goals.length === 0).map((e) => e.agentId) };
}
