import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import type { DataError } from '../../data/engineState';
import { useTranslator } from '../i18n/TranslatorContext';

/** Why figures are stale (with their time) or missing; never a blank sidebar. */
export function DataNotice({
  error,
  refreshedAt,
  now,
  timeZone,
  onRetry,
}: {
  error: DataError;
  refreshedAt: number | null;
  now: number;
  timeZone: string;
  /** Nothing on screen yet: a way to try again now, besides the polite automatic retry. */
  onRetry?: () => void;
}) {
  const translator = useTranslator();
  const wait =
    error.kind === 'rateLimited'
      ? translator.duration(Math.max(1, Math.ceil((error.retryAt - now) / 60_000)))
      : '';
  const text =
    refreshedAt === null
      ? translator.t(`ui.unavailable.${error.kind}`, { wait })
      : translator.t(`ui.stale.${error.kind}`, { time: translator.time(refreshedAt, timeZone), wait });
  return (
    <Alert type={refreshedAt === null ? 'error' : 'warning'} role="status">
      <Alert.Paragraph>{text}</Alert.Paragraph>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          {translator.t('ui.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}
