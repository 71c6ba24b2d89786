import { AppThemeProvider } from './theme/AppThemeProvider';
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { SidebarTitle } from './components/SidebarTitle';
import type { Translator } from './i18n/translator';

/** Before the board exists: loading, or why the start failed and when it tries again. */
export type StartupState =
  { kind: 'loading' } | { kind: 'failed'; retryInSeconds: number } | { kind: 'outsideZendesk' };

const StyledStartup = styled.main`
  padding: ${(p) => p.theme.space.sm};
`;

export function StartupView({
  state,
  translator,
  onRetry,
}: {
  state: StartupState;
  translator: Translator;
  onRetry: () => void;
}) {
  const { t } = translator;
  return (
    <AppThemeProvider client={null}>
      <StyledStartup>
        <SidebarTitle>{t('app.name')}</SidebarTitle>
        {state.kind === 'loading' && (
          <div role="status" aria-live="polite">
            <Dots size={24} aria-hidden="true" /> <SM>{t('ui.loading')}</SM>
          </div>
        )}
        {state.kind === 'outsideZendesk' && (
          <Alert type="info">
            <Alert.Paragraph>{t('ui.outsideZendesk')}</Alert.Paragraph>
          </Alert>
        )}
        {state.kind === 'failed' && (
          <Alert type="error" role="alert">
            <Alert.Paragraph>{t('ui.startupFailed', { seconds: state.retryInSeconds })}</Alert.Paragraph>
            <Button size="small" onClick={onRetry}>
              {t('ui.tryAgain')}
            </Button>
          </Alert>
        )}
      </StyledStartup>
    </AppThemeProvider>
  );
}
