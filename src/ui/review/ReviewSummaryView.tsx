import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useId, useRef, useState } from 'react';
import type { Goal } from '../../core/goals/goal';
import { METRIC_CATALOG } from '../../core/goals/metricCatalog';
import type { TicketFact } from '../../core/goals/ticketFacts';
import { toCsv } from '../../core/review/csv';
import type {
  GoalReview,
  ReviewSettings,
  ReviewSummary,
  ReviewUnit,
  ReviewWindow,
} from '../../core/review/reviewSummary';
import { reviewSummary, reviewWindow } from '../../core/review/reviewSummary';
import { goalWithTarget } from '../components/goalText';
import { Sparkline, spokenPoints } from '../components/TrendLine';
import type { GoalTrend } from '../../core/trends/goalTrend';
import type { Translator } from '../i18n/translator';
import { useTranslator } from '../i18n/TranslatorContext';

const CHOICES: readonly { unit: ReviewUnit; offset: number }[] = [
  { unit: 'month', offset: 0 },
  { unit: 'month', offset: 1 },
  { unit: 'quarter', offset: 0 },
  { unit: 'quarter', offset: 1 },
];

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; summary: ReviewSummary; isIncomplete: boolean };

/** "October 2026", "Q4 2026", in the subject's time zone. */
export function windowLabel(translator: Translator, window: ReviewWindow, timeZone: string): string {
  const middle = window.start + (window.end - window.start) / 2;
  if (window.unit === 'month')
    return new Intl.DateTimeFormat(translator.locale, { month: 'long', year: 'numeric', timeZone }).format(
      middle,
    );
  const parts = new Intl.DateTimeFormat('en', { month: 'numeric', year: 'numeric', timeZone }).formatToParts(
    middle,
  );
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? 1);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return translator.t('ui.review.quarterLabel', { quarter: Math.ceil(month / 3), year });
}

function overallText(translator: Translator, review: GoalReview): string {
  const { value, sampleSize } = review.overall;
  if (value === null) return translator.t('ui.review.noOverall');
  switch (METRIC_CATALOG[review.goal.metric].unit) {
    case 'count':
      return translator.number(value);
    case 'percent':
      return translator.t('ui.review.rateOf', { value: translator.percent(value), count: sampleSize });
    case 'minutes':
      return translator.t('ui.review.medianOf', { value: translator.duration(value), count: sampleSize });
  }
}

/** One goal in a sentence: how often its own periods met the target, and its figure over the window. */
export function goalSentence(translator: Translator, review: GoalReview, window: ReviewWindow): string {
  const unit = review.goal.period === 'now' ? 'day' : review.goal.period;
  return translator.t(`ui.review.goal.${window.unit}`, {
    goal: goalWithTarget(translator, review.goal),
    met: translator.t(`ui.review.met.${unit}`, { met: review.met, count: review.judged }),
    overall: overallText(translator, review),
  });
}

/** A review's periods as a trend, to draw with the sidebar's sparkline. */
function asTrend(review: GoalReview): GoalTrend {
  const points = review.periods.map((period) => ({ ...period, ratings: null }));
  return {
    goal: review.goal,
    unit: review.goal.period === 'now' ? 'day' : review.goal.period,
    points,
    judged: review.judged,
    met: review.met,
    last: points[points.length - 1] ?? null,
  };
}

const ticketList = (ids: readonly number[]) => ids.map((id) => `#${id}`).join(', ');

/**
 * A review-ready summary of one agent's month or quarter: each goal met or not in its own periods, its figure
 * over the window, and the tickets behind bad ratings and reopens, in plain sentences; printable and
 * exportable as CSV. Nothing is fetched until the summary is asked for.
 */
