import type { ReactNode } from 'react';
import type { SettingsProblem } from '../../core/settings/appSettings';
import { useTranslator } from '../i18n/TranslatorContext';

/** One settings problem as an admin reads it: where (line or setting), why, and the text in question. */
export function SettingsProblemItem({
  problem,
  action = null,
}: {
  problem: SettingsProblem;
  /** Where the problem can be fixed on the spot (the studio's editor): a button after the text. */
  action?: ReactNode;
}) {
  const translator = useTranslator();
  return (
    <li>
      <strong>
        {problem.line !== null
          ? translator.t('ui.problems.line', { line: String(problem.line) })
          : translator.t('ui.problems.setting', {
              setting: translator.lookup(`app.parameters.${problem.setting}.label`),
            })}
      </strong>{' '}
      {translator.formatMessage(problem.message)} <code>{problem.text}</code>
      {action && <> {action}</>}
    </li>
  );
}
