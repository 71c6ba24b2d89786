import type { Goal } from '../../src/core/goals/goal';
import type { AgentSnapshot, TicketFact } from '../../src/core/goals/ticketFacts';
import type { EvaluationContext } from '../../src/core/metrics/evaluateGoals';
import { EMPTY_NUDGE_HISTORY } from '../../src/core/nudges/nudgeHistory';
import type { NudgeSelection } from '../../src/core/nudges/selectNudges';

let nextId = 4500;

/** A realistic solved-or-open ticket with overridable fields; ids count up like Zendesk's. */
export function ticketFact(overrides: Partial<TicketFact> = {}): TicketFact {
  nextId += 1;
  return {
    id: nextId,
    status: 'solved',
    assigneeId: 3720451,
    groupId: 360001234567,
    createdAt: Date.parse('2026-11-18T08:05:00Z'),
    updatedAt: Date.parse('2026-11-18T11:40:00Z'),
    solvedAt: Date.parse('2026-11-18T11:40:00Z'),
    satisfaction: 'unoffered',
    firstReplyMinutes: { calendar: 95, business: 95 },
    fullResolutionMinutes: { calendar: 215, business: 215 },
    publicReplies: 2,
    reopens: 0,
    activeSlaBreachAt: null,
    ...overrides,
  };
}

export function snapshotOf(overrides: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return {
    agentId: 3720451,
    fetchedAt: Date.parse('2026-11-18T12:00:00Z'),
    solvedSince: Date.parse('2026-10-01T00:00:00Z'),
    solvedTickets: [],
    openTickets: [],
    ownCounts: [],
    teamCounts: [],
    countsFetchedAt: Date.parse('2026-11-18T12:00:00Z'),
    isTeamViewPartial: false,
    ...overrides,
  };
}

/** A goal as the parser makes it: `me solved 25 day` for everyone, unless overridden. */
export function goalOf(overrides: Partial<Goal> = {}): Goal {
  return {
    scope: 'me',
    metric: 'solved',
    target: 25,
    period: 'day',
    floor: null,
    audience: { kind: 'everyone' },
    line: 1,
    ...overrides,
  };
}

/** Wednesday 18 November 2026, 14:00 in Dublin (UTC+0 in winter), a 09:00–17:00 weekday agent. */
export const DUBLIN_WEDNESDAY: EvaluationContext = {
  now: Date.parse('2026-11-18T14:00:00Z'),
  timeZone: 'Europe/Dublin',
  weekStartsOn: 1,
  workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
  timeBasis: 'business',
  csatMinimumRatings: 10,
  teamGroupIds: [360001234567],
};

/** Nudge selection in working time with nudges on and nothing dismissed; overrides say what matters. */
export function nudgeSelectionOf(
  overrides: Partial<NudgeSelection> & Pick<NudgeSelection, 'now'>,
): NudgeSelection {
  return {
    timeZone: 'Europe/Dublin',
    progress: [],
    openTickets: [],
    solvedTickets: [],
    slaWarningMinutes: 30,
    history: EMPTY_NUDGE_HISTORY,
    nudgesEnabled: true,
    disabledRules: [],
    isWorkingTime: true,
    ...overrides,
  };
}