export function ReviewSummaryView({
  subjectName,
  timeZone,
  goals,
  settings,
  now,
  loadTickets,
  headingLevel = 2,
}: {
  subjectName: string;
  timeZone: string;
  goals: readonly Goal[];
  settings: ReviewSettings;
  now: () => number;
  loadTickets: (window: ReviewWindow) => Promise<{ tickets: readonly TicketFact[]; isIncomplete: boolean }>;
  /** Its title's level in the page's outline (2 on an agent's own page, 4 inside a team page card). */
  headingLevel?: 2 | 4;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const pickerId = useId();
  const [choice, setChoice] = useState(0);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const sectionRef = useRef<HTMLElement>(null);

  function print() {
    // Only this summary goes on paper (PrintOneSummary), then the page is as it was.
    const section = sectionRef.current;
    section?.setAttribute('data-printing', '');
    document.body.classList.add('printing-summary');
    window.print();
    document.body.classList.remove('printing-summary');
    section?.removeAttribute('data-printing');
  }
  const windowOf = (index: number) => {
    const option = CHOICES[index] ?? CHOICES[0]!;
    return reviewWindow(option.unit, now(), timeZone, option.offset);
  };

  async function show() {
    setState({ kind: 'loading' });
    const window = windowOf(choice);
    try {
      const { tickets, isIncomplete } = await loadTickets(window);
      setState({
        kind: 'ready',
        summary: reviewSummary(goals, tickets, { window, now: now(), timeZone, settings }),
        isIncomplete,
      });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  function downloadCsv(summary: ReviewSummary) {
    const period = windowLabel(translator, summary.window, timeZone);
    const rows = [
      [
        t('ui.review.csv.agent'),
        t('ui.review.csv.period'),
        t('ui.review.csv.goal'),
        t('ui.review.csv.met'),
        t('ui.review.csv.periods'),
        t('ui.review.csv.overall'),
      ],
      ...summary.goals.map((review) => [
        subjectName,
        period,
        goalWithTarget(translator, review.goal),
        review.met,
        review.judged,
        overallText(translator, review),
      ]),
      [
        subjectName,
        period,
        t('ui.review.csv.badlyRated'),
        summary.badlyRated.length,
        '',
        ticketList(summary.badlyRated),
      ],
      [
        subjectName,
        period,
        t('ui.review.csv.reopened'),
        summary.reopened.length,
        '',
        ticketList(summary.reopened),
      ],
    ];
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `goalpost-review-${subjectName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${period.replace(/\s+/g, '-')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section ref={sectionRef} aria-label={t('ui.review.title', { agent: subjectName })}>
      <MD tag={`h${headingLevel}`} isBold>
        {t('ui.review.title', { agent: subjectName })}
      </MD>
      <div className="no-print">
        <label htmlFor={pickerId}>{t('ui.review.periodPick')}</label>{' '}
        <select id={pickerId} value={choice} onChange={(event) => setChoice(Number(event.target.value))}>
          {CHOICES.map((option, index) => (
            <option key={`${option.unit}:${option.offset}`} value={index}>
              {windowLabel(translator, windowOf(index), timeZone)}
            </option>
          ))}
        </select>{' '}
        <Button size="small" onClick={() => void show()}>
          {t('ui.review.show')}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === 'loading' && <SM>{t('ui.review.loading')}</SM>}
        {state.kind === 'failed' && <SM>{t('ui.review.failed')}</SM>}
        {state.kind === 'ready' && (
          <>
            <MD tag={`h${headingLevel + 1}`} isBold>
              {windowLabel(translator, state.summary.window, timeZone)}
            </MD>
            <SM>{t('ui.review.solved', { count: state.summary.solved })}</SM>
            {state.isIncomplete && <SM>{t('ui.review.incomplete')}</SM>}
            <ul>
              {state.summary.goals.map((review) => (
                <li key={`${review.goal.scope}:${review.goal.metric}:${review.goal.period}`}>
                  {goalSentence(translator, review, state.summary.window)}
                  {review.judged > 1 && (
                    <>
                      {' '}
                      <Sparkline trend={asTrend(review)} label={spokenPoints(translator, asTrend(review))} />
                    </>
                  )}
                </li>
              ))}
              <li>
                {state.summary.badlyRated.length === 0
                  ? t('ui.review.noBadRatings')
                  : t('ui.review.badRatings', {
                      count: state.summary.badlyRated.length,
                      tickets: ticketList(state.summary.badlyRated),
                    })}
              </li>
              <li>
                {state.summary.reopened.length === 0
                  ? t('ui.review.noReopens')
                  : t('ui.review.reopens', {
                      count: state.summary.reopened.length,
                      tickets: ticketList(state.summary.reopened),
                    })}
              </li>
            </ul>
            <div className="no-print">
              <Button size="small" onClick={print}>
                {t('ui.review.print')}
              </Button>{' '}
              <Button size="small" onClick={() => downloadCsv(state.summary)}>
                {t('ui.review.csvButton')}
              </Button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
