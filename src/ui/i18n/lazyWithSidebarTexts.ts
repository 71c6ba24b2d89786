import type { ComponentType, LazyExoticComponent } from 'react';
import { lazy } from 'react';

/**
 * A component drawn after the first paint whose words are in the catalog's `sidebar` part, which a first paint
 * has not loaded: its chunk and those texts load together, once per language. If either cannot load (offline),
 * `unavailable` is drawn in its place, rather than raw keys or a crash, until a later render loads them.
 */
export function lazyWithSidebarTexts<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  unavailable: ComponentType<Props>,
): (locale: string) => LazyExoticComponent<ComponentType<Props>> {
  const made = new Map<string, LazyExoticComponent<ComponentType<Props>>>();
  return (locale) => {
    let component = made.get(locale);
    if (!component) {
      component = lazy(() =>
        Promise.all([load(), import('./laterParts').then((parts) => parts.loadSidebarTexts(locale))]).then(
          ([loaded]) => ({ default: loaded }),
          () => {
            // Not kept: the next render (the board redraws at least every 30 s) tries again.
            made.delete(locale);
            return { default: unavailable };
          },
        ),
      );
      made.set(locale, component);
    }
    return component;
  };
}
