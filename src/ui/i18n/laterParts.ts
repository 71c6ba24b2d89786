import type { ShippedLocale } from './translator';
import { loadCatalogPart } from './translator';

// The catalog parts the first paint does without, kept out of main.js with their importers: the full sidebar
// loads the rest of its own texts, the nav_bar page its own (scripts/catalogPartLoader.js says which is which).

/** Settings problems, errors and the answers panel, in the agent's language. */
export const loadSidebarTexts = (locale: string): Promise<ShippedLocale> =>
  loadCatalogPart(
    locale,
    'sidebar',
    (language) =>
      import(
        /* webpackChunkName: "sidebar-[request]" */ `../../../translations/${language}.json?part=sidebar`
      ),
  );

/** The studio's, the team page's and the summaries' texts, in the agent's language. */
export const loadPageTexts = (locale: string): Promise<ShippedLocale> =>
  loadCatalogPart(
    locale,
    'pages',
    (language) =>
      import(/* webpackChunkName: "pages-[request]" */ `../../../translations/${language}.json?part=pages`),
  );
