import { MD, SM, LG } from '@zendeskgarden/react-typography';
import { getColor } from '@zendeskgarden/react-theming';
import { useEffect, useId, useState } from 'react';
import styled from 'styled-components';
import type { StudioAgent } from '../../core/studio/effectiveGoals';
import type { AgentCard, TeamGoalsFigures } from '../../data/team/teamPageRequests';
import { GoalSection } from '../components/GoalSection';
import { useTranslator } from '../i18n/TranslatorContext';
import { ReviewSummaryView } from '../review/ReviewSummaryView';
import { starterText } from './StarterText';
import { Button } from '@zendeskgarden/react-buttons';
import type { TicketFact } from '../../core/goals/ticketFacts';
import type { ReviewSettings, ReviewWindow } from '../../core/review/reviewSummary';

export interface TeamPageProps {
  /** The groups this viewer may see: every group for an admin, a lead's own groups. */
  loadGroups: () => Promise<readonly { id: number; name: string }[]>;
  loadMembers: (groupId: number) => Promise<StudioAgent[]>;
  loadTeamGoals: (groupId: number) => Promise<TeamGoalsFigures>;
  loadAgentCard: (agent: StudioAgent) => Promise<AgentCard>;
  /** Requests the page has sent so far. */
  requestsSent: () => number;
  /** One agent's solved tickets in a review window (fetched only when their summary is asked for). */
  loadReviewTickets: (
    agentId: number,
    window: ReviewWindow,
  ) => Promise<{ tickets: readonly TicketFact[]; isIncomplete: boolean }>;
  reviewSettings: ReviewSettings;
  now: () => number;
  timeZone: string;
}

const StyledCards = styled.ul`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
  gap: ${(p) => p.theme.space.md};
  margin: 0;
  padding: 0;
  list-style: none;
`;

const StyledCard = styled.li`
  padding: ${(p) => p.theme.space.sm};
  border: ${(p) => p.theme.borders.sm} ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
`;

type Loaded<T> = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; value: T };

/**
 * The team lead's page: the group's team goals with their trends, then every agent of the group — sorted by
 * name, never ranked — with their goals this period, their trends, and a few factual conversation starters.
 * Agents' figures load one after another, so the first cards fill while the polite client spaces the rest.
 */
