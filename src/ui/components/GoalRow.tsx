import { Anchor } from '@zendeskgarden/react-buttons';
import { Progress } from '@zendeskgarden/react-loaders';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { Suspense, useId } from 'react';
import styled from 'styled-components';
import type { GoalProgress, GoalStatus } from '../../core/metrics/goalProgress';
import type { GoalTrend } from '../../core/trends/goalTrend';
import { expectedByNow } from '../../core/metrics/goalProgress';
import { useClient } from '../ClientProvider';
import { lazyWithSidebarTexts } from '../i18n/lazyWithSidebarTexts';
import { useTranslator } from '../i18n/TranslatorContext';
import { StatusTag } from './StatusTag';
import { goalLabel, valueText } from './goalText';

/**
 * Trend lines come after the figures: their drawing and words are chunks of their own, fetched by the first row
 * that has a trend, so the first paint's bundle carries the bars alone. A chunk that cannot load leaves the row
 * without its line, not the sidebar without its board.
 */
const trendLineFor = lazyWithSidebarTexts<{ trend: GoalTrend }>(
  () => import(/* webpackChunkName: "trends" */ './TrendLine').then((module) => module.TrendLine),
  () => null,
);

const StyledRow = styled.li`
  margin-bottom: ${(p) => p.theme.space.sm};
  list-style: none;
`;

const StyledHeader = styled.div`
  display: flex;
  align-items: flex-start;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`;

const StyledLabel = styled.span`
  min-width: 0;
  overflow-wrap: anywhere;
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const StyledDetail = styled(SM)`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const BAR_COLOR: Readonly<Record<GoalStatus, string>> = {
  achieved: 'border.successEmphasis',
  onTrack: 'border.primaryEmphasis',
  behind: 'border.warningEmphasis',
  belowFloor: 'border.dangerEmphasis',
  withinTarget: 'border.successEmphasis',
  overTarget: 'border.warningEmphasis',
  overLimit: 'border.dangerEmphasis',
  stretch: 'border.primaryEmphasis',
  notVisible: 'border.emphasis',
  notEnoughData: 'border.emphasis',
};

/** Pace is shown only where it helps: an at-least count goal still in play, and never for a stretch. */
const SHOWS_PACE: readonly GoalStatus[] = ['onTrack', 'behind'];

export function GoalRow({
  progress,
  now,
  trend = null,
}: {
  progress: GoalProgress;
  now: number;
  /** The goal's last periods, once loaded (headline solved and CSAT goals). */
  trend?: GoalTrend | null;
}) {
  const translator = useTranslator();
  const client = useClient();
  const { t } = translator;
  const labelId = useId();
  const label = goalLabel(translator, progress.goal);
  const value = valueText(translator, progress);
  const { pace, share, oldestWaiting, stretch } = progress;
  const TrendLine = trendLineFor(translator.locale);
  return (
    <StyledRow aria-labelledby={labelId}>
      <StyledHeader>
        <StyledLabel id={labelId}>{label}</StyledLabel>
        <StatusTag status={progress.status} />
      </StyledHeader>
      <SM>{value}</SM>
      {progress.status !== 'notVisible' && (
        <Progress
          value={Math.round(progress.fraction * 100)}
          aria-label={label}
          aria-valuetext={`${value}. ${t(`ui.status.${progress.status}`)}`}
          color={BAR_COLOR[progress.status]}
          size="small"
        />
      )}
      {pace !== null && SHOWS_PACE.includes(progress.status) && (
        <StyledDetail>
          {t('ui.pace.expected', { expected: expectedByNow(pace) })}
          {pace.projection !== null &&
            ` · ${t('ui.pace.projection', { projection: Math.round(pace.projection) })}`}
        </StyledDetail>
      )}
      {stretch && (
        <StyledDetail>{t('ui.pace.stretch', { best: stretch.best, periods: stretch.periods })}</StyledDetail>
      )}
      {share && share.team > 0 && share.percent !== null && (
        <StyledDetail>
          {t('ui.share', { mine: share.mine, team: share.team, percent: translator.percent(share.percent) })}
        </StyledDetail>
      )}
      {oldestWaiting && (
        <StyledDetail>
          {t('ui.oldestWaiting', { age: translator.age(now - oldestWaiting.since) })}{' '}
          <Anchor
            href={`#ticket-${oldestWaiting.ticketId}`}
            onClick={(event) => {
              event.preventDefault();
              client.openTicket(oldestWaiting.ticketId);
            }}
          >
            {t('ui.ticketLink', { ticket: String(oldestWaiting.ticketId) })}
          </Anchor>
        </StyledDetail>
      )}
      {trend && (
        <Suspense fallback={null}>
          <TrendLine trend={trend} />
        </Suspense>
      )}
    </StyledRow>
  );
}
