import type { ReactElement } from 'react';
import * as v from 'valibot';
import type { KeyValueStore } from '../data/engine/snapshotCache';
import { storageKeys } from '../data/storageKeys';
import { fetchOtherAgentFigures } from '../data/zendesk/fetchOtherAgentFigures';
import { createHistoryCounts } from '../data/studio/fetchHistoryCounts';
import { fetchInstalledSettings, loadDirectory, saveInstalledSettings } from '../data/studio/studioRequests';
import type { ZafClient } from '../data/zaf/zafClient';
import type { PolitenessOptions, RequestTiming } from '../data/zendesk/politeRequest';
import { accountBudgetForPlan, createPoliteGet, DEFAULT_POLITENESS } from '../data/zendesk/politeRequest';
import { createStoredRateState } from '../data/zendesk/sharedRateState';
import { ClientProvider } from '../ui/ClientProvider';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { loadPageTexts, loadSidebarTexts } from '../ui/i18n/laterParts';
import { createTranslator, loadLocale } from '../ui/i18n/translator';
import { TranslatorContext } from '../ui/i18n/TranslatorContext';
import { AppPage } from '../ui/AppPage';
import { AppThemeProvider } from '../ui/theme/AppThemeProvider';
import { fetchAllAnswers, setUpAnswers } from '../data/answers/answerRecords';
import { GoalStudio } from '../ui/studio/GoalStudio';
import { PrintOneSummary, StyledStudio } from '../ui/studio/StyledStudio';
import { ReviewSummaryView } from '../ui/review/ReviewSummaryView';
import { fetchReviewTickets } from '../data/review/fetchReviewTickets';
import type { ReviewWindow } from '../core/review/reviewSummary';
import { goalsForAgent } from '../core/settings/goalsForAgent';
import { TeamPage } from '../ui/team/TeamPage';
import { parseAppSettings } from '../core/settings/parseAppSettings';
import type { StudioDirectory } from '../core/studio/effectiveGoals';
import { fetchAgentCard, fetchGroupMembers, fetchTeamGoals } from '../data/team/teamPageRequests';
import type { PoliteGet } from '../data/zendesk/politeRequest';
import { StudioForAgents } from '../ui/studio/StudioForAgents';

export interface StudioEnvironment {
  client: ZafClient;
  storage: KeyValueStore;
  timing: RequestTiming;
  /** Overrides of the request politeness (tests run with no waits). */
  politeness?: Partial<PolitenessOptions>;
}

const ViewerSchema = v.looseObject({
  id: v.number(),
  name: v.optional(v.string()),
  groups: v.optional(v.array(v.looseObject({ id: v.number(), name: v.string() })), []),
  role: v.optional(v.string(), 'agent'),
  locale: v.optional(v.string(), 'en'),
  timeZone: v.nullish(v.looseObject({ ianaName: v.nullish(v.string()) })),
});
const AccountSchema = v.looseObject({ subdomain: v.string(), planName: v.nullish(v.string()) });

/**
 * The studio's share of the account's per-minute limit: twice a sidebar's, because an admin's check is a
 * deliberate, occasional action (a full check of a large account still takes minutes, shown as it runs);
 * it shares the admin's own sidebar's count, so the two together stay within it.
 */
const STUDIO_SHARE_OF_BUDGET = 2 * DEFAULT_POLITENESS.maxShareOfBudget;

/**
 * The `nav_bar` page (a lazy chunk: the sidebar never loads it). Admins get the goal studio and the team page;
 * members of the team leads group (a setting) the team page for their own groups; anyone else a short
 * explanation, and no request is sent for them: ZAF's own knowledge of the viewer decides.
 */
