import { Button, ToggleButton } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import type { AnswerChoice, GoalAnswer } from '../../core/answers/goalAnswer';
import {
  ANSWER_CHOICES,
  answerExternalId,
  cleanNote,
  hasTargetChanged,
  MAX_NOTE_LENGTH,
} from '../../core/answers/goalAnswer';
import { goalKey } from '../../core/goals/goal';
import { AnswersNotSetUp, fetchOwnAnswers, saveAnswer } from '../../data/answers/answerRecords';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import { useClient } from '../ClientProvider';
import { useTranslator } from '../i18n/TranslatorContext';
import { goalLabel, goalWithTarget } from './goalText';

const StyledGoal = styled.fieldset`
  margin: ${(p) => p.theme.space.xs} 0;
  padding: ${(p) => p.theme.space.xs} 0;
  border: none;
  border-top: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  & legend {
    padding: 0;
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`;

const StyledChoices = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
  margin: ${(p) => p.theme.space.xxs} 0;
`;

const StyledNote = styled.textarea`
  box-sizing: border-box;
  width: 100%;
  font: inherit;
`;

type Loaded =
  | { kind: 'loading' }
  | { kind: 'notSetUp' }
  | { kind: 'failed' }
  | { kind: 'ready'; answers: ReadonlyMap<string, GoalAnswer> };

interface Draft {
  choice: AnswerChoice;
  note: string;
  status: 'editing' | 'sending' | 'sent' | 'failed';
}

/**
 * The open answers panel: reads the agent's answers on their goals this period (one request, by their own
 * goals' ids) and lets them choose fair, too high or too low, with an optional note, and send.
 */
export interface GoalAnswersPanelProps {
  /** The personal goals with a period (a `now` goal has nothing to answer for). */
  answerable: readonly GoalProgress[];
  agentId: number;
  now: number;
}

export default function GoalAnswersPanel({ answerable, agentId, now }: GoalAnswersPanelProps) {
  const translator = useTranslator();
  const { t } = translator;
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const idOf = (p: GoalProgress) => answerExternalId(agentId, goalKey(p.goal), p.bounds?.start ?? 0);
  const day = (at: number) =>
    new Intl.DateTimeFormat(translator.locale, { day: 'numeric', month: 'short' }).format(at);
  const ids = answerable.map(idOf).join();

  useEffect(() => {
    let isCurrent = true;
    fetchOwnAnswers(client, ids.split(','))
      .then((answers) => {
        if (!isCurrent) return;
        setLoaded({
          kind: 'ready',
          answers: new Map(answers.map((a) => [answerExternalId(a.agentId, a.goalKey, a.periodStart), a])),
        });
      })
      .catch((failure: unknown) => {
        if (isCurrent) setLoaded({ kind: failure instanceof AnswersNotSetUp ? 'notSetUp' : 'failed' });
      });
    return () => {
      isCurrent = false;
    };
  }, [client, ids]);

  async function send(p: GoalProgress, draft: Draft) {
    const id = idOf(p);
    const answer: GoalAnswer = {
      agentId,
      goalKey: goalKey(p.goal),
      periodStart: p.bounds?.start ?? 0,
      choice: draft.choice,
      note: cleanNote(draft.note),
      target: p.goal.target,
      answeredAt: now,
    };
    setDrafts((current) => new Map(current).set(id, { ...draft, status: 'sending' }));
    try {
      await saveAnswer(
        client,
        id,
        answer,
        `${goalKey(p.goal)} ${new Date(answer.periodStart).toISOString().slice(0, 10)}`,
      );
      setDrafts((current) => new Map(current).set(id, { ...draft, status: 'sent' }));
      setLoaded((current) =>
        current.kind === 'ready'
          ? { kind: 'ready', answers: new Map(current.answers).set(id, answer) }
          : current,
      );
    } catch {
      setDrafts((current) => new Map(current).set(id, { ...draft, status: 'failed' }));
    }
  }

  return (
    <>
      {loaded.kind === 'loading' && <SM>{t('ui.answers.loading')}</SM>}
      {loaded.kind === 'notSetUp' && <SM>{t('ui.answers.notSetUp')}</SM>}
      {loaded.kind === 'failed' && <SM>{t('ui.answers.failed')}</SM>}
      {loaded.kind === 'ready' && (
        <>
          <SM>{t('ui.answers.intro')}</SM>
          {answerable.map((p) => {
            const id = idOf(p);
            const saved = loaded.answers.get(id);
            const draft = drafts.get(id);
            return (
              <StyledGoal key={id}>
                <legend>{goalWithTarget(translator, p.goal)}</legend>
                {saved && (
                  <SM>
                    {t('ui.answers.yours', {
                      answer: t(`ui.answers.choice.${saved.choice}`),
                      date: day(saved.answeredAt),
                    })}
                    {hasTargetChanged(saved, p.goal) &&
                      ` ${t('ui.answers.targetChanged', { target: translator.number(saved.target) })}`}
                  </SM>
                )}
                <StyledChoices
                  role="group"
                  aria-label={t('ui.answers.choicesFor', { goal: goalLabel(translator, p.goal) })}
                >
                  {ANSWER_CHOICES.map((choice) => (
                    <ToggleButton
                      key={choice}
                      size="small"
                      isPressed={(draft?.choice ?? (draft ? undefined : saved?.choice)) === choice}
                      onClick={() =>
                        setDrafts((current) =>
                          new Map(current).set(id, {
                            choice,
                            note: draft?.note ?? saved?.note ?? '',
                            status: 'editing',
                          }),
                        )
                      }
                    >
                      {t(`ui.answers.choice.${choice}`)}
                    </ToggleButton>
                  ))}
                </StyledChoices>
                {draft && draft.status !== 'sent' && (
                  <>
                    <label>
                      <SM>{t('ui.answers.note', { max: MAX_NOTE_LENGTH })}</SM>
                      <StyledNote
                        rows={2}
                        maxLength={MAX_NOTE_LENGTH}
                        value={draft.note}
                        onChange={(event) =>
                          setDrafts((current) =>
                            new Map(current).set(id, { ...draft, note: event.target.value }),
                          )
                        }
                      />
                    </label>
                    <SM>{t('ui.answers.whoSees')}</SM>
                    <Button
                      size="small"
                      isPrimary
                      disabled={draft.status === 'sending'}
                      onClick={() => void send(p, draft)}
                    >
                      {t('ui.answers.send')}
                    </Button>
                    {draft.status === 'failed' && <SM>{t('ui.answers.sendFailed')}</SM>}
                  </>
                )}
                {draft?.status === 'sent' && <SM>{t('ui.answers.received')}</SM>}
              </StyledGoal>
            );
          })}
        </>
      )}
    </>
  );
}
