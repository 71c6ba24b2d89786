import { Button } from '@zendeskgarden/react-buttons';
import { MD, SM } from '@zendeskgarden/react-typography';
import { getColor } from '@zendeskgarden/react-theming';
import { useId, useMemo, useState } from 'react';
import styled from 'styled-components';
import { buildGoalBoard } from '../../core/board/buildGoalBoard';
import { planFetch } from '../../core/metrics/fetchPlan';
import { EMPTY_NUDGE_HISTORY } from '../../core/nudges/nudgeHistory';
import type { AppSettings } from '../../core/settings/appSettings';
import { goalsForAgent } from '../../core/settings/goalsForAgent';
import type { StudioAgent, StudioDirectory } from '../../core/studio/effectiveGoals';
import type { OtherAgentFigures as FetchedPreview } from '../../data/zendesk/fetchOtherAgentFigures';
import { GoalSection } from '../components/GoalSection';
import { useTranslator } from '../i18n/TranslatorContext';

// The board at the sidebar's own width, framed, so the admin reads it as the agent will.
const StyledSidebarFrame = styled.div`
  box-sizing: border-box;
  max-width: 320px;
  margin-top: ${(p) => p.theme.space.xs};
  padding: ${(p) => p.theme.space.sm};
  border: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
`;

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
    if (!agent || state.kind === 'loading') return;
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
        {/* Not disabled while loading (a second click is ignored): a button that greys out and back under the
            pointer stays painted grey until the pointer moves. */}
        <Button size="small" onClick={() => void preview()}>
          {t('ui.studio.previewButton')}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === 'loading' && <SM>{t('ui.studio.previewLoading')}</SM>}
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
            <StyledSidebarFrame>
              {board.progress.length === 0 ? (
                <SM>{t('ui.studio.noGoals')}</SM>
              ) : (
                <>
                  <GoalSection
                    title={t('ui.sections.personal')}
                    progress={personal}
                    now={now()}
                    headingTag="h4"
                  />
                  <GoalSection title={t('ui.sections.team')} progress={team} now={now()} headingTag="h4" />
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
            </StyledSidebarFrame>
          </div>
        )}
      </div>
    </section>
  );
}
