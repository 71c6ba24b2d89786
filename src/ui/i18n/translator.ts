import i18next from 'i18next';
import type { Message, MessageValue } from '../../core/goals/message';
import de from '../../../translations/de.json';
import en from '../../../translations/en.json';

export const SHIPPED_LOCALES = ['en', 'de'] as const;
type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** Everything the UI needs to speak the agent's language: translated strings and Intl formatting. */
export interface Translator {
  locale: string;
  t(key: string, values?: Record<string, string | number>): string;
  formatMessage(message: Message): string;
  number(value: number, maximumFractionDigits?: number): string;
  percent(value: number): string;
  duration(minutes: number): string;
  /** "2 min ago", from the age in milliseconds. */
  age(milliseconds: number): string;
  time(at: number, timeZone: string): string;
}

function shippedLocale(locale: string): ShippedLocale {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return SHIPPED_LOCALES.find((shipped) => shipped === language) ?? 'en';
}

/** Creates the translator for an agent's locale (e.g. "de-DE"); unknown languages fall back to English. */
export function createTranslator(locale: string): Translator {
  const language = shippedLocale(locale);
  const intlLocale = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : language;
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: en }, de: { translation: de } },
    // React escapes what it renders; escaping here would show entities to the agent.
    interpolation: { escapeValue: false },
  });
  const numberFormat = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const percentFormat = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const unit = (name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(intlLocale, { style: 'unit', unit: name, unitDisplay: 'narrow' });
  const relative = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto', style: 'short' });

  const translator: Translator = {
    locale: intlLocale,
    t: (key, values) => i18n.t(key, values ?? {}),
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
      const minutes = Math.round(milliseconds / 60_000);
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
      return i18n.t(message.key, values);
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
      case 'goal':
        return i18n.t(`ui.goals.${value.scope}.${value.metric}.${value.period}`);
    }
  }

  return translator;
}
