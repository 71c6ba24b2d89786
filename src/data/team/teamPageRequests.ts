/**
 * What the team page asks Zendesk, for admins and team leads only (never for an agent: the page decides before
 * any of this runs). Endpoints, checked against the Support OpenAPI description:
 * `GET /api/v2/groups/{group_id}/users` (Allowed for: admins, agents and light agents), and
 * `GET /api/v2/search/count`, `GET /api/v2/search` and `GET /api/v2/tickets/show_many` with `assignee:<id>` or
 * `group:<id>` (agents see what their ticket access allows: a lead, their groups' tickets).
 */
import * as v from 'valibot';
import { headlineGoals } from '../../core/board/boardOrder';
import type { AgentSnapshot, TeamCount } from '../../core/goals/ticketFacts';
import { planFetch } from '../../core/metrics/fetchPlan';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import { evaluateGoals, evaluationContextOf } from '../../core/metrics/evaluateGoals';
import type { AppSettings } from '../../core/settings/appSettings';
import { goalsForAgent } from '../../core/settings/goalsForAgent';
import type { StudioAgent } from '../../core/studio/effectiveGoals';
import type { ConversationStarter } from '../../core/team/conversationStarters';
import { conversationStarters } from '../../core/team/conversationStarters';
import type { GoalTrend } from '../../core/trends/goalTrend';
import { planTrends } from '../../core/trends/goalTrend';
import type { TrendCache } from '../trends/fetchTrendCounts';
import { fetchGoalTrends } from '../trends/fetchTrendCounts';
import { fetchOtherAgentFigures } from '../zendesk/fetchOtherAgentFigures';
import type { PoliteGet } from '../zendesk/politeRequest';
import { RequestFailure } from '../zendesk/requestFailure';
import { countUrl, searchUrl, teamCountQuery, utc } from '../zendesk/searchQuery';
import { CountResponseSchema, SearchResponseSchema } from '../zendesk/zendeskSchemas';

const id = v.pipe(v.number(), v.safeInteger());
const GroupUsersSchema = v.object({
  users: v.array(
    v.object({
      id,
      name: v.string(),
      role: v.optional(v.string(), 'agent'),
      iana_time_zone: v.nullish(v.string()),
    }),
  ),
  next_page: v.optional(v.nullable(v.string())),
});
/** A group of up to 500 people is listed whole; a bigger one shows its first 500. */
const MAX_PAGES = 5;

/** The people of a group who work tickets (agents and admins), sorted by name. */
export async function fetchGroupMembers(get: PoliteGet, groupId: number): Promise<StudioAgent[]> {
  const members: StudioAgent[] = [];
  let url: string | null = `/api/v2/groups/${groupId}/users.json`;
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    const body: unknown = await get(url);
    const parsed = v.safeParse(GroupUsersSchema, body);
    if (!parsed.success) throw new RequestFailure({ kind: 'malformed' });
    for (const user of parsed.output.users) {
      if (user.role !== 'agent' && user.role !== 'admin') continue;
      members.push({
        id: user.id,
        name: user.name,
        // Their goals are read as this group's members': the page is about this group.
        groupIds: [groupId],
        defaultGroupId: groupId,
        timeZone: user.iana_time_zone ?? null,
      });
    }
    url = parsed.output.next_page ? parsed.output.next_page.replace(/^https?:\/\/[^/]+/, '') : null;
  }
  return members.sort((a, b) => a.name.localeCompare(b.name));
}

const trendContextOf = (settings: AppSettings, now: number, timeZone: string, teamGroupIds: number[]) => ({
  now,
  timeZone,
  weekStartsOn: settings.weekStartsOn,
  workingHours: settings.workingHours,
  teamGroupIds,
});

export interface TeamGoalsFigures {
  progress: GoalProgress[];
  trends: GoalTrend[];
}

