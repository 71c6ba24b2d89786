import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useId, useMemo, useState } from 'react';
import { buildGoalBoard } from '../../core/board/buildGoalBoard';
import { planFetch } from '../../core/metrics/fetchPlan';
import { EMPTY_NUDGE_HISTORY } from '../../core/nudges/nudgeHistory';
import type { AppSettings } from '../../core/settings/appSettings';
import { goalsForAgent } from '../../core/settings/goalsForAgent';
import type { StudioAgent, StudioDirectory } from '../../core/studio/effectiveGoals';
import type { AgentPreview as FetchedPreview } from '../../data/studio/fetchAgentPreview';
import { GoalSection } from '../components/GoalSection';
import { useTranslator } from '../i18n/TranslatorContext';

type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading'; agentId: number }
  | { kind: 'shown'; preview: FetchedPreview }
  | { kind: 'failed'; agentId: number };

/** Two drafts need the same figures when they ask Zendesk the same questions for this agent. */
const planOf = (preview: FetchedPreview, goals: FetchedPreview['goals'], settings: AppSettings) =>
  JSON.stringify(
    planFetch(goals, {
      now: preview.snapshot.fetchedAt,
      timeZone: preview.timeZone,
      weekStartsOn: settings.weekStartsOn,
      teamGroupIds: preview.teamGroupIds,
    }),
  );

/**
 * The sidebar board an agent would get from the draft: their real current figures (fetched once per preview)
 * run through the same pure core as their sidebar. Target edits show at once; a draft that needs other
 * figures asks to be previewed again rather than showing numbers that were never fetched.
 */
export function AgentPreview({
  directory,
  settings,
  now,
  fetchPreview,
}: {
  directory: StudioDirectory;
  /** The draft's settings, as the parser reads them now. */
  settings: AppSettings;
  now: () => number;
  fetchPreview: (agent: StudioAgent, settings: AppSettings) => Promise<FetchedPreview>;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const headingId = useId();
  const pickerId = useId();
  const agents = useMemo(
    () => [...directory.agents].sort((a, b) => a.name.localeCompare(b.name)),
    [directory],
  );
  const [pickedId, setPickedId] = useState(agents[0]?.id ?? null);
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });

  async function preview() {
    const agent = agents.find((a) => a.id === pickedId);
    if (!agent) return;
    setState({ kind: 'loading', agentId: agent.id });
    try {
      setState({ kind: 'shown', preview: await fetchPreview(agent, settings) });
    } catch {
      setState({ kind: 'failed', agentId: agent.id });
    }
  }

  const shown = state.kind === 'shown' ? state.preview : null;
  const agent = shown ? agents.find((a) => a.id === shown.agentId) : undefined;
  const draftGoals = shown && agent ? goalsForAgent(settings.goals, agent.id, agent.groupIds) : [];
  const isStale =
    shown !== null && planOf(shown, draftGoals, settings) !== planOf(shown, shown.goals, settings);
  const board = shown
    ? buildGoalBoard({
        now: now(),
        timeZone: shown.timeZone,
        goals: isStale ? shown.goals : draftGoals,
        snapshot: shown.snapshot,
        refreshedAt: shown.snapshot.fetchedAt,
        settings,
        teamGroupIds: shown.teamGroupIds,
        history: EMPTY_NUDGE_HISTORY,
        isAdmin: false,
      })
    : null;
  const personal = board?.progress.filter((p) => p.goal.scope === 'me') ?? [];
  const team = board?.progress.filter((p) => p.goal.scope === 'team') ?? [];

  return (
    <section aria-labelledby={headingId}>
      <MD tag="h2" id={headingId} isBold>
        {t('ui.studio.previewTitle')}
      </MD>
      <SM>{t('ui.studio.previewIntro')}</SM>
      <div>
        <label htmlFor={pickerId}>{t('ui.studio.previewPick')}</label>{' '}
        <select
          id={pickerId}
          value={pickedId ?? ''}
          onChange={(event) => setPickedId(Number(event.target.value))}
        >
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>{' '}
        <Button size="small" disabled={state.kind === 'loading'} onClick={() => void preview()}>
          {state.kind === 'loading' ? t('ui.studio.previewLoading') : t('ui.studio.previewButton')}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === 'failed' && <SM>{t('ui.studio.previewFailed')}</SM>}
        {shown && board && agent && (
          <div data-preview-agent={agent.id}>
            <MD tag="h3" isBold>
              {t('ui.studio.previewOf', { agent: agent.name })}
            </MD>
            <SM>
              {t('ui.studio.previewCost', {
                count: shown.requests,
                zone: shown.timeZone,
              })}
            </SM>
            {isStale && <SM>{t('ui.studio.previewStale')}</SM>}
            {board.progress.length === 0 ? (
              <SM>{t('ui.studio.noGoals')}</SM>
            ) : (
              <>
                <GoalSection title={t('ui.sections.personal')} progress={personal} now={now()} />
                <GoalSection title={t('ui.sections.team')} progress={team} now={now()} />
              </>
            )}
            {board.nudges.length > 0 && (
              <>
                <MD tag="h4" isBold>
                  {t('ui.sections.coaching')}
                </MD>
                <ul>
                  {board.nudges.map((nudge) => (
                    <li key={nudge.id}>{translator.formatMessage(nudge.message)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
