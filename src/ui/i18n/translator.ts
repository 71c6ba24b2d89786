import type { Message, MessageValue } from '../../core/goals/message';
import type en from '../../../translations/en.json';
import startupEnglish from '../../../translations/en.json?part=startup';
import { PSEUDO_LOCALE, pseudoLocalized } from './pseudoLocale';

export const SHIPPED_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-br'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/**
 * Each catalog comes in three parts (scripts/catalogPartLoader.js): `firstPaint`, the board's texts;
 * `sidebar`, the rest of the sidebar's (settings problems, errors, the answers panel, trend lines), loaded with
 * its engine; `pages`, the nav_bar page's (studio, team page, summaries), which the sidebar never loads.
 */
export type CatalogPart = 'firstPaint' | 'sidebar' | 'pages';

type Catalog = typeof en;
type Texts = Record<string, unknown>;
/**
 * main.js carries only English's startup texts: the loading, not-in-Zendesk and failed views drawn before the
 * agent's language is known. Every part is a chunk per language, loaded by loadCatalogPart() for who needs it:
 * the first paint's bundle holds no language's board texts but the agent's.
 */
const CATALOGS = new Map<ShippedLocale, Texts>([['en', startupEnglish]]);
const LOADED = new Set<string>();

const isTexts = (value: unknown): value is Texts =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A part added to what is loaded of a language; the parts split at sections, so sections merge. */
function merged(into: Texts, part: Texts): Texts {
  const result: Texts = { ...into };
  for (const [key, value] of Object.entries(part)) {
    const existing = result[key];
    result[key] = isTexts(existing) && isTexts(value) ? merged(existing, value) : value;
  }
  return result;
}

/** Imports one language's part of the catalog (a lazy chunk per language and part). */
export type PartImporter = (language: ShippedLocale) => Promise<{ default: unknown }>;

async function loadPart(language: ShippedLocale, part: CatalogPart, importPart: PartImporter) {
  if (LOADED.has(`${language}:${part}`)) return language;
  const loaded = (await importPart(language)).default;
  if (!isTexts(loaded)) throw new Error(`The ${language} ${part} texts are not a catalog`);
  CATALOGS.set(language, merged(CATALOGS.get(language) ?? {}, loaded));
  LOADED.add(`${language}:${part}`);
  return language;
}

/**
 * Loads a part of the agent's language so translators can use it, and says which language it loaded. Every
 * shipped catalog has every text (a test fails otherwise), so English is loaded only when the agent's language
 * cannot be (its chunk failed); rejects when neither could, so the caller shows no view whose texts are
 * missing. The later parts' importers live in laterParts.ts, outside the main bundle.
 */
export async function loadCatalogPart(
  locale: string,
  part: CatalogPart,
  importPart: PartImporter,
): Promise<ShippedLocale> {
  const language = shippedLocale(locale);
  try {
    return await loadPart(language, part, importPart);
  } catch (failure) {
    if (language === 'en') throw failure;
    return loadPart('en', part, importPart);
  }
}

/** Loads the board's texts in the agent's language: what the first paint needs; rejects if none could load. */
export const loadLocale = (locale: string): Promise<ShippedLocale> =>
  loadCatalogPart(
    locale,
    'firstPaint',
    (language) =>
      import(
        /* webpackChunkName: "locale-[request]" */ `../../../translations/${language}.json?part=firstPaint`
      ),
  );

/** Every leaf path of the English catalog ("ui.status.achieved"). */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A text the UI may ask for: checked by the compiler against translations/en.json (plural forms folded). */
export type MessageKey = WithoutPlural<LeafPaths<Catalog>>;
export type MessageValues = Readonly<Record<string, string | number>>;

/** Everything the UI needs to speak the agent's language: translated strings and Intl formatting. */
export interface Translator {
  locale: string;
  t(key: MessageKey, values?: MessageValues): string;
  /** A key built at run time (settings names, core messages): looked up the same way, the key itself if absent. */
  lookup(key: string, values?: MessageValues): string;
  formatMessage(message: Message): string;
  number(value: number, maximumFractionDigits?: number): string;
  percent(value: number): string;
  duration(minutes: number): string;
  /** "2 min ago", from the age in milliseconds. */
  age(milliseconds: number): string;
  time(at: number, timeZone: string): string;
}

/** The shipped language an agent's locale is spoken in ("de-AT" is "de"); English for any other. */
export function shippedLocale(locale: string): ShippedLocale {
  const lower = locale.toLowerCase().replace('_', '-');
  const language = lower.split('-')[0];
  // Portuguese is shipped as Brazil's; any other language by its first part ("fr-CA" → "fr").
  if (language === 'pt') return 'pt-br';
  return SHIPPED_LOCALES.find((shipped) => shipped === language) ?? 'en';
}

/** The string at a dotted path, own properties only (a key such as `constructor` finds nothing). */
function find(catalog: unknown, path: string): string | null {
  let node: unknown = catalog;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string' ? node : null;
}

function interpolate(template: string, values: MessageValues, formatNumber: (n: number) => string): string {
  return template.replace(/\{\{(\w+)\}\}(\.?)/g, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    const text = typeof value === 'number' ? formatNumber(value) : String(value);
    // An abbreviation ending a sentence ends it once: "2 Std.", not "2 Std..".
    return stop === '.' && text.endsWith('.') ? text : text + stop;
  });
}

