import { Tag } from '@zendeskgarden/react-tags';
import styled from 'styled-components';
import type { GoalStatus } from '../../core/metrics/goalProgress';
import { useTranslator } from '../i18n/TranslatorContext';

// Each status has its own symbol and word, so colour is never the only signal.
const LOOK: Readonly<Record<GoalStatus, { hue: string; symbol: string }>> = {
  achieved: { hue: 'green', symbol: '✓' },
  onTrack: { hue: 'blue', symbol: '→' },
  behind: { hue: 'yellow', symbol: '↓' },
  belowFloor: { hue: 'red', symbol: '!' },
  withinTarget: { hue: 'green', symbol: '✓' },
  overTarget: { hue: 'yellow', symbol: '↑' },
  overLimit: { hue: 'red', symbol: '!' },
  stretch: { hue: 'azure', symbol: '◇' },
  notVisible: { hue: 'grey', symbol: '–' },
  notEnoughData: { hue: 'grey', symbol: '…' },
};

// Never squeezed: the label beside it wraps instead, so no locale's status word is clipped at 320 px.
const StyledTag = styled(Tag)`
  flex-shrink: 0;
  max-width: none;
`;

export function StatusTag({ status }: { status: GoalStatus }) {
  const { t } = useTranslator();
  const look = LOOK[status];
  return (
    <StyledTag hue={look.hue} size="medium" data-status={status}>
      <span aria-hidden="true">{look.symbol} </span>
      {t(`ui.status.${status}`)}
    </StyledTag>
  );
}
