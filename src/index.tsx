import { createRoot } from 'react-dom/client';
import { composeSidebar } from './app/composeSidebar';
import { createSidebarActivity } from './data/zaf/sidebarActivity';
import { createZafClient } from './data/zaf/zafClient';
import type { StartupState } from './ui/StartupView';
import { StartupView } from './ui/StartupView';
import { createTranslator, loadLocale } from './ui/i18n/translator';

const FIRST_RETRY_SECONDS = 15;
const MAX_RETRY_SECONDS = 300;

function start(): void {
  const root = createRoot(
    document.getElementById('root') ?? document.body.appendChild(document.createElement('div')),
  );
  // The agent's Zendesk locale arrives with the context; until then the browser's is the best guess.
  let translator = createTranslator(navigator.language);
  // The browser's language is the first guess; its catalog (a small chunk) replaces English once loaded.
  void loadLocale(navigator.language).then(() => {
    translator = createTranslator(navigator.language);
  });
  let retryTimer: number | undefined;
  let failures = 0;
  const show = (state: StartupState, onRetry: () => void = () => undefined) =>
    root.render(<StartupView state={state} translator={translator} onRetry={onRetry} />);

  // Painted before any request: the sidebar is never blank, however slow Zendesk is.
  show({ kind: 'loading' });
  const client = createZafClient();
  if (!client) {
    show({ kind: 'outsideZendesk' });
    return;
  }
  // Before any await: ZAF says shown or hidden once, right after registering, and startup takes seconds.
  // Until it has said, a guess: an iframe in a hidden ticket tab (display:none) has no layout box, 0×0.
  const activity = createSidebarActivity(client, () => window.innerWidth > 0 && window.innerHeight > 0);

  const attempt = async (): Promise<void> => {
    window.clearInterval(retryTimer);
    show({ kind: 'loading' });
    const timing = {
      now: () => Date.now(),
      sleep: (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)),
      random: Math.random,
    };
    try {
      if ((await client.context()).location === 'nav_bar') {
        // The goal studio is its own chunk: the sidebar, which loads on every ticket, never carries it.
        const { composeStudio } = await import(/* webpackChunkName: "studio" */ './app/composeStudio');
        root.render(await composeStudio({ client, storage: window.localStorage, timing }));
        failures = 0;
        return;
      }
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
        (element) => root.render(element),
      );
      failures = 0;
      root.render(sidebar.element);
    } catch {
      // ZAF itself did not answer (timeout) or answered nonsense: say so, and try again politely.
      failures += 1;
      const base = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (failures - 1));
      let seconds = Math.round(base / 2 + (Math.random() * base) / 2);
      const retryNow = () => void attempt();
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