export function TeamPage(props: TeamPageProps) {
  const translator = useTranslator();
  const { t } = translator;
  const pickerId = useId();
  const [groups, setGroups] = useState<Loaded<readonly { id: number; name: string }[]>>({ kind: 'loading' });
  const [groupId, setGroupId] = useState<number | null>(null);
  const [members, setMembers] = useState<Loaded<StudioAgent[]>>({ kind: 'loading' });
  const [teamGoals, setTeamGoals] = useState<Loaded<TeamGoalsFigures>>({ kind: 'loading' });
  const [cards, setCards] = useState<ReadonlyMap<number, Loaded<AgentCard>>>(new Map());
  const [reviewing, setReviewing] = useState<ReadonlySet<number>>(new Set());
  const { loadGroups, loadMembers, loadTeamGoals, loadAgentCard } = props;

  useEffect(() => {
    let isCurrent = true;
    loadGroups().then(
      (found) => {
        if (!isCurrent) return;
        setGroups({ kind: 'ready', value: found });
        setGroupId(found[0]?.id ?? null);
      },
      () => isCurrent && setGroups({ kind: 'failed' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [loadGroups]);

  useEffect(() => {
    if (groupId === null) return;
    let isCurrent = true;
    setMembers({ kind: 'loading' });
    setTeamGoals({ kind: 'loading' });
    setCards(new Map());
    void (async () => {
      try {
        const found = await loadMembers(groupId);
        if (!isCurrent) return;
        setMembers({ kind: 'ready', value: found });
        const goals = await loadTeamGoals(groupId).catch(() => null);
        if (!isCurrent) return;
        setTeamGoals(goals ? { kind: 'ready', value: goals } : { kind: 'failed' });
        for (const agent of found) {
          const card = await loadAgentCard(agent).catch(() => null);
          if (!isCurrent) return;
          setCards((current) =>
            new Map(current).set(agent.id, card ? { kind: 'ready', value: card } : { kind: 'failed' }),
          );
        }
      } catch {
        if (isCurrent) setMembers({ kind: 'failed' });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [groupId, loadMembers, loadTeamGoals, loadAgentCard]);

  const now = props.now();
  const agents = members.kind === 'ready' ? members.value : [];
  const done = [...cards.values()].filter((card) => card.kind !== 'loading').length;
  return (
    <>
      <LG tag="h1">{t('ui.team.title')}</LG>
      <MD>{t('ui.team.intro')}</MD>
      {groups.kind === 'failed' && <SM>{t('ui.team.failed')}</SM>}
      {groups.kind === 'ready' && groups.value.length > 1 && (
        <div>
          <label htmlFor={pickerId}>{t('ui.team.groupPick')}</label>{' '}
          <select
            id={pickerId}
            value={groupId ?? ''}
            onChange={(event) => setGroupId(Number(event.target.value))}
          >
            {groups.value.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {members.kind === 'loading' && groups.kind !== 'failed' && <SM>{t('ui.team.loadingMembers')}</SM>}
      {members.kind === 'failed' && <SM>{t('ui.team.failed')}</SM>}

      {members.kind === 'ready' && (
        <>
          <section>
            <SM>{t('ui.team.periodsIn', { zone: props.timeZone })}</SM>
            {teamGoals.kind === 'failed' && <SM>{t('ui.team.failed')}</SM>}
            {teamGoals.kind === 'ready' &&
              (teamGoals.value.progress.length === 0 ? (
                <SM>{t('ui.team.noTeamGoals')}</SM>
              ) : (
                <GoalSection
                  title={t('ui.team.teamGoals')}
                  progress={teamGoals.value.progress}
                  trends={teamGoals.value.trends}
                  now={now}
                />
              ))}
          </section>
          <section aria-labelledby={`${pickerId}-agents`}>
            <MD tag="h2" id={`${pickerId}-agents`} isBold>
              {t('ui.team.agents')}
            </MD>
            <div aria-live="polite">
              {agents.length === 0 && <SM>{t('ui.team.noMembers')}</SM>}
              {agents.length > 0 && done < agents.length && (
                <SM>{t('ui.team.loadingAgents', { done, total: agents.length })}</SM>
              )}
            </div>
            <StyledCards>
              {agents.map((agent) => {
                const card = cards.get(agent.id) ?? { kind: 'loading' };
                const nameId = `${pickerId}-agent-${agent.id}`;
                return (
                  <StyledCard key={agent.id} aria-labelledby={nameId} data-agent={agent.id}>
                    <MD tag="h3" id={nameId} isBold>
                      {agent.name}
                    </MD>
                    {card.kind === 'loading' && <SM>{t('ui.team.loadingAgent')}</SM>}
                    {card.kind === 'failed' && <SM>{t('ui.team.failed')}</SM>}
                    {card.kind === 'ready' && (
                      <>
                        <SM>{t('ui.team.periodsIn', { zone: card.value.timeZone })}</SM>
                        <GoalSection
                          title={t('ui.team.goalsThisPeriod')}
                          regionLabel={`${agent.name}: ${t('ui.team.goalsThisPeriod')}`}
                          progress={card.value.progress}
                          trends={card.value.trends}
                          now={now}
                          headingTag="h4"
                        />
                        <MD tag="h4" isBold>
                          {t('ui.team.starters')}
                        </MD>
                        <div className="no-print">
                          <Button
                            size="small"
                            isLink
                            aria-expanded={reviewing.has(agent.id)}
                            onClick={() =>
                              setReviewing((current) => {
                                const next = new Set(current);
                                if (!next.delete(agent.id)) next.add(agent.id);
                                return next;
                              })
                            }
                          >
                            {t('ui.review.showFor')}
                          </Button>
                        </div>
                        {reviewing.has(agent.id) && (
                          <ReviewSummaryView
                            subjectName={agent.name}
                            timeZone={card.value.timeZone}
                            goals={card.value.progress.map((p) => p.goal)}
                            settings={props.reviewSettings}
                            now={props.now}
                            loadTickets={(window) => props.loadReviewTickets(agent.id, window)}
                            headingLevel={4}
                          />
                        )}
                        {card.value.starters.length === 0 ? (
                          <SM>{t('ui.team.noStarters')}</SM>
                        ) : (
                          <ul>
                            {card.value.starters.map((starter, index) => (
                              <li key={`${starter.kind}:${index}`}>
                                <SM>{starterText(translator, starter)}</SM>
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    )}
                  </StyledCard>
                );
              })}
            </StyledCards>
            <SM>{t('ui.team.cost', { count: props.requestsSent() })}</SM>
          </section>
        </>
      )}
    </>
  );
}
