import { Button } from '@zendeskgarden/react-buttons';
import type { StudioDirectory } from '../../core/studio/effectiveGoals';
import type { HistoryVerdict } from '../../core/studio/historyChecks';
import { useTranslator } from '../i18n/TranslatorContext';

/** The targets the last 8 periods call too easy or out of reach, with their history and one-click suggestions. */
export function HistoryVerdicts({
  verdicts,
  directory,
  onUse,
}: {
  verdicts: readonly HistoryVerdict[];
  directory: StudioDirectory;
  onUse: (line: number, target: number) => void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const flagged = verdicts.filter((verdict) => verdict.verdict !== 'inRange');
  const subjectOf = ({ question }: HistoryVerdict) => {
    const { subject } = question;
    if (subject.kind === 'agent')
      return t('ui.studio.subjectAgent', {
        agent: directory.agents.find((a) => a.id === subject.agentId)?.name ?? String(subject.agentId),
      });
    const group = directory.groups.find((g) => g.id === subject.groupId)?.name ?? String(subject.groupId);
    return question.divisor > 1
      ? t('ui.studio.subjectGroupPerAgent', { group })
      : t('ui.studio.subjectGroup', { group });
  };
  return (
    <ul>
      {flagged.map((verdict) => {
        const { question, values, suggestions } = verdict;
        const figure = (value: number) =>
          question.goal.metric === 'csat' ? translator.percent(value) : translator.number(value, 1);
        const params = {
          line: String(question.line),
          subject: subjectOf(verdict),
          target: figure(question.goal.target),
          periods: values.length,
          values: values.map(figure).join(', '),
        };
        const options = [
          { target: suggestions.median, which: t('ui.studio.median') },
          { target: suggestions.upperQuartile, which: t('ui.studio.upperQuartile') },
        ].filter((option, index, all) => all.findIndex((o) => o.target === option.target) === index);
        return (
          <li key={`${question.line}:${JSON.stringify(question.subject)}`}>
            {verdict.verdict === 'tooEasy'
              ? t('ui.studio.tooEasy', params)
              : t('ui.studio.outOfReach', params)}{' '}
            {options.map((option) => (
              <Button
                key={option.target}
                size="small"
                isLink
                onClick={() => onUse(question.line, option.target)}
              >
                {t('ui.studio.use', { target: figure(option.target), which: option.which })}
              </Button>
            ))}
          </li>
        );
      })}
      {verdicts.length > flagged.length && (
        <li>{t('ui.studio.historyFine', { count: verdicts.length - flagged.length })}</li>
      )}
    </ul>
  );
}
