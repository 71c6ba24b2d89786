import { LG, MD } from '@zendeskgarden/react-typography';
import { useTranslator } from '../i18n/TranslatorContext';

/** What an agent who opens the app's page sees: what it is for, and where their own progress is. */
export function StudioForAgents() {
  const { t } = useTranslator();
  return (
    <>
      <LG tag="h1">{t('ui.studio.title')}</LG>
      <MD>{t('ui.studio.agentOnly')}</MD>
    </>
  );
}
