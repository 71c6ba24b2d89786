import { Progress } from '@zendeskgarden/react-loaders';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useId } from 'react';
import styled from 'styled-components';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import { useTranslator } from '../i18n/TranslatorContext';
import { StatusTag } from './StatusTag';
import { goalLabel, valueText } from './goalText';

const StyledRow = styled.li`
  margin-bottom: ${(p) => p.theme.space.sm};
  list-style: none;
`;

const StyledHeader = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`;

const StyledLabel = styled.span`
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const StyledDetail = styled(SM)`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const BAR_COLOR = {
  achieved: 'border.successEmphasis',
  onTrack: 'border.primaryEmphasis',
  behind: 'border.warningEmphasis',
  belowFloor: 'border.dangerEmphasis',
  notEnoughData: 'border.emphasis',
} as const;

export function GoalRow({ progress, now }: { progress: GoalProgress; now: number }) {
  const translator = useTranslator();
  const { t } = translator;
  const labelId = useId();
  const label = goalLabel(translator, progress.goal);
  const value = valueText(translator, progress);
  const { pace, share, oldestWaiting } = progress;
  const showPace = pace !== null && progress.status !== 'achieved';
  return (
    <StyledRow aria-labelledby={labelId}>
      <StyledHeader>
        <StyledLabel id={labelId}>{label}</StyledLabel>
        <StatusTag status={progress.status} />
      </StyledHeader>
      <SM>{value}</SM>
      <Progress
        value={Math.round(progress.fraction * 100)}
        aria-label={label}
        aria-valuetext={`${value}. ${t(`ui.status.${progress.status}`)}`}
        color={BAR_COLOR[progress.status]}
        size="small"
      />
      {showPace && (
        <StyledDetail>
          {t('ui.pace.milestone', { milestone: translator.number(pace.milestone, 1) })}
          {pace.projection !== null &&
            ` · ${t('ui.pace.projection', { projection: translator.number(pace.projection) })}`}
        </StyledDetail>
      )}
      {share && (
        <StyledDetail>
          {share.percent !== null
            ? t('ui.share', {
                mine: translator.number(share.mine),
                percent: translator.percent(share.percent),
                team: translator.number(share.team),
              })
            : t('ui.shareNone', { mine: translator.number(share.mine), team: translator.number(share.team) })}
        </StyledDetail>
      )}
      {oldestWaiting && (
        <StyledDetail>
          {t('ui.oldestWaiting', {
            ticket: String(oldestWaiting.ticketId),
            age: translator.age(now - oldestWaiting.since),
          })}
        </StyledDetail>
      )}
    </StyledRow>
  );
}
