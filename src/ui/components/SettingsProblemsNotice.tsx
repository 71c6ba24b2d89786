import { Alert } from '@zendeskgarden/react-notifications';
import type { SettingsProblem } from '../../core/settings/appSettings';
import { useTranslator } from '../i18n/TranslatorContext';

/** Admins see each unreadable line and why; agents see only that their admin can fix something. */
export function SettingsProblemsNotice({
  problems,
  isAdmin,
}: {
  problems: readonly SettingsProblem[];
  isAdmin: boolean;
}) {
  const translator = useTranslator();
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
      <Alert.Title>{translator.t('ui.problems.adminTitle')}</Alert.Title>
      <Alert.Paragraph>{translator.t('ui.problems.adminIntro')}</Alert.Paragraph>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.setting}:${problem.line ?? index}`}>
            <strong>
              {problem.line !== null
                ? translator.t('ui.problems.line', { line: String(problem.line) })
                : translator.t('ui.problems.setting', {
                    setting: translator.t(`app.parameters.${problem.setting}.label`),
                  })}
            </strong>{' '}
            {translator.formatMessage(problem.message)} <code>{problem.text}</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
