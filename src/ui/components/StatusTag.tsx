import { Tag } from '@zendeskgarden/react-tags';
import type { GoalStatus } from '../../core/metrics/goalProgress';
import { useTranslator } from '../i18n/TranslatorContext';

// Each status has its own symbol and word, so colour is never the only signal.
const LOOK: Readonly<Record<GoalStatus, { hue: string; symbol: string }>> = {
  achieved: { hue: 'green', symbol: '✓' },
  onTrack: { hue: 'blue', symbol: '→' },
  behind: { hue: 'yellow', symbol: '↓' },
  belowFloor: { hue: 'red', symbol: '!' },
  notEnoughData: { hue: 'grey', symbol: '…' },
};

export function StatusTag({ status }: { status: GoalStatus }) {
  const { t } = useTranslator();
  const look = LOOK[status];
  return (
    <Tag hue={look.hue} size="small" data-status={status}>
      <span aria-hidden="true">{look.symbol} </span>
      {t(`ui.status.${status}`)}
    </Tag>
  );
}
