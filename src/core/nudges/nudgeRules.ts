import { boundKindOf, METRIC_CATALOG } from '../goals/metricCatalog';
import type { MessageValue } from '../goals/message';
import type { TicketFact } from '../goals/ticketFacts';
import type { GoalProgress } from '../metrics/goalProgress';
import { QUALITY_ALARMS } from '../metrics/goalProgress';
import { expectedByNow } from '../metrics/goalProgress';
import type { TargetHistory } from '../metrics/teamHistory';
import { goalKey } from '../goals/goal';
import type { Nudge, NudgeKind, NudgeRuleId } from './nudge';

export interface NudgeInput {
  now: number;
  /** The agent's zone, for clock times in nudges ("by 13:00"). */
  timeZone: string;
  progress: readonly GoalProgress[];
  openTickets: readonly TicketFact[];
  solvedTickets: readonly TicketFact[];
  /** Minutes ahead within which an active SLA target counts as about to breach. */
  slaWarningMinutes: number;
  /** YYYY-MM-DD the admin last reviewed the goals, if ever (admin reminder after 90 days). */
  goalsReviewedOn?: string | null;
  /** Recent history of team goals (admins only), to spot unattainable or trivial targets. */
  targetHistory?: readonly TargetHistory[];
}

/** A nudge before ranking, with when its period ends (for dismissal). */
export interface NudgeCandidate extends Nudge {
  periodEnd: number;
}

export interface NudgeRule {
  id: NudgeRuleId;
  kind: NudgeKind;
  /** Good for the client, the team and the company: the reason this rule exists (goal-practice #14). */
  threeWayTest: string;
  evaluate(input: NudgeInput): NudgeCandidate[];
}

const DAY = 86_400_000;
const count = (value: number): MessageValue => ({ type: 'count', value });
const percent = (value: number): MessageValue => ({ type: 'percent', value });
const duration = (minutes: number): MessageValue => ({ type: 'duration', minutes: Math.round(minutes) });
const ticket = (id: number): MessageValue => ({ type: 'ticket', id });
const label = ({ goal }: GoalProgress): MessageValue => ({
  type: 'goal',
  scope: goal.scope,
  metric: goal.metric,
  period: goal.period,
});

function adminCandidate(
  rule: Pick<NudgeRule, 'id' | 'kind'>,
  key: string,
  params: Record<string, MessageValue>,
  now: number,
): NudgeCandidate {
  return { ...candidate(rule, 'settings', 20, key, params, now + DAY), audience: 'admin' };
}

function candidate(
  rule: Pick<NudgeRule, 'id' | 'kind'>,
  subject: string,
  priority: number,
  key: string,
  params: Record<string, MessageValue>,
  periodEnd: number,
  ticketId: number | null = null,
): NudgeCandidate {
  return {
    id: `${rule.id}:${subject}`,
    rule: rule.id,
    kind: rule.kind,
    priority,
    message: { key: `ui.nudges.${key}`, params },
    ticketId,
    audience: 'agent',
    periodEnd,
  };
}

const personal = (input: NudgeInput) => input.progress.filter((p) => p.goal.scope === 'me');
const periodEndOf = (p: GoalProgress, now: number) => p.bounds?.end ?? now + DAY;