/**
 * Intl formatters, made once per locale and options and shared by every translator: each costs far more to
 * construct than to use, and the sidebar's first paint formats dozens of figures.
 */
const FORMATTERS = new Map<string, unknown>();
function formatter<T>(key: string, make: () => T): T {
  let made = FORMATTERS.get(key) as T | undefined;
  if (made === undefined) {
    made = make();
    FORMATTERS.set(key, made);
  }
  return made;
}

/** Creates the translator for an agent's locale (e.g. "de-DE"); unknown languages fall back to English. */
export function createTranslator(locale: string): Translator {
  const language = shippedLocale(locale);
  // Simulator and test builds only: see pseudoLocale.ts.
  const isPseudo = __GOALPOST_PSEUDO__ && locale === PSEUDO_LOCALE;
  const intlLocale = formatter(`supported:${locale}`, () =>
    Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : language,
  );
  // Each catalog picks its plural forms by its own language's rules: an English fallback text for a French
  // agent still says "0 tickets", not the French "0 ticket". Catalogs are read at each lookup, so a part
  // loaded later (the answers panel's, opened from the first paint) speaks through translators made before.
  const pluralRules = (of: string) => formatter(`plural:${of}`, () => new Intl.PluralRules(of));
  const catalogs = () => {
    const english = CATALOGS.get('en') ?? startupEnglish;
    return [
      {
        texts: CATALOGS.get(language) ?? english,
        plurals: pluralRules(CATALOGS.has(language) ? language : 'en'),
      },
      { texts: english, plurals: pluralRules('en') },
    ];
  };
  const numberFormat = (maximumFractionDigits: number) =>
    formatter(
      `number:${intlLocale}:${maximumFractionDigits}`,
      () => new Intl.NumberFormat(intlLocale, { maximumFractionDigits }),
    );
  const percentFormat = () =>
    formatter(
      `percent:${intlLocale}`,
      () => new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 }),
    );
  // One unit style for every part, so a duration never mixes "3h" with "48 Min.".
  const unit = (name: 'day' | 'hour' | 'minute') =>
    formatter(
      `unit:${intlLocale}:${name}`,
      () => new Intl.NumberFormat(intlLocale, { style: 'unit', unit: name, unitDisplay: 'short' }),
    );
  const relative = () =>
    formatter(
      `relative:${intlLocale}`,
      () => new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto', style: 'short' }),
    );

  function lookup(key: string, values: MessageValues = {}): string {
    const count = values.count;
    for (const { texts, plurals } of catalogs()) {
      const candidates =
        typeof count === 'number' ? [`${key}_${plurals.select(count)}`, `${key}_other`, key] : [key];
      for (const candidate of candidates) {
        const template = find(texts, candidate);
        if (template !== null)
          return interpolate(isPseudo ? pseudoLocalized(template) : template, values, (n) =>
            numberFormat(0).format(n),
          );
      }
    }
    return key;
  }

  const translator: Translator = {
    locale: intlLocale,
    t: (key, values) => lookup(key, values),
    lookup,
    number: (value, maximumFractionDigits = 0) => numberFormat(maximumFractionDigits).format(value),
    percent: (value) => percentFormat().format(value / 100),
    duration(minutes) {
      const whole = Math.max(0, Math.round(minutes));
      const days = Math.floor(whole / 1440);
      const hours = Math.floor((whole % 1440) / 60);
      const rest = whole % 60;
      const parts = [
        days > 0 ? unit('day').format(days) : null,
        hours > 0 ? unit('hour').format(hours) : null,
        rest > 0 || whole === 0 ? unit('minute').format(rest) : null,
      ];
      return parts.filter(Boolean).join(' ');
    },
    age(milliseconds) {
      const minutes = Math.round(Math.max(0, milliseconds) / 60_000);
      if (minutes < 60) return relative().format(-minutes, 'minute');
      const hours = Math.round(minutes / 60);
      return hours < 48
        ? relative().format(-hours, 'hour')
        : relative().format(-Math.round(hours / 24), 'day');
    },
    time: (at, timeZone) =>
      formatter(
        `time:${intlLocale}:${timeZone}`,
        () => new Intl.DateTimeFormat(intlLocale, { hour: 'numeric', minute: '2-digit', timeZone }),
      ).format(at),
    formatMessage(message) {
      const values: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(message.params)) values[name] = formatValue(value);
      const count = message.params.count;
      if (count?.type === 'count') values.count = count.value;
      return lookup(message.key, values);
    },
  };

  function formatValue(value: MessageValue): string {
    switch (value.type) {
      case 'count':
        return translator.number(value.value);
      case 'percent':
        return translator.percent(value.value);
      case 'duration':
        return translator.duration(value.minutes);
      case 'ticket':
        return String(value.id);
      case 'text':
        return value.value;
      case 'time':
        return translator.time(value.at, value.timeZone);
      case 'goal':
        return lookup(`ui.goals.${value.scope}.${value.metric}.${value.period}`);
    }
  }

  return translator;
}
