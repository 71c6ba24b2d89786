import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useId, useState } from 'react';
import type { GoalAnswer } from '../../core/answers/goalAnswer';
import { hasTargetChanged, tallyAnswers } from '../../core/answers/goalAnswer';
import type { Goal } from '../../core/goals/goal';
import { goalKey } from '../../core/goals/goal';
import { goalsForAgent } from '../../core/settings/goalsForAgent';
import type { StudioDirectory } from '../../core/studio/effectiveGoals';
import type { HistoryVerdict } from '../../core/studio/historyChecks';
import { AnswersNotSetUp } from '../../data/answers/answerRecords';
import { goalWithTarget } from '../components/goalText';
import { useTranslator } from '../i18n/TranslatorContext';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'notSetUp' }
  | { kind: 'settingUp' }
  | { kind: 'failed' }
  | { kind: 'ready'; answers: readonly GoalAnswer[] };

/**
 * Agents' answers on their goals beside the draft: per goal, how many found it fair, too high or too low; each
 * answer with the agent's note, the target they answered about (marked when it has changed since), and on
 * request their own last 8 periods with a suggested target, so a change is decided with their view in front
 * of the admin.
 */
export function AnswersSection({
  directory,
  goals,
  loadAnswers,
  setUp,
  historyFor,
  onUse,
}: {
  directory: StudioDirectory;
  goals: readonly Goal[];
  loadAnswers: () => Promise<GoalAnswer[]>;
  setUp: () => Promise<void>;
  /** One agent's last 8 periods for a goal (solved and CSAT), or null when counts cannot weigh it. */
  historyFor: (agentId: number, goal: Goal) => Promise<HistoryVerdict | null>;
  onUse: (line: number, target: number) => void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [histories, setHistories] = useState<ReadonlyMap<string, HistoryVerdict | null | 'loading'>>(
    new Map(),
  );

  useEffect(() => {
    let isCurrent = true;
    loadAnswers().then(
      (answers) => isCurrent && setLoaded({ kind: 'ready', answers }),
      (failure: unknown) =>
        isCurrent && setLoaded({ kind: failure instanceof AnswersNotSetUp ? 'notSetUp' : 'failed' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [loadAnswers]);

  const nameOf = (agentId: number) => directory.agents.find((a) => a.id === agentId)?.name ?? String(agentId);
  const day = (at: number) =>
    new Intl.DateTimeFormat(translator.locale, { day: 'numeric', month: 'short' }).format(at);
  // The latest answer per agent and goal.
  const latest = new Map<string, GoalAnswer>();
  if (loaded.kind === 'ready')
    for (const answer of [...loaded.answers].sort(
      (a, b) => a.periodStart - b.periodStart || a.answeredAt - b.answeredAt,
    ))
      latest.set(`${answer.agentId}/${answer.goalKey}`, answer);
  const byGoal = new Map<string, GoalAnswer[]>();
  for (const answer of latest.values())
    byGoal.set(answer.goalKey, [...(byGoal.get(answer.goalKey) ?? []), answer]);

  async function showHistory(answer: GoalAnswer, goal: Goal) {
    const key = `${answer.agentId}/${answer.goalKey}`;
    setHistories((current) => new Map(current).set(key, 'loading'));
    const verdict = await historyFor(answer.agentId, goal).catch(() => null);
    setHistories((current) => new Map(current).set(key, verdict));
  }

  return (
    <section aria-labelledby={headingId}>
      <MD tag="h2" id={headingId} isBold>
        {t('ui.studio.answers.title')}
      </MD>
      {loaded.kind === 'loading' && <SM>{t('ui.studio.answers.loading')}</SM>}
      {loaded.kind === 'failed' && <SM>{t('ui.studio.answers.failed')}</SM>}
      {(loaded.kind === 'notSetUp' || loaded.kind === 'settingUp') && (
        <>
          <SM>{t('ui.studio.answers.notSetUp')}</SM>
          <Button
            size="small"
            disabled={loaded.kind === 'settingUp'}
            onClick={() => {
              setLoaded({ kind: 'settingUp' });
              setUp().then(
                () => setLoaded({ kind: 'ready', answers: [] }),
                () => setLoaded({ kind: 'failed' }),
              );
            }}
          >
            {t('ui.studio.answers.setUp')}
          </Button>
        </>
      )}
      {loaded.kind === 'ready' && byGoal.size === 0 && <SM>{t('ui.studio.answers.none')}</SM>}
      {loaded.kind === 'ready' &&
        [...byGoal].map(([key, answers]) => {
          const tally = tallyAnswers(answers);
          return (
            <div key={key}>
              <MD tag="h3">
                {translator.lookup(`ui.goals.${key.replace(/:/g, '.')}`)}:{' '}
                {t('ui.studio.answers.tally', {
                  fair: tally.fair,
                  tooHigh: tally.tooHigh,
                  tooLow: tally.tooLow,
                })}
              </MD>
              <ul>
                {answers.map((answer) => {
                  const agent = directory.agents.find((a) => a.id === answer.agentId);
                  const goal = goalsForAgent(goals, answer.agentId, agent?.groupIds ?? []).find(
                    (g) => goalKey(g) === answer.goalKey,
                  );
                  const historyKey = `${answer.agentId}/${answer.goalKey}`;
                  const history = histories.get(historyKey);
                  return (
                    <li key={historyKey} data-answer-agent={answer.agentId}>
                      {t('ui.studio.answers.item', {
                        agent: nameOf(answer.agentId),
                        answer: t(`ui.answers.choice.${answer.choice}`),
                        target: translator.number(answer.target),
                        date: day(answer.answeredAt),
                      })}
                      {answer.note && ` “${answer.note}”`}
                      {goal && hasTargetChanged(answer, goal) && (
                        <> {t('ui.studio.answers.changed', { now: goalWithTarget(translator, goal) })}</>
                      )}
                      {!goal && <> {t('ui.studio.answers.noLongerSet')}</>}{' '}
                      {goal && history === undefined && (
                        <Button size="small" isLink onClick={() => void showHistory(answer, goal)}>
                          {t('ui.studio.answers.history', { agent: nameOf(answer.agentId) })}
                        </Button>
                      )}
                      {history === 'loading' && (
                        <SM>{t('ui.studio.historyRunning', { answered: 0, total: 8 })}</SM>
                      )}
                      {history === null && <SM>{t('ui.studio.answers.noHistory')}</SM>}
                      {history && history !== 'loading' && goal && (
                        <SM>
                          {t('ui.studio.answers.historyValues', {
                            values: history.values
                              .map((value) =>
                                goal.metric === 'csat'
                                  ? translator.percent(value)
                                  : translator.number(value, 1),
                              )
                              .join(', '),
                          })}{' '}
                          {[history.suggestions.median, history.suggestions.upperQuartile]
                            .filter((value, index, all) => all.indexOf(value) === index)
                            .map((target) => (
                              <Button
                                key={target}
                                size="small"
                                isLink
                                onClick={() => onUse(goal.line, target)}
                              >
                                {t('ui.studio.answers.use', {
                                  target:
                                    goal.metric === 'csat'
                                      ? translator.percent(target)
                                      : translator.number(target),
                                  line: goal.line,
                                })}
                              </Button>
                            ))}
                        </SM>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