export const qualityBelowFloor: NudgeRule = {
  id: 'quality-first',
  kind: 'quality',
  threeWayTest:
    'Unhappy customers come first; fixing quality protects the team’s reputation and the company’s retention.',
  evaluate(input) {
    return personal(input)
      .filter((p) => QUALITY_ALARMS.includes(p.status) && p.value !== null && p.goal.floor !== null)
      .map((p) => {
        const lastBad = [...input.solvedTickets]
          .filter(
            (t) =>
              t.satisfaction === 'bad' && p.bounds && t.solvedAt !== null && t.solvedAt >= p.bounds.start,
          )
          .sort((a, b) => b.updatedAt - a.updatedAt)[0];
        // "under your 80 % floor" for an at-least rate, "over the 8 % limit" for an at-most one; `count` is
        // the sample in its own unit (ratings for CSAT, solved tickets otherwise) and picks the plural form.
        const bound = boundKindOf(p.goal.metric);
        const params = {
          goal: label(p),
          value: percent(p.value ?? 0),
          [bound]: percent(p.goal.floor ?? 0),
          count: count(p.sampleSize),
        };
        const key = bound === 'floor' ? 'qualityBelowFloor' : 'qualityOverLimit';
        return lastBad && p.goal.metric === 'csat'
          ? candidate(
              this,
              p.goal.metric,
              100,
              `${key}WithTicket`,
              { ...params, ticket: ticket(lastBad.id) },
              periodEndOf(p, input.now),
              lastBad.id,
            )
          : candidate(this, p.goal.metric, 100, key, params, periodEndOf(p, input.now));
      });
  },
};

export const slaAboutToBreach: NudgeRule = {
  id: 'sla-soon',
  kind: 'risk',
  threeWayTest:
    'A customer is about to wait longer than promised; acting now keeps the promise the company made.',
  evaluate(input) {
    const soon = input.openTickets
      .filter(
        (t) =>
          t.activeSlaBreachAt !== null && t.activeSlaBreachAt - input.now <= input.slaWarningMinutes * 60_000,
      )
      .sort((a, b) => (a.activeSlaBreachAt ?? 0) - (b.activeSlaBreachAt ?? 0))[0];
    if (!soon || soon.activeSlaBreachAt === null) return [];
    const minutes = (soon.activeSlaBreachAt - input.now) / 60_000;
    return [
      minutes <= 0
        ? candidate(
            this,
            String(soon.id),
            95,
            'slaBreached',
            { ticket: ticket(soon.id), overdue: duration(-minutes) },
            input.now + DAY,
            soon.id,
          )
        : candidate(
            this,
            String(soon.id),
            95,
            'slaSoon',
            { ticket: ticket(soon.id), remaining: duration(minutes) },
            input.now + DAY,
            soon.id,
          ),
    ];
  },
};

export const firstReplyAtRisk: NudgeRule = {
  id: 'first-reply-at-risk',
  kind: 'risk',
  threeWayTest:
    'A customer has waited longest for any answer; a first reply helps them, the team’s queue and the promise.',
  evaluate(input) {
    const goal = personal(input).find((p) => p.goal.metric === 'first_reply');
    if (!goal) return [];
    const unreplied = input.openTickets
      .filter((t) => t.firstReplyMinutes.calendar === null && (t.status === 'new' || t.status === 'open'))
      .sort((a, b) => a.createdAt - b.createdAt)[0];
    if (!unreplied) return [];
    const waited = (input.now - unreplied.createdAt) / 60_000;
    if (waited < goal.goal.target * 0.75) return [];
    return [
      candidate(
        this,
        String(unreplied.id),
        90,
        'firstReplyAtRisk',
        { ticket: ticket(unreplied.id), waited: duration(waited), target: duration(goal.goal.target) },
        input.now + DAY,
        unreplied.id,
      ),
    ];
  },
};

export const behindPace: NudgeRule = {
  id: 'behind-pace',
  kind: 'pace',
  threeWayTest:
    'A gentle, concrete next step keeps the team’s plan on track without asking anyone to rush a customer; a target out of reach is named as such, never pushed.',
  evaluate(input) {
    return personal(input)
      .filter((p) => p.status === 'behind' && p.pace !== null && p.value !== null)
      .flatMap((p) => {
        const pace = p.pace;
        if (!pace || expectedByNow(pace) - (p.value ?? 0) < 1) return [];
        // At this rate the agent gets there: any "behind" wording would contradict "on pace for …".
        if (pace.projection !== null && pace.projection >= p.goal.target) return [];
        const subject = `${p.goal.metric}:${p.goal.period}`;
        if (!pace.isReachable) {
          // Said once, neutrally: pushing toward an unreachable number is the pressure that burns people out.
          return [
            {
              ...candidate(
                this,
                subject,
                15,
                'outOfReach',
                { goal: label(p), value: count(p.value ?? 0), target: count(p.goal.target) },
                periodEndOf(p, input.now),
              ),
              kind: 'info' as const,
            },
          ];
        }
        if (!pace.catchUp) return [];
        return [
          candidate(
            this,
            subject,
            50,
            'behindPace',
            {
              goal: label(p),
              // `count` selects the plural form of the text.
              count: count(pace.catchUp.count),
              time: { type: 'time', at: pace.catchUp.by, timeZone: input.timeZone },
            },
            periodEndOf(p, input.now),
          ),
        ];
      });
  },
};

