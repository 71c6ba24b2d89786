import type { Goal } from '../../core/goals/goal';
import type { AgentSnapshot } from '../../core/goals/ticketFacts';
import { planFetch } from '../../core/metrics/fetchPlan';
import type { WeekStart } from '../../core/settings/appSettings';
import type { PoliteGet } from '../zendesk/politeRequest';
import { fetchAgentSnapshot, fetchSnapshotChanges } from '../zendesk/fetchAgentSnapshot';
import type { SnapshotSource } from './engineTypes';

export interface SnapshotSourceOptions {
  get: PoliteGet;
  agentId: number;
  goals: readonly Goal[];
  timeZone: string;
  weekStartsOn: WeekStart;
  teamGroupIds: readonly number[];
  isTeamViewPartial: boolean;
  /**
   * How often the counts (team figures, the earlier part of long windows) and the backlog list are fetched
   * in full; in between, one search for the agent's changed tickets keeps their own figures current.
   */
  countsRefreshMinutes?: number;
  /** Draws each gap between count refreshes within ±25 %, so a team's agents drift apart; Math.random by default. */
  random?: () => number;
}

/** Connects the engine to Zendesk: the goals decide what is fetched, for the windows that contain `now`. */
export function createZendeskSnapshotSource(options: SnapshotSourceOptions): SnapshotSource {
  const plan = (now: number) =>
    planFetch(options.goals, {
      now,
      timeZone: options.timeZone,
      weekStartsOn: options.weekStartsOn,
      teamGroupIds: options.teamGroupIds,
    });
  const countsEveryMs = (options.countsRefreshMinutes ?? 30) * 60_000;
  const random = options.random ?? Math.random;
  const drawGap = () => countsEveryMs * (0.75 + 0.5 * random());
  let countsGapMs = drawGap();
  const redrawAfter = async (fetching: Promise<AgentSnapshot>, now: number) => {
    const snapshot = await fetching;
    if (snapshot.countsFetchedAt === now) countsGapMs = drawGap();
    return snapshot;
  };
  return {
    full: (now, { onPersonal, memo, previous } = {}) =>
      redrawAfter(
        fetchAgentSnapshot(options.get, options.agentId, plan(now), now, {
          isTeamViewPartial: options.isTeamViewPartial,
          onPersonal,
          memo,
          knownOpenTickets: previous?.openTickets,
        }),
        now,
      ),
    changes: (previous, now, { memo, isAsked = false } = {}) =>
      redrawAfter(
        fetchSnapshotChanges(options.get, previous, plan(now), now, {
          isTeamViewPartial: options.isTeamViewPartial,
          // Figures from the future (a clock moved back) are due as well: their age is unknown.
          countsAreDue:
            isAsked || !(now >= previous.countsFetchedAt && now - previous.countsFetchedAt < countsGapMs),
          memo,
        }),
        now,
      ),
    solvedSince: (now) => plan(now).solvedSince,
  };
}
