/**
 * Another agent's current figures, for an admin's preview of the draft goals or a lead's team page: the same
 * fetch plan and snapshot fetch as that agent's own sidebar, asking search for `assignee:<their id>` instead
 * of `assignee:me` (admins may search every ticket, leads their groups'), in the agent's own time zone.
 */
import type { Goal } from '../../core/goals/goal';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import { planFetch } from '../../core/metrics/fetchPlan';
import type { AppSettings } from '../../core/settings/appSettings';
import { goalsForAgent } from '../../core/settings/goalsForAgent';
import type { StudioAgent } from '../../core/studio/effectiveGoals';
import { teamGroupsOf } from '../engine/createAgentEngine';
import { isValidZone } from '../../core/periods/timeZone';
import { fetchAgentSnapshot } from './fetchAgentSnapshot';
import type { PoliteGet } from './politeRequest';

export interface OtherAgentFigures {
  agentId: number;
  goals: Goal[];
  snapshot: AgentSnapshot;
  timeZone: string;
  teamGroupIds: number[];
  /** Requests the preview sent, shown beside it (they count against the account's budget like any other). */
  requests: number;
}

export async function fetchOtherAgentFigures(
  get: PoliteGet,
  agent: StudioAgent,
  settings: AppSettings,
  context: { now: number; fallbackTimeZone: string; personalOnly?: boolean },
): Promise<OtherAgentFigures> {
  const timeZone = isValidZone(agent.timeZone) ? agent.timeZone : context.fallbackTimeZone;
  // A team page shows team goals once for the group, not once per agent.
  const goals = goalsForAgent(settings.goals, agent.id, agent.groupIds).filter(
    (goal) => !context.personalOnly || goal.scope === 'me',
  );
  const teamGroupIds = teamGroupsOf(
    { groupIds: agent.groupIds, defaultGroupId: agent.defaultGroupId ?? null },
    settings,
  );
  const plan = planFetch(goals, {
    now: context.now,
    timeZone,
    weekStartsOn: settings.weekStartsOn,
    teamGroupIds,
  });
  let requests = 0;
  const counted: PoliteGet = (url) => {
    requests += 1;
    return get(url);
  };
  const snapshot = await fetchAgentSnapshot(counted, agent.id, plan, context.now, { assignee: agent.id });
  return { agentId: agent.id, goals, snapshot, timeZone, teamGroupIds, requests };
}