export const goalReached: NudgeRule = {
  id: 'goal-reached',
  kind: 'celebration',
  threeWayTest: 'Recognising progress sincerely builds mastery and motivation, with no prize to game.',
  evaluate(input) {
    return personal(input)
      .filter((p) => p.status === 'achieved' && METRIC_CATALOG[p.goal.metric].unit === 'count')
      .map((p) =>
        candidate(
          this,
          `${p.goal.metric}:${p.goal.period}`,
          40,
          'goalReached',
          { goal: label(p), value: count(p.value ?? 0) },
          periodEndOf(p, input.now),
        ),
      );
  },
};

export const teamClose: NudgeRule = {
  id: 'team-close',
  kind: 'team',
  threeWayTest:
    'Shared progress over individual rank: the agent sees their part of a team result, never a comparison.',
  evaluate(input) {
    return input.progress
      .filter(
        (p) =>
          p.goal.scope === 'team' &&
          p.goal.metric === 'solved' &&
          p.status !== 'notVisible' &&
          p.value !== null &&
          p.fraction >= 0.8 &&
          p.fraction < 1,
      )
      .map((p) =>
        candidate(
          this,
          `${p.goal.metric}:${p.goal.period}`,
          30,
          'teamClose',
          {
            goal: label(p),
            remaining: count(Math.max(0, p.goal.target - (p.value ?? 0))),
            mine: count(p.share?.mine ?? 0),
          },
          periodEndOf(p, input.now),
        ),
      );
  },
};

export const notEnoughRatings: NudgeRule = {
  id: 'not-enough-data',
  kind: 'info',
  threeWayTest:
    'Judging on two ratings would be unfair to the agent and misleading to the company; say so honestly.',
  evaluate(input) {
    return personal(input)
      .filter((p) => p.goal.metric === 'csat' && p.status === 'notEnoughData' && p.sampleSize > 0)
      .map((p) =>
        candidate(
          this,
          p.goal.period,
          10,
          'notEnoughRatings',
          { goal: label(p), count: count(p.sampleSize) },
          periodEndOf(p, input.now),
        ),
      );
  },
};

/** Half-way is news only near half-way: at 9 of 12 it would be stale. */
export const HALFWAY_BAND = { from: 0.5, to: 0.75 } as const;

export const halfway: NudgeRule = {
  id: 'halfway',
  kind: 'celebration',
  threeWayTest:
    'A milestone noticed once keeps motivation intrinsic, without pushing anyone to rush the rest.',
  evaluate(input) {
    return personal(input)
      .filter(
        (p) =>
          METRIC_CATALOG[p.goal.metric].unit === 'count' &&
          METRIC_CATALOG[p.goal.metric].direction === 'higherIsBetter' &&
          p.goal.period !== 'now' &&
          p.fraction >= HALFWAY_BAND.from &&
          p.fraction < HALFWAY_BAND.to,
      )
      .map((p) =>
        candidate(
          this,
          `${p.goal.metric}:${p.goal.period}`,
          35,
          'halfway',
          { goal: label(p), value: count(p.value ?? 0), target: count(p.goal.target) },
          periodEndOf(p, input.now),
        ),
      );
  },
};

