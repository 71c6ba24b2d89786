import { Alert } from '@zendeskgarden/react-notifications';
import type { SnapshotGaps } from '../../core/goals/ticketFacts';
import { hasGaps } from '../../core/goals/ticketFacts';
import { useTranslator } from '../i18n/TranslatorContext';

/** Figures built from partial data say so, instead of passing an undercount off as the truth. */
export function GapsNotice({ gaps }: { gaps: SnapshotGaps | undefined }) {
  const { t } = useTranslator();
  if (!gaps || !hasGaps(gaps)) return null;
  const reasons = [
    gaps.isIncomplete ? t('ui.gaps.incomplete') : null,
    gaps.unreadableRecords > 0 ? t('ui.gaps.unreadable', { count: gaps.unreadableRecords }) : null,
    gaps.ticketsWithoutMetrics > 0
      ? t('ui.gaps.withoutMetrics', { count: gaps.ticketsWithoutMetrics })
      : null,
  ].filter((reason): reason is string => reason !== null);
  return (
    <Alert type="warning" role="status">
      <Alert.Paragraph>
        {t('ui.gaps.intro')} {reasons.join(' ')}
      </Alert.Paragraph>
    </Alert>
  );
}
