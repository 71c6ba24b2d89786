import type { Message, MessageValue } from '../../core/goals/message';
import en from '../../../translations/en.json';

export const SHIPPED_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-br'] as const;
type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

type Catalog = typeof en;
/**
 * English is in the main bundle (the fallback, and the loading screen's words before the agent's locale is
 * known); every other language is its own chunk, loaded by loadLocale() for the agent who needs it.
 */
const CATALOGS = new Map<ShippedLocale, unknown>([['en', en]]);

/** Loads the agent's language (a lazy chunk) so createTranslator() can use it; English needs nothing. */
export async function loadLocale(locale: string): Promise<void> {
  const language = shippedLocale(locale);
  if (CATALOGS.has(language)) return;
  try {
    const loaded: { default: unknown } = await import(
      /* webpackChunkName: "locale-[request]" */ `../../../translations/${language}.json`
    );
    CATALOGS.set(language, loaded.default);
  } catch {
    // A chunk that cannot load (offline, blocked): English it is, rather than no sidebar.
  }
}

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

function shippedLocale(locale: string): ShippedLocale {
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

/** Creates the translator for an agent's locale (e.g. "de-DE"); unknown languages fall back to English. */
export function createTranslator(locale: string): Translator {
  const language = shippedLocale(locale);
  const intlLocale = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : language;
  // Each catalog picks its plural forms by its own language's rules: an English fallback text for a French
  // agent still says "0 tickets", not the French "0 ticket".
  const catalogs = [
    {
      texts: CATALOGS.get(language) ?? en,
      plurals: new Intl.PluralRules(CATALOGS.has(language) ? language : 'en'),
    },
    { texts: en as unknown, plurals: new Intl.PluralRules('en') },
  ];
  const numberFormat = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const percentFormat = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  // One unit style for every part, so a duration never mixes "3h" with "48 Min.".
  const unit = (name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(intlLocale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const relative = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto', style: 'short' });

  function lookup(key: string, values: MessageValues = {}): string {
    const count = values.count;
    for (const { texts, plurals } of catalogs) {
      const candidates =
        typeof count === 'number' ? [`${key}_${plurals.select(count)}`, `${key}_other`, key] : [key];
      for (const candidate of candidates) {
        const template = find(texts, candidate);
        if (template !== null) return interpolate(template, values, (n) => numberFormat.format(n));
      }
    }
    return key;
  }

  const translator: Translator = {
    locale: intlLocale,
    t: (key, values) => lookup(key, values),
    lookup,
    number: (value, maximumFractionDigits = 0) =>
      maximumFractionDigits === 0
        ? numberFormat.format(value)
        : new Intl.NumberFormat(intlLocale, { maximumFractionDigits }).format(value),
    percent: (value) => percentFormat.format(value / 100),
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
      if (minutes < 60) return relative.format(-minutes, 'minute');
      const hours = Math.round(minutes / 60);
      return hours < 48 ? relative.format(-hours, 'hour') : relative.format(-Math.round(hours / 24), 'day');
    },
    time: (at, timeZone) =>
      new Intl.DateTimeFormat(intlLocale, { hour: 'numeric', minute: '2-digit', timeZone }).format(at),
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
