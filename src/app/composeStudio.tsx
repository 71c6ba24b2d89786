import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactElement } from 'react';
import * as v from 'valibot';
import type { KeyValueStore } from '../data/engine/snapshotCache';
import { storageKeys } from '../data/storageKeys';
import { fetchAgentPreview } from '../data/studio/fetchAgentPreview';
import { createHistoryCounts } from '../data/studio/fetchHistoryCounts';
import { fetchInstalledSettings, loadDirectory, saveInstalledSettings } from '../data/studio/studioRequests';
import type { ZafClient } from '../data/zaf/zafClient';
import type { PolitenessOptions, RequestTiming } from '../data/zendesk/politeRequest';
import { accountBudgetForPlan, createPoliteGet, DEFAULT_POLITENESS } from '../data/zendesk/politeRequest';
import { createStoredRateState } from '../data/zendesk/sharedRateState';
import { ClientProvider } from '../ui/ClientProvider';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { createTranslator } from '../ui/i18n/translator';
import { TranslatorContext } from '../ui/i18n/TranslatorContext';
import { GoalStudio } from '../ui/studio/GoalStudio';
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
 * The `nav_bar` page (a lazy chunk: the sidebar never loads it). Admins get the goal studio; anyone else a
 * short explanation, and no request is sent for them: ZAF's own knowledge of the viewer decides.
 */
export async function composeStudio(env: StudioEnvironment): Promise<ReactElement> {
  const { client, storage, timing } = env;
  const viewer = v.parse(ViewerSchema, await client.get('currentUser'));
  const translator = createTranslator(viewer.locale);
  const isAdmin = viewer.role === 'admin';
  const timeZone = viewer.timeZone?.ianaName ?? 'UTC';
  let studio: ReactElement;
  if (!isAdmin) {
    studio = <StudioForAgents />;
  } else {
    const account = v.parse(AccountSchema, await client.get('currentAccount'));
    const installationId = await client.installationId();
    const settings = await client.settings();
    const get = createPoliteGet(
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
    const withInstallation = <T,>(run: (id: number) => Promise<T>) =>
      installationId === null ? Promise.reject(new Error('no installation')) : run(installationId);
    studio = (
      <GoalStudio
        initialSettings={settings}
        loadDirectory={() => loadDirectory(get)}
        readSaved={() => withInstallation((id) => fetchInstalledSettings(client, id))}
        save={(changes) => withInstallation((id) => saveInstalledSettings(client, id, changes))}
        now={timing.now}
        timeZone={timeZone}
        fetchPreview={(agent, draftSettings) =>
          fetchAgentPreview(get, agent, draftSettings, { now: timing.now(), fallbackTimeZone: timeZone })
        }
        historyCounts={createHistoryCounts(
          get,
          storage,
          storageKeys.studioHistory({ accountSubdomain: account.subdomain, agentId: viewer.id }),
          timing.now,
        )}
      />
    );
  }
  return (
    <ThemeProvider>
      <ClientProvider client={client}>
        <TranslatorContext.Provider value={translator}>
          <ErrorBoundary
            message={translator.t('ui.crashed')}
            retryLabel={translator.t('ui.tryAgain')}
            onReset={() => undefined}
          >
            {studio}
          </ErrorBoundary>
        </TranslatorContext.Provider>
      </ClientProvider>
    </ThemeProvider>
  );
}
