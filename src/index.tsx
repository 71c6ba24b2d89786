// First: chunks load from beside main.js (see publicPath.ts).
import './publicPath';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { readStartContext } from './data/firstPaintContext';
import { createSidebarActivity } from './data/zaf/sidebarActivity';
import { createZafClient, loadRequestSender } from './data/zaf/zafClient';
import { LastBoardApp } from './ui/LastBoardApp';
import type { StartupState } from './ui/StartupView';
import { StartupView } from './ui/StartupView';
import { createTranslator, loadLocale, shippedLocale } from './ui/i18n/translator';

const FIRST_RETRY_SECONDS = 15;
const MAX_RETRY_SECONDS = 300;
/**
 * "Loading" waits this long: most sidebars paint the agent's last board sooner, and drawing a loading view
 * first would cost that paint its styles' work (and the agent a flash of a view they never need to read).
 */
const LOADING_DELAY_MS = 150;
/** A hidden iframe gets no animation frames: the engine loads after this long even unpainted. */
const MAX_PAINT_WAIT_MS = 100;

/** Resolves once the browser has painted what was just rendered (or MAX_PAINT_WAIT_MS passed). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, MAX_PAINT_WAIT_MS);
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        window.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

function start(): void {
  const root = createRoot(
    document.getElementById('root') ?? document.body.appendChild(document.createElement('div')),
  );
  // The agent's Zendesk locale arrives with ZAF's context; until then, English words (the only ones main.js
  // carries) with the browser's number formats.
  let translator = createTranslator(navigator.language);
  let retryTimer: number | undefined;
  let loadingTimer: number | undefined;
  let failures = 0;
  /** What is on screen: the loading view, the first paint (the agent's last board), or anything else. */
  let onScreen: 'loading' | 'lastBoard' | 'other' = 'other';
  const render = (element: ReactElement, shown: typeof onScreen = 'other') => {
    window.clearTimeout(loadingTimer);
    onScreen = shown;
    root.render(element);
  };
  const show = (state: StartupState, onRetry: () => void = () => undefined) =>
    render(
      <StartupView state={state} translator={translator} onRetry={onRetry} />,
      state.kind === 'loading' ? 'loading' : 'other',
    );
  // The sidebar is never blank for long, however slow Zendesk is: "Loading" comes within LOADING_DELAY_MS.
  const showLoadingSoon = () => {
    window.clearTimeout(loadingTimer);
    loadingTimer = window.setTimeout(() => show({ kind: 'loading' }), LOADING_DELAY_MS);
  };

  showLoadingSoon();
  const client = createZafClient();
  if (!client) {
    show({ kind: 'outsideZendesk' });
    return;
  }
  // Before any await: ZAF says shown or hidden once, right after registering, and startup takes seconds.
  // Until it has said, a guess: an iframe in a hidden ticket tab (display:none) has no layout box, 0×0.
  const activity = createSidebarActivity(client, () => window.innerWidth > 0 && window.innerHeight > 0);

  const attempt = async (): Promise<void> => {
    // The countdown (an interval) or the quiet retry under a last board (a timeout): one list of timers.
    window.clearTimeout(retryTimer);
    // A retry replaces a failure message at once; a first start gives the last board its chance first; a
    // last board on screen stays there.
    if (onScreen !== 'lastBoard') {
      if (failures > 0) show({ kind: 'loading' });
      else showLoadingSoon();
    }
    const timing = {
      now: () => Date.now(),
      sleep: (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)),
      random: Math.random,
    };
    try {
      // Where this frame is and who is looking, asked of ZAF at once: each answer is a round trip to Zendesk's
      // page, and the first paint waits for both. The sidebar's first paint is the board this agent last saw,
      // drawn by this small bundle; the engine, settings parser and goal evaluation (the `sidebar` chunk) load
      // after it and redraw it with current figures.
      const [{ location }, context] = await Promise.all([
        client.context(),
        readStartContext(client, window.localStorage, Date.now()).catch(() => null),
      ]);
      if (location === 'nav_bar') {
        // The goal studio is its own chunk: the sidebar, which loads on every ticket, never carries it.
        const { composeStudio } = await import(/* webpackChunkName: "studio" */ './app/composeStudio');
        render(await composeStudio({ client, storage: window.localStorage, timing }));
        failures = 0;
        return;
      }
      // The agent's board texts, in their own language (not English instead): the last board's words, and the
      // loading and failed views' once loaded.
      const boardTexts = context
        ? loadLocale(context.locale).then(
            (language) => language === shippedLocale(context.locale),
            () => false,
          )
        : null;
      if (context) translator = createTranslator(context.locale);
      // A loading view up before the agent's language was known says it again, in their words.
      void boardTexts?.then((loaded) => {
        if (loaded && onScreen === 'loading') show({ kind: 'loading' });
      });
      if (!context?.lastBoard && onScreen === 'lastBoard') {
        // A retry over a last board that has since gone stale (its period over, or 12 h old): it goes.
        show({ kind: 'loading' });
      }
      // A board whose words could not load (its chunk failed: offline) is not drawn in raw keys.
      if (context?.lastBoard && (await boardTexts)) {
        render(
          <LastBoardApp
            client={client}
            firstPaint={{ ...context, lastBoard: context.lastBoard }}
            clock={Date.now}
            onRefresh={() => {
              // Only after a failed start: otherwise the full sidebar is already on its way.
              if (failures > 0) void attempt();
            }}
          />,
          'lastBoard',
        );
        await afterPaint();
      }
      // The code that sends requests loads beside the sidebar's, not after it (a failure is the first request's).
      void loadRequestSender().catch(() => undefined);
      const { composeSidebar } = await import(/* webpackChunkName: "sidebar" */ './app/composeSidebar');
      const sidebar = await composeSidebar(
        {
          client,
          storage: window.localStorage,
          timing,
          engineClock: {
            now: () => Date.now(),
            setTimeout: (run, ms) => window.setTimeout(run, ms),
            clearTimeout: (handle) => window.clearTimeout(handle as number),
          },
          openChannel: (name) => new BroadcastChannel(name),
          locks: typeof navigator.locks?.request === 'function' ? navigator.locks : undefined,
          instanceId: crypto.randomUUID(),
          activity,
        },
        (element) => render(element),
      );
      failures = 0;
      render(sidebar.element);
    } catch {
      // ZAF itself did not answer (timeout) or answered nonsense, or the sidebar's chunk did not load
      // (offline): say so, and try again politely.
      failures += 1;
      const base = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (failures - 1));
      let seconds = Math.round(base / 2 + (Math.random() * base) / 2);
      const retryNow = () => void attempt();
      if (onScreen === 'lastBoard') {
        // The last board stays, its age in its footer: a failed start takes no figures away.
        retryTimer = window.setTimeout(retryNow, seconds * 1000);
        return;
      }
      show({ kind: 'failed', retryInSeconds: seconds }, retryNow);
      retryTimer = window.setInterval(() => {
        seconds -= 1;
        if (seconds <= 0) retryNow();
        else show({ kind: 'failed', retryInSeconds: seconds }, retryNow);
      }, 1000);
    }
  };
  void attempt();
}

start();
