import type { Goal } from '../goals/goal';

/**
 * Goals used when an admin has configured none, from published figures only (goal-practice.md):
 * CSAT 85 % with an 80 % floor (Zendesk benchmark: 82–86 % average) and a median first reply within
 * 4 business hours for email (Zendesk's "better" tier). Solved counts, resolution time and backlog have
 * no credible cross-company figure, so no default is invented for them.
 */
export const DEFAULT_GOALS: readonly Goal[] = [
  {
    scope: 'me',
    metric: 'csat',
    target: 85,
    period: 'week',
    floor: 80,
    audience: { kind: 'everyone' },
    line: 0,
  },
  {
    scope: 'me',
    metric: 'first_reply',
    target: 240,
    period: 'week',
    floor: null,
    audience: { kind: 'everyone' },
    line: 0,
  },
];