/** The group's team goals this period (one count each) and their last 8 periods, in the viewer's zone. */
export async function fetchTeamGoals(
  get: PoliteGet,
  groupId: number,
  settings: AppSettings,
  context: { now: number; timeZone: string; cache: TrendCache },
): Promise<TeamGoalsFigures> {
  const goals = goalsForAgent(settings.goals, null, [groupId]).filter((goal) => goal.scope === 'team');
  const { now, timeZone } = context;
  const plan = planFetch(goals, {
    now,
    timeZone,
    weekStartsOn: settings.weekStartsOn,
    teamGroupIds: [groupId],
  });
  const teamCounts: TeamCount[] = [];
  for (const request of plan.teamCounts) {
    const body = v.safeParse(CountResponseSchema, await get(countUrl(teamCountQuery(request))));
    if (body.success) teamCounts.push({ ...request, count: body.output.count });
  }
  // Team goals read only the team's counts: no one's tickets are listed.
  const snapshot: AgentSnapshot = {
    agentId: 0,
    fetchedAt: now,
    solvedSince: now,
    solvedTickets: [],
    openTickets: [],
    ownCounts: [],
    teamCounts,
    countsFetchedAt: now,
    isTeamViewPartial: false,
    gaps: { unreadableRecords: 0, ticketsWithoutMetrics: 0, isIncomplete: false },
  };
  const progress = evaluateGoals(
    goals,
    snapshot,
    evaluationContextOf(settings, { now, timeZone, teamGroupIds: [groupId] }),
  );
  const trends = await fetchGoalTrends(
    get,
    planTrends(goals, trendContextOf(settings, now, timeZone, [groupId])),
    context.cache,
    settings.csatMinimumRatings,
    'me',
  );
  return { progress, trends };
}

export interface AgentCard {
  agent: StudioAgent;
  timeZone: string;
  progress: GoalProgress[];
  trends: GoalTrend[];
  starters: ConversationStarter[];
}

/** This period's badly rated tickets of one agent (newest first): one search page. */
async function badRatedTickets(get: PoliteGet, agentId: number, since: number): Promise<number[]> {
  const query = `type:ticket assignee:${agentId} status>=solved solved>=${utc(since)} satisfaction:bad satisfaction:badwithcomment`;
  const body = v.safeParse(SearchResponseSchema, await get(searchUrl(query, 1)));
  if (!body.success) return [];
  return body.output.results
    .flatMap((result) => (typeof result.id === 'number' ? [result.id] : []))
    .reverse();
}

/**
 * One agent's card: their personal goals this period (in their time zone, by the sidebar's own fetch plan
 * and core), their headline goals' last 8 periods, and conversation starters drawn from those figures.
 */
export async function fetchAgentCard(
  get: PoliteGet,
  agent: StudioAgent,
  settings: AppSettings,
  context: { now: number; fallbackTimeZone: string; cache: TrendCache },
): Promise<AgentCard> {
  const { now } = context;
  const figures = await fetchOtherAgentFigures(get, agent, settings, {
    now,
    fallbackTimeZone: context.fallbackTimeZone,
    personalOnly: true,
  });
  const { timeZone } = figures;
  const progress = evaluateGoals(
    figures.goals,
    figures.snapshot,
    evaluationContextOf(settings, { now, timeZone, teamGroupIds: figures.teamGroupIds }),
  );
  const trends = await fetchGoalTrends(
    get,
    planTrends(headlineGoals(figures.goals), trendContextOf(settings, now, timeZone, [])),
    context.cache,
    settings.csatMinimumRatings,
    agent.id,
  );
  const csat = progress.find((p) => p.goal.metric === 'csat' && p.bounds !== null);
  const badRatedTicketIds = csat?.bounds ? await badRatedTickets(get, agent.id, csat.bounds.start) : [];
  return {
    agent,
    timeZone,
    progress,
    trends,
    starters: conversationStarters({ progress, trends, badRatedTicketIds }),
  };
}