export async function composeStudio(env: StudioEnvironment): Promise<ReactElement> {
  const { client, storage, timing } = env;
  const viewer = v.parse(ViewerSchema, await client.get('currentUser'));
  // The page shows the sidebar's texts too (the preview, goal names, statuses).
  await Promise.all([
    loadLocale(viewer.locale),
    loadSidebarTexts(viewer.locale),
    loadPageTexts(viewer.locale),
  ]);
  const translator = createTranslator(viewer.locale);
  const isAdmin = viewer.role === 'admin';
  const timeZone = viewer.timeZone?.ianaName ?? 'UTC';
  const settings = await client.settings();
  const parsed = parseAppSettings(settings, timing.now()).settings;
  const leadsGroupId = parsed.teamLeadsGroupId;
  const isLead =
    !isAdmin && leadsGroupId !== null && viewer.groups.some((group) => group.id === leadsGroupId);
  let page: ReactElement;
  const account = v.parse(AccountSchema, await client.get('currentAccount'));
  const politeGet = createPoliteGet(
    client.request.bind(client),
    timing,
    {
      ...DEFAULT_POLITENESS,
      accountBudgetPerMinute: accountBudgetForPlan(account.planName ?? null),
      maxShareOfBudget: STUDIO_SHARE_OF_BUDGET,
      ...env.politeness,
    },
    createStoredRateState(storage, account.subdomain, viewer.id),
  );
  // The page counts what it sends, and says so.
  let requestsSent = 0;
  const get: PoliteGet = (url) => {
    requestsSent += 1;
    return politeGet(url);
  };
  // A past window's tickets do not change while the page is open: a summary opened again costs nothing.
  const reviewMemo = new Map<string, ReturnType<typeof fetchReviewTickets>>();
  const reviewTickets = (assignee: 'me' | number, window: ReviewWindow) => {
    const key = `${assignee}:${window.start}:${window.end}`;
    const known = reviewMemo.get(key);
    if (known) return known;
    const loading = fetchReviewTickets(get, assignee, window, timing.now());
    if (window.end <= timing.now()) {
      reviewMemo.set(key, loading);
      loading.catch(() => reviewMemo.delete(key));
    }
    return loading;
  };
  if (!isAdmin && !isLead) {
    // Agents see their own summary only, fetched when they ask for it: nothing of anyone else.
    page = (
      <>
        <StudioForAgents />
        <ReviewSummaryView
          subjectName={viewer.name ?? translator.t('ui.review.own')}
          timeZone={timeZone}
          goals={goalsForAgent(
            parsed.goals,
            viewer.id,
            viewer.groups.map((group) => group.id),
          )}
          settings={parsed}
          now={timing.now}
          loadTickets={(window) => reviewTickets('me', window)}
        />
      </>
    );
  } else {
    const scope = { accountSubdomain: account.subdomain, agentId: viewer.id };
    let directory: Promise<StudioDirectory> | null = null;
    const directoryOnce = () => (directory ??= loadDirectory(get));
    const trendCache = { store: storage, cacheKey: storageKeys.trendCounts(scope), timing };
    const team = (
      <TeamPage
        loadGroups={
          isAdmin
            ? () =>
                directoryOnce().then((found) =>
                  found.groups.filter((group) => found.agents.some((a) => a.groupIds.includes(group.id))),
                )
            : () => Promise.resolve(viewer.groups.filter((group) => group.id !== leadsGroupId))
        }
        loadMembers={(groupId) => fetchGroupMembers(get, groupId)}
        loadTeamGoals={(groupId) =>
          fetchTeamGoals(get, groupId, parsed, { now: timing.now(), timeZone, cache: trendCache })
        }
        loadAgentCard={(agent) =>
          fetchAgentCard(get, agent, parsed, {
            now: timing.now(),
            fallbackTimeZone: timeZone,
            cache: trendCache,
          })
        }
        requestsSent={() => requestsSent}
        loadReviewTickets={(agentId, window) => reviewTickets(agentId, window)}
        reviewSettings={parsed}
        now={timing.now}
        timeZone={timeZone}
      />
    );
    if (!isAdmin) {
      page = team;
    } else {
      const installationId = await client.installationId();
      const withInstallation = <T,>(run: (id: number) => Promise<T>) =>
        installationId === null ? Promise.reject(new Error('no installation')) : run(installationId);
      const answers = { load: () => fetchAllAnswers(client), setUp: () => setUpAnswers(client) };
      page = (
        <AppPage
          team={team}
          studio={
            <GoalStudio
              initialSettings={settings}
              loadDirectory={directoryOnce}
              readSaved={() => withInstallation((id) => fetchInstalledSettings(client, id))}
              save={(changes) => withInstallation((id) => saveInstalledSettings(client, id, changes))}
              now={timing.now}
              timeZone={timeZone}
              fetchPreview={(agent, draftSettings) =>
                fetchOtherAgentFigures(get, agent, draftSettings, {
                  now: timing.now(),
                  fallbackTimeZone: timeZone,
                })
              }
              answers={answers}
              historyCounts={createHistoryCounts(get, storage, storageKeys.studioHistory(scope), timing.now)}
            />
          }
        />
      );
    }
  }
  return (
    <AppThemeProvider client={client}>
      <ClientProvider client={client}>
        <TranslatorContext.Provider value={translator}>
          <ErrorBoundary
            message={translator.t('ui.crashed')}
            retryLabel={translator.t('ui.tryAgain')}
            onReset={() => undefined}
          >
            <PrintOneSummary />
            <StyledStudio>{page}</StyledStudio>
          </ErrorBoundary>
        </TranslatorContext.Provider>
      </ClientProvider>
    </AppThemeProvider>
  );
}
