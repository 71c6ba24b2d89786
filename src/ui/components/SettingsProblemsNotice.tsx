import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { useId, useState } from 'react';
import type { SettingsProblem } from '../../core/settings/appSettings';
import { useTranslator } from '../i18n/TranslatorContext';
import { SettingsProblemItem } from './SettingsProblemItem';

/**
 * Admins see one line ("3 lines in the settings have problems — Show") above the goals, and each unreadable
 * line with its reason on demand; agents see only that their admin can fix something.
 */
export function SettingsProblemsNotice({
  problems,
  isAdmin,
}: {
  problems: readonly SettingsProblem[];
  isAdmin: boolean;
}) {
  const translator = useTranslator();
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  if (problems.length === 0) return null;
  if (!isAdmin) {
    return (
      <Alert type="info">
        <Alert.Paragraph>{translator.t('ui.problems.agentNotice')}</Alert.Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="warning">
      <Alert.Paragraph>
        {translator.t('ui.problems.summary', { count: problems.length })}{' '}
        <Button
          size="small"
          isLink
          aria-expanded={isOpen}
          aria-controls={listId}
          onClick={() => setIsOpen(!isOpen)}
        >
          {isOpen ? translator.t('ui.problems.hide') : translator.t('ui.problems.show')}
        </Button>
      </Alert.Paragraph>
      {isOpen && (
        <div id={listId}>
          <Alert.Paragraph>{translator.t('ui.problems.adminIntro')}</Alert.Paragraph>
          <ul>
            {problems.map((problem, index) => (
              <SettingsProblemItem key={`${problem.setting}:${problem.line ?? index}`} problem={problem} />
            ))}
          </ul>
        </div>
      )}
    </Alert>
  );
}