export const wellBeing: NudgeRule = {
  id: 'well-being',
  kind: 'wellbeing',
  threeWayTest: 'A rested agent serves customers better; recognising a strong day protects against burnout.',
  evaluate(input) {
    return personal(input)
      .filter(
        (p) =>
          p.goal.period === 'day' &&
          p.pace !== null &&
          p.pace.elapsedWorkFraction >= 0.75 &&
          p.goal.target > 0 &&
          (p.value ?? 0) >= p.goal.target * 1.25,
      )
      .map((p) =>
        candidate(
          this,
          `${p.goal.metric}:day`,
          38,
          'wellBeing',
          { goal: label(p), value: count(p.value ?? 0) },
          periodEndOf(p, input.now),
        ),
      );
  },
};

const REVIEW_AFTER_DAYS = 90;

export const reviewGoals: NudgeRule = {
  id: 'review-goals',
  kind: 'admin',
  threeWayTest:
    'Goals reviewed at least quarterly stay attainable for agents and aligned with what customers need now.',
  evaluate(input) {
    const reviewed = input.goalsReviewedOn ? Date.parse(`${input.goalsReviewedOn}T00:00:00Z`) : null;
    if (reviewed === null || Number.isNaN(reviewed))
      return [adminCandidate(this, 'reviewGoalsNever', {}, input.now)];
    const days = Math.floor((input.now - reviewed) / DAY);
    return days > REVIEW_AFTER_DAYS
      ? [adminCandidate(this, 'reviewGoals', { days: count(days) }, input.now)]
      : [];
  },
};

export const onlySpeedGoals: NudgeRule = {
  id: 'only-speed-goals',
  kind: 'admin',
  threeWayTest:
    'Speed without a quality goal invites rushing customers; a CSAT or reopen goal keeps the balance.',
  evaluate(input) {
    const families = input.progress.map((p) => METRIC_CATALOG[p.goal.metric].family);
    const hasSpeedOrVolume = families.some((f) => f === 'speed' || f === 'volume');
    return hasSpeedOrVolume && !families.includes('quality')
      ? [adminCandidate(this, 'onlySpeedGoals', {}, input.now)]
      : [];
  },
};

/** A target this far above recent history is likely unattainable; this far below, trivial. */
const STRETCH_LIMIT = 1.5;
const TRIVIAL_LIMIT = 0.5;

export const targetOutsideHistory: NudgeRule = {
  id: 'target-vs-history',
  kind: 'admin',
  threeWayTest:
    'Targets near what the team really does are challenging but attainable: no burnout, no empty wins.',
  evaluate(input) {
    return input.progress.flatMap((p) => {
      const history = input.targetHistory?.find((h) => h.goalKey === goalKey(p.goal));
      if (!history || history.median <= 0) return [];
      const ratio = p.goal.target / history.median;
      if (ratio <= STRETCH_LIMIT && ratio >= TRIVIAL_LIMIT) return [];
      const params = {
        goal: label(p),
        target: count(p.goal.target),
        median: count(Math.round(history.median)),
        periods: count(history.periods),
      };
      const direction = ratio > STRETCH_LIMIT ? 'Above' : 'Below';
      // A personal target is weighed against what the team's agents each did, not the team's total.
      const key = `target${direction}${history.basis === 'perAgent' ? 'AgentHistory' : 'History'}`;
      return [
        {
          ...adminCandidate(this, key, params, input.now),
          id: `${this.id}:${goalKey(p.goal)}`,
        },
      ];
    });
  },
};

/** Every rule, in the order they are documented. */
export const NUDGE_RULES: readonly NudgeRule[] = [
  qualityBelowFloor,
  slaAboutToBreach,
  firstReplyAtRisk,
  behindPace,
  goalReached,
  halfway,
  wellBeing,
  teamClose,
  notEnoughRatings,
  reviewGoals,
  onlySpeedGoals,
  targetOutsideHistory,
];

/** Nudge kinds silenced while a quality goal is below its floor: speed must not be pushed over quality. */
export const SPEED_KINDS: readonly NudgeKind[] = ['pace'];
