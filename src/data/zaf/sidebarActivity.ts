import type { ZafClient } from './zafClient';

/** Whether Zendesk shows this sidebar (its ticket tab is the active one), as ZAF last said. */
export interface SidebarActivity {
  isActive(): boolean;
  /** Called on every `app.activated` / `app.deactivated`; returns the unsubscribe. */
  subscribe(listener: (isActive: boolean) => void): () => void;
  /** Stops listening to ZAF and forgets the subscribers. */
  dispose(): void;
}

/**
 * Listens to ZAF's activation events from the moment it is created. ZAF sends `app.deactivated` (hidden tab)
 * or `app.activated {firstLoad:true}` once, right after `app.registered`; the sidebar's own listeners come
 * only after its async startup, so without this they would miss it and a background tab would poll forever.
 * Until the first event, `initialGuess` answers.
 */
export function createSidebarActivity(client: ZafClient, initialGuess: () => boolean): SidebarActivity {
  let known: boolean | null = null;
  const listeners = new Set<(isActive: boolean) => void>();
  const set = (isActive: boolean) => {
    known = isActive;
    // A copy: a listener may unsubscribe while being told.
    [...listeners].forEach((listener) => listener(isActive));
  };
  const offs = [client.on('app.activated', () => set(true)), client.on('app.deactivated', () => set(false))];
  return {
    isActive: () => known ?? initialGuess(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose() {
      offs.forEach((off) => off());
      listeners.clear();
    },
  };
}
