import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import { LG, MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { parseAppSettings } from '../../core/settings/parseAppSettings';
import type { AppSettings } from '../../core/settings/appSettings';
import type { StudioAgent, StudioDirectory } from '../../core/studio/effectiveGoals';
import { effectiveGoals } from '../../core/studio/effectiveGoals';
import type { GoalCheck } from '../../core/studio/goalChecks';
import { checkGoals } from '../../core/studio/goalChecks';
import type { HistoryVerdict } from '../../core/studio/historyChecks';
import {
  historyQuestion,
  judgeHistory,
  planHistoryChecks,
  withTarget,
} from '../../core/studio/historyChecks';
import type { GoalAnswer } from '../../core/answers/goalAnswer';
import type { OtherAgentFigures as AgentPreviewFigures } from '../../data/zendesk/fetchOtherAgentFigures';
import type { HistoryCounts } from '../../data/studio/fetchHistoryCounts';
import type { InstalledSettings } from '../../data/studio/studioRequests';
import { RequestFailure } from '../../data/zendesk/requestFailure';
import { goalWithTarget } from '../components/goalText';
import { SettingsProblemItem } from '../components/SettingsProblemItem';
import type { Translator } from '../i18n/translator';
import { useTranslator } from '../i18n/TranslatorContext';
import { AgentPreview } from './AgentPreview';
import { AnswersSection } from './AnswersSection';
import { GoalsEditor, selectLine } from './GoalsEditor';
import { HistoryVerdicts } from './HistoryVerdicts';
import { SectionsByName } from './SectionsByName';

export interface GoalStudioProps {
  /** The settings as the studio found them. */
  initialSettings: Readonly<Record<string, unknown>>;
  loadDirectory: () => Promise<StudioDirectory>;
  readSaved: () => Promise<InstalledSettings>;
  save: (settings: Readonly<Record<string, unknown>>) => Promise<InstalledSettings>;
  now: () => number;
  /** The admin's time zone: "reviewed today" is their today, and past periods are theirs. */
  timeZone: string;
  /** Past periods' counts for the checks against history (admins); absent: that section is not offered. */
  historyCounts?: HistoryCounts;
  /** Another agent's current figures for the preview (admins); absent: no preview is offered. */
  fetchPreview?: (agent: StudioAgent, settings: AppSettings) => Promise<AgentPreviewFigures>;
  /** Agents' answers on their goals (custom object records); absent: not offered. */
  answers?: { load: () => Promise<GoalAnswer[]>; setUp: () => Promise<void> };
}

const StyledTable = styled.table`
  border-collapse: collapse;
  width: 100%;
  & th,
  & td {
    padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
    border-bottom: ${(p) => p.theme.borders.sm}
      ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
    text-align: start;
    vertical-align: top;
  }
`;

/** YYYY-MM-DD of `at` in a time zone, the format of the Goals last reviewed on setting. */
const dayIn = (at: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

function checkText(check: GoalCheck, directory: StudioDirectory | null, translator: Translator): string {
  const { t } = translator;
  const lines = check.lines.join(', ');
  // "Line 4" or "Lines 3, 4": the count picks the form.
  const count = check.lines.length;
  const nameOf = (agentId: number) =>
    directory?.agents.find((a) => a.id === agentId)?.name ?? String(agentId);
  switch (check.kind) {
    case 'unknownAudience':
      return check.audience.kind === 'group'
        ? t('ui.studio.checks.unknownGroup', { lines, count, id: String(check.audience.groupId) })
        : t('ui.studio.checks.unknownAgent', { lines, count, id: String(check.audience.agentId) });
    case 'noQualityGoal':
      return t('ui.studio.checks.noQualityGoal', {
        lines,
        count,
        names: check.agentIds.map(nameOf).join(', '),
      });
    case 'teamOutOfLine':
      return t('ui.studio.checks.teamOutOfLine', {
        lines,
        count,
        group: directory?.groups.find((g) => g.id === check.groupId)?.name ?? String(check.groupId),
        team: check.teamTarget,
        members: check.members,
        sum: check.personalSum,
      });
    case 'notReviewed':
      return check.days === null
        ? t('ui.studio.checks.neverReviewed')
        : t('ui.studio.checks.notReviewed', { days: check.days });
  }
}

type SaveStep =
  | { kind: 'editing' }
  | { kind: 'confirming'; isConflict: boolean }
  | { kind: 'saving' }
  | { kind: 'saved'; reviewedOn: string; previous: Readonly<Record<string, unknown>> }
  | { kind: 'undone' }
  | { kind: 'failed'; reason: string };

/**
 * The admin's page for the Goals setting: the text is the single source of truth, read as it is typed by the
 * same parser the sidebar uses, checked against the account's groups and agents, shown as who gets which
 * goals, and saved through the app installation with a confirmation, a conflict warning and one-click undo.
 */
export function GoalStudio({
  initialSettings,
  loadDirectory,
  readSaved,
  save,
  now,
  timeZone,
  historyCounts,
  fetchPreview,
  answers,
}: GoalStudioProps) {
  const translator = useTranslator();
  const { t } = translator;
  const editorId = useId();
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const [loaded, setLoaded] = useState(initialSettings);
  const loadedGoals = typeof loaded.goals === 'string' ? loaded.goals : '';
  const [draft, setDraft] = useState(loadedGoals);
  const [directory, setDirectory] = useState<StudioDirectory | null | 'failed'>(null);
  const [step, setStep] = useState<SaveStep>({ kind: 'editing' });

  useEffect(() => {
    let isCurrent = true;
    loadDirectory().then(
      (found) => isCurrent && setDirectory(found),
      () => isCurrent && setDirectory('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, [loadDirectory]);

  const parsed = useMemo(() => parseAppSettings({ ...loaded, goals: draft }, now()), [loaded, draft, now]);
  const people = directory === 'failed' ? null : directory;
  const checks = useMemo(
    () =>
      checkGoals(parsed.settings.goals, {
        directory: people ?? { groups: [], agents: [] },
        goalsReviewedOn: parsed.settings.goalsReviewedOn,
        now: now(),
      }).filter((check) => people !== null || check.kind === 'notReviewed'),
    [parsed, people, now],
  );
  const goalProblems = parsed.problems.filter((problem) => problem.setting === 'goals');
  const problemLines = new Set(
    goalProblems.flatMap((problem) => (problem.line !== null ? [problem.line] : [])),
  );
  const questions = useMemo(
    () =>
      people
        ? planHistoryChecks(parsed.settings.goals, people, {
            now: now(),
            timeZone,
            weekStartsOn: parsed.settings.weekStartsOn,
            csatMinimumRatings: parsed.settings.csatMinimumRatings,
          })
        : [],
    [parsed, people, now, timeZone],
  );
  const [history, setHistory] = useState<HistoryVerdict[] | { answered: number; total: number } | null>(null);
  const isCounting = history !== null && !Array.isArray(history);

  async function checkHistory() {
    if (!historyCounts) return;
    const counts = await historyCounts.fetch(questions, (answered, total) => setHistory({ answered, total }));
    setHistory(
      questions.flatMap((question, index) => {
        const verdict = judgeHistory(question, counts[index] ?? []);
        return verdict ? [verdict] : [];
      }),
    );
  }

  const describeFailure = (failure: unknown) =>
    failure instanceof RequestFailure && failure.error.kind === 'forbidden'
      ? t('ui.studio.reasonForbidden')
      : t('ui.studio.reasonOther');

  async function askToSave() {
    try {
      const saved = await readSaved();
      const savedGoals = typeof saved.settings.goals === 'string' ? saved.settings.goals : '';
      setStep({ kind: 'confirming', isConflict: savedGoals !== loadedGoals });
    } catch (failure) {
      setStep({ kind: 'failed', reason: describeFailure(failure) });
    }
  }

  async function confirmSave() {
    const previous = { goals: loadedGoals, goalsReviewedOn: loaded.goalsReviewedOn ?? '' };
    const reviewedOn = dayIn(now(), timeZone);
    setStep({ kind: 'saving' });
    try {
      const saved = await save({ goals: draft, goalsReviewedOn: reviewedOn });
      setLoaded(saved.settings);
      setStep({ kind: 'saved', reviewedOn, previous });
    } catch (failure) {
      setStep({ kind: 'failed', reason: describeFailure(failure) });
    }
  }

  async function undo(previous: Readonly<Record<string, unknown>>) {
    setStep({ kind: 'saving' });
    try {
      const saved = await save(previous);
      setLoaded(saved.settings);
      setDraft(typeof saved.settings.goals === 'string' ? saved.settings.goals : '');
      setStep({ kind: 'undone' });
    } catch (failure) {
      setStep({ kind: 'failed', reason: describeFailure(failure) });
    }
  }

  return (
    <div>
      <LG tag="h1">{t('ui.studio.title')}</LG>
      <section>
        <MD isBold>
          <label htmlFor={editorId}>{t('ui.studio.editorLabel')}</label>
        </MD>
        <SM id={hintId}>{t('ui.studio.editorHint')}</SM>
        <GoalsEditor
          id={editorId}
          describedBy={hintId}
          textRef={editorRef}
          value={draft}
          problemLines={problemLines}
          onChange={(event) => {
            setDraft(event.target.value);
            if (step.kind !== 'saving') setStep({ kind: 'editing' });
          }}
        />
      </section>

      <section aria-labelledby={`${editorId}-problems`}>
        <MD tag="h2" id={`${editorId}-problems`} isBold>
          {t('ui.studio.problemsTitle')}
        </MD>
        {parsed.problems.length === 0 ? (
          <SM>{t('ui.studio.noProblems')}</SM>
        ) : (
          <ul>
            {parsed.problems.map((problem, index) => (
              <SettingsProblemItem
                key={`${problem.setting}:${problem.line ?? 'none'}:${index}`}
                problem={problem}
                action={
                  problem.setting === 'goals' && problem.line !== null ? (
                    <Button
                      size="small"
                      isLink
                      onClick={() => {
                        const line = problem.line;
                        if (editorRef.current && line !== null) selectLine(editorRef.current, line);
                      }}
                    >
                      {t('ui.studio.goToLine', { line: String(problem.line) })}
                    </Button>
                  ) : null
                }
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${editorId}-checks`}>
        <MD tag="h2" id={`${editorId}-checks`} isBold>
          {t('ui.studio.checksTitle')}
        </MD>
        {directory === null && <SM>{t('ui.studio.loadingPeople')}</SM>}
        {directory === 'failed' && <SM>{t('ui.studio.peopleFailed')}</SM>}
        {checks.length === 0 && directory !== null ? (
          <SM>{t('ui.studio.noChecks')}</SM>
        ) : (
          <ul>
            {checks.map((check, index) => (
              <li key={`${check.kind}:${index}`}>{checkText(check, people, translator)}</li>
            ))}
          </ul>
        )}
      </section>

      {people && (
        <section aria-labelledby={`${editorId}-effective`}>
          <MD tag="h2" id={`${editorId}-effective`} isBold>
            {t('ui.studio.effectiveTitle')}
          </MD>
          <StyledTable>
            <thead>
              <tr>
                <th scope="col">{t('ui.studio.agentColumn')}</th>
                <th scope="col">{t('ui.studio.goalsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {effectiveGoals(parsed.settings.goals, people).byAgent.map((entry) => (
                <tr key={entry.agentId}>
                  <th scope="row">{people.agents.find((a) => a.id === entry.agentId)?.name}</th>
                  <td>
                    {entry.goals.length === 0
                      ? t('ui.studio.noGoals')
                      : entry.goals.map((goal) => goalWithTarget(translator, goal)).join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </StyledTable>
        </section>
      )}

      {people && fetchPreview && (
        <AgentPreview directory={people} settings={parsed.settings} now={now} fetchPreview={fetchPreview} />
      )}

      {people && answers && (
        <AnswersSection
          directory={people}
          goals={parsed.settings.goals}
          loadAnswers={answers.load}
          setUp={answers.setUp}
          historyFor={async (agentId, goal) => {
            if (!historyCounts) return null;
            const question = historyQuestion(goal, { kind: 'agent', agentId }, 1, {
              now: now(),
              timeZone,
              weekStartsOn: parsed.settings.weekStartsOn,
              csatMinimumRatings: parsed.settings.csatMinimumRatings,
            });
            if (!question) return null;
            const [counts] = await historyCounts.fetch([question]);
            return judgeHistory(question, counts ?? []);
          }}
          onUse={(line, target) => setDraft(withTarget(draft, line, target))}
        />
      )}

      {people && (
        <SectionsByName
          goalsText={draft}
          directory={people}
          onAdd={(header) => setDraft(`${draft.replace(/\s*$/, '')}\n\n${header}\n`)}
        />
      )}

      {people && historyCounts && (
        <section aria-labelledby={`${editorId}-history`}>
          <MD tag="h2" id={`${editorId}-history`} isBold>
            {t('ui.studio.historyTitle')}
          </MD>
          <SM>{t('ui.studio.historyIntro')}</SM>
          {questions.length === 0 ? (
            <SM>{t('ui.studio.historyNone')}</SM>
          ) : (
            <Button size="small" disabled={isCounting} onClick={() => void checkHistory()}>
              {t('ui.studio.historyRun', { count: historyCounts.cost(questions) })}
            </Button>
          )}
          <div aria-live="polite">
            {isCounting && (
              <SM>{t('ui.studio.historyRunning', { answered: history.answered, total: history.total })}</SM>
            )}
          </div>
          {Array.isArray(history) && (
            <HistoryVerdicts
              verdicts={history}
              directory={people}
              onUse={(line, target) => {
                setDraft(withTarget(draft, line, target));
                setHistory(null);
              }}
            />
          )}
        </section>
      )}

      <section aria-live="polite">
        {step.kind === 'confirming' && (
          <Alert type={step.isConflict ? 'warning' : 'info'}>
            <Alert.Paragraph>
              {step.isConflict ? t('ui.studio.conflict') : t('ui.studio.confirm')}
            </Alert.Paragraph>
            <Button size="small" isPrimary onClick={() => void confirmSave()}>
              {step.isConflict ? t('ui.studio.saveAnyway') : t('ui.studio.confirmSave')}
            </Button>{' '}
            <Button size="small" isBasic onClick={() => setStep({ kind: 'editing' })}>
              {t('ui.studio.cancel')}
            </Button>
          </Alert>
        )}
        {step.kind === 'saved' && (
          <Alert type="success">
            <Alert.Paragraph>{t('ui.studio.saved', { date: step.reviewedOn })}</Alert.Paragraph>
            <Button size="small" isBasic onClick={() => void undo(step.previous)}>
              {t('ui.studio.undo')}
            </Button>
          </Alert>
        )}
        {step.kind === 'undone' && (
          <Alert type="info">
            <Alert.Paragraph>{t('ui.studio.undone')}</Alert.Paragraph>
          </Alert>
        )}
        {step.kind === 'failed' && (
          <Alert type="error">
            <Alert.Paragraph>{t('ui.studio.saveFailed', { reason: step.reason })}</Alert.Paragraph>
          </Alert>
        )}
        {goalProblems.length > 0 && <SM>{t('ui.studio.savingBlocked')}</SM>}
        {(step.kind === 'editing' || step.kind === 'failed' || step.kind === 'undone') && (
          <Button isPrimary disabled={goalProblems.length > 0} onClick={() => void askToSave()}>
            {t('ui.studio.save')}
          </Button>
        )}
        {step.kind === 'saving' && <Button disabled>{t('ui.studio.saving')}</Button>}
      </section>
    </div>
  );
}
