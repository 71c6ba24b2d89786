/**
 * The goal studio's checks that need no history: each names the lines it concerns, so the editor can show it
 * where the admin typed. What one line alone gets wrong (a floor above its target, a repeated goal, a typo) is
 * the parser's to report; these look across lines and at the account's people. Pure functions over the parsed goals and the account's groups and agents.
 * (goal-practice: goals specific and measurable, balanced between speed and quality, aligned between team and
 * individual, and reviewed at least quarterly.)
 */
import type { Goal, GoalAudience } from '../goals/goal';
import { isQualityMetric, METRIC_CATALOG } from '../goals/metricCatalog';
import { goalsForAgent } from '../settings/goalsForAgent';
import type { StudioDirectory } from './effectiveGoals';
import { effectiveGoals } from './effectiveGoals';

export type GoalCheck =
  /** A `[group]` or `[agent]` section for an id the account does not have: its goals reach nobody. */
  | { kind: 'unknownAudience'; audience: Exclude<GoalAudience, { kind: 'everyone' }>; lines: number[] }
  /** Agents whose goals are all speed or volume: nothing guards quality (principle 4). */
  | { kind: 'noQualityGoal'; agentIds: number[]; lines: number[] }
  /** A team solved target far from what its members' personal targets add up to. */
  | {
      kind: 'teamOutOfLine';
      lines: number[];
      groupId: number;
      teamTarget: number;
      personalSum: number;
      members: number;
    }
  /** Not reviewed for over 90 days (or never): goals should be reviewed at least quarterly. */
  | { kind: 'notReviewed'; lines: []; reviewedOn: string | null; days: number | null };

const REVIEW_EVERY_DAYS = 90;
/** A team target below half or above twice what its members' personal targets add up to is out of line. */
const OUT_OF_LINE_FACTOR = 2;

export interface CheckContext {
  directory: StudioDirectory;
  /** `Goals last reviewed on` (YYYY-MM-DD), or null when never set. */
  goalsReviewedOn: string | null;
  now: number;
}

function unknownAudiences(goals: readonly Goal[], directory: StudioDirectory): GoalCheck[] {
  const groups = new Set(directory.groups.map((g) => g.id));
  const agents = new Set(directory.agents.map((a) => a.id));
  const unknown = new Map<string, Extract<GoalCheck, { kind: 'unknownAudience' }>>();
  for (const goal of goals) {
    const { audience } = goal;
    if (audience.kind === 'everyone') continue;
    const isKnown = audience.kind === 'group' ? groups.has(audience.groupId) : agents.has(audience.agentId);
    if (isKnown) continue;
    const key = JSON.stringify(audience);
    const check = unknown.get(key) ?? { kind: 'unknownAudience' as const, audience, lines: [] };
    check.lines.push(goal.line);
    unknown.set(key, check);
  }
  return [...unknown.values()];
}

function withoutQuality(goals: readonly Goal[], directory: StudioDirectory): GoalCheck[] {
  const { byAgent } = effectiveGoals(goals, directory);
  const unguarded = byAgent.filter(
    (entry) =>
      entry.goals.some((g) => ['speed', 'volume'].includes(METRIC_CATALOG[g.metric].family)) &&
      !entry.goals.some((g) => isQualityMetric(g.metric)),
  );
  if (unguarded.length === 0) return [];
  const lines = new Set(
    unguarded.flatMap((entry) =>
      entry.goals.filter((g) => !isQualityMetric(g.metric) && g.line > 0).map((g) => g.line),
    ),
  );
  return [
    {
      kind: 'noQualityGoal',
      agentIds: unguarded.map((entry) => entry.agentId),
      lines: [...lines].sort((a, b) => a - b),
    },
  ];
}

function teamsOutOfLine(goals: readonly Goal[], directory: StudioDirectory): GoalCheck[] {
  const checks: GoalCheck[] = [];
  for (const group of directory.groups) {
    const members = directory.agents.filter((agent) => agent.groupIds.includes(group.id));
    if (members.length === 0) continue;
    const memberGoals = members.map((agent) => goalsForAgent(goals, agent.id, agent.groupIds));
    // The team targets written for this group: its own section over the lines for everyone.
    const teamTargets = goalsForAgent(goals, null, [group.id]).filter(
      (goal) => goal.scope === 'team' && goal.metric === 'solved',
    );
    for (const team of teamTargets) {
      const personal = memberGoals.map((own) =>
        own.find((g) => g.scope === 'me' && g.metric === 'solved' && g.period === team.period),
      );
      // Someone without a personal target of that period: no sum to compare with.
      if (personal.some((g) => g === undefined)) continue;
      const personalSum = personal.reduce((sum, g) => sum + (g?.target ?? 0), 0);
      const isOutOfLine =
        team.target > personalSum * OUT_OF_LINE_FACTOR || team.target * OUT_OF_LINE_FACTOR < personalSum;
      if (!isOutOfLine) continue;
      checks.push({
        kind: 'teamOutOfLine',
        lines: [...new Set([team.line, ...personal.map((g) => g?.line ?? 0)])].filter((line) => line > 0),
        groupId: group.id,
        teamTarget: team.target,
        personalSum,
        members: members.length,
      });
    }
  }
  return checks;
}

function reviewAge(reviewedOn: string | null, now: number): GoalCheck[] {
  if (reviewedOn === null) return [{ kind: 'notReviewed', lines: [], reviewedOn: null, days: null }];
  const days = Math.floor((now - Date.parse(`${reviewedOn}T00:00:00Z`)) / 86_400_000);
  return days > REVIEW_EVERY_DAYS ? [{ kind: 'notReviewed', lines: [], reviewedOn, days }] : [];
}

/** Every history-free check of the goals, in the order an admin should read them. */
export function checkGoals(goals: readonly Goal[], context: CheckContext): GoalCheck[] {
  return [
    ...unknownAudiences(goals, context.directory),
    ...teamsOutOfLine(goals, context.directory),
    ...withoutQuality(goals, context.directory),
    ...reviewAge(context.goalsReviewedOn, context.now),
  ];
}
