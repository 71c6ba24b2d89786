import type { ReactNode } from 'react';
import type { ZafClient } from '../data/zaf/zafClient';
import { ClientProvider } from './ClientProvider';
import { ErrorBoundary } from './ErrorBoundary';
import type { Translator } from './i18n/translator';
import { TranslatorContext } from './i18n/TranslatorContext';
import { AppThemeProvider } from './theme/AppThemeProvider';

/**
 * What every sidebar view stands in: the workspace's theme, the agent's language, the ZAF client, and an error
 * boundary. The first paint and the full sidebar share it, so swapping one for the other keeps the page.
 */
export function SidebarProviders({
  client,
  translator,
  onReset,
  fallback,
  children,
}: {
  client: ZafClient;
  translator: Translator;
  /** After a crash, before drawing again: forget what may have caused it. */
  onReset: () => void;
  /** Drawn instead of the crash message (see ErrorBoundary). */
  fallback?: ReactNode;
  children: ReactNode;
}) {
  return (
    <AppThemeProvider client={client}>
      <TranslatorContext.Provider value={translator}>
        <ClientProvider client={client}>
          <ErrorBoundary
            message={translator.t('ui.crashed')}
            retryLabel={translator.t('ui.tryAgain')}
            onReset={onReset}
            fallback={fallback}
          >
            {children}
          </ErrorBoundary>
        </ClientProvider>
      </TranslatorContext.Provider>
    </AppThemeProvider>
  );
}
