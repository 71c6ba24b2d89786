import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { boardOrder, HEADLINE_GOALS } from '../../core/board/boardOrder';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { GoalTrend } from '../../core/trends/goalTrend';
import { FRESH_ENOUGH_MS } from '../../data/engineState';
import type { GoalBoard } from '../hooks/useGoalBoard';
import { useTranslator } from '../i18n/TranslatorContext';
import { FreshnessFooter } from './FreshnessFooter';
import { GapsNotice } from './GapsNotice';
import { GoalAnswers } from './GoalAnswers';
import { GoalSection } from './GoalSection';
import { NudgeList } from './NudgeList';
import { SidebarTitle } from './SidebarTitle';

const StyledBoard = styled.main`
  padding: ${(p) => p.theme.space.sm};
`;

export interface GoalBoardViewProps {
  board: GoalBoard;
  /**
   * Settings problems and why figures are missing or stale, drawn first. The full sidebar passes them; the
   * first paint (last board, no engine yet) has none, and the bundle it loads in does not carry them.
   */
  notices?: ReactNode;
  isAdmin: boolean;
  onRefresh: () => void;
  /** Admins only: the goal studio on the app's own page. */
  onOpenStudio?: () => void;
  /** The headline goals' last periods; none until they are loaded. */
  trends?: readonly GoalTrend[];
  /** The signed-in agent: their answers on their goals are keyed by it. */
  agentId?: number;
}

export function GoalBoardView({
  board,
  notices = null,
  isAdmin,
  onRefresh,
  onOpenStudio,
  trends = [],
  agentId,
}: GoalBoardViewProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { state, progress, nudges, now } = board;
  const [isShowingAll, setIsShowingAll] = useState(false);
  // The first goals in the settings are the headline: they fit the first screen; the rest wait behind a button.
  const ordered = boardOrder(progress, (p) => p.goal.scope);
  const visible = isShowingAll ? ordered : ordered.slice(0, HEADLINE_GOALS);
  const personal = visible.filter((p) => p.goal.scope === 'me');
  const team = visible.filter((p) => p.goal.scope === 'team');
  const hasHiddenTeam = team.some((p) => p.status === 'notVisible');
  // A first load shows the agent's own figures first; the team's counts may still be on their way.
  const isTeamLoading = state.status === 'ready' && state.isRefreshing && team.some((p) => p.value === null);
  return (
    <StyledBoard>
      <SidebarTitle>{t('app.name')}</SidebarTitle>
      {notices}
      {state.status === 'loading' && (
        <div role="status" aria-live="polite">
          <Dots size={24} aria-hidden="true" /> <SM>{t('ui.loading')}</SM>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <GapsNotice gaps={state.gaps ?? undefined} />
          <NudgeList nudges={nudges} onDismiss={board.dismiss} />
          {progress.length === 0 && <SM>{t('ui.noGoals')}</SM>}
          <GoalSection
            title={t('ui.sections.personal')}
            progress={personal}
            now={now}
            trends={trends}
            note={
              board.pendingSolveCount > 0 ? t('ui.pendingSolves', { count: board.pendingSolveCount }) : null
            }
          />
          {agentId !== undefined && (
            <GoalAnswers
              personal={progress.filter((p) => p.goal.scope === 'me')}
              agentId={agentId}
              now={now}
            />
          )}
          <GoalSection
            title={t('ui.sections.team')}
            progress={team}
            now={now}
            trends={trends}
            note={
              hasHiddenTeam
                ? t('ui.notVisibleTeam')
                : isTeamLoading
                  ? t('ui.teamLoading')
                  : state.status === 'ready' && state.isTeamViewPartial
                    ? t('ui.partialTeam')
                    : null
            }
          />
          {ordered.length > HEADLINE_GOALS && (
            <Button
              size="small"
              isBasic
              aria-expanded={isShowingAll}
              onClick={() => setIsShowingAll(!isShowingAll)}
            >
              {isShowingAll
                ? t('ui.goalsList.showFewer')
                : t('ui.goalsList.showAll', { count: ordered.length })}
            </Button>
          )}
          <FreshnessFooter
            refreshedAt={state.refreshedAt}
            now={now}
            isRefreshing={state.isRefreshing}
            hasFailed={state.error !== null}
            isKept={state.isKept}
            minimumAgeMs={FRESH_ENOUGH_MS}
            clock={board.clock}
            onRefresh={onRefresh}
          />
          {isAdmin && onOpenStudio && (
            <Button size="small" isLink onClick={onOpenStudio}>
              {t('ui.openStudio')}
            </Button>
          )}
        </>
      )}
    </StyledBoard>
  );
}
