// Runs in every jest environment; UI tests opt into jsdom with a `@jest-environment jsdom` docblock.
import '@testing-library/jest-dom';

if (typeof window !== 'undefined' && !window.matchMedia) {
  // jsdom has no matchMedia; Garden's theming calls it on import.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
