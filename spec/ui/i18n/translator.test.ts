import { SHIPPED_LOCALES, createTranslator, loadLocale } from '../../../src/ui/i18n/translator';

// Languages other than English are lazy chunks: load them all, as an agent's sidebar loads theirs.
beforeAll(async () => {
  for (const locale of SHIPPED_LOCALES) await loadLocale(locale);
});

describe('the message catalog', () => {
  it('picks plural forms with Intl.PluralRules and formats numbers in the agent’s locale', () => {
    const en = createTranslator('en-US');
    expect(en.t('ui.gaps.unreadable', { count: 1 })).toBe("1 record from Zendesk couldn't be read.");
    expect(en.t('ui.gaps.unreadable', { count: 1234 })).toBe("1,234 records from Zendesk couldn't be read.");
    const de = createTranslator('de-DE');
    expect(de.t('ui.gaps.unreadable', { count: 1234 })).toBe(
      '1.234 Datensätze von Zendesk waren nicht lesbar.',
    );
  });

  it('ends a sentence once when a value already ends with a full stop', () => {
    const de = createTranslator('de');
    const text = de.formatMessage({
      key: 'ui.nudges.firstReplyAtRisk',
      params: {
        ticket: { type: 'ticket', id: 43291 },
        waited: { type: 'duration', minutes: 228 },
        target: { type: 'duration', minutes: 120 },
      },
    });
    expect(text).toMatch(/dein Ziel ist 2 Std\.$/);
  });

  it('formats durations in one unit style per locale', () => {
    expect(createTranslator('en').duration(228)).toMatch(/^3 hrs? 48 mins?$/);
    expect(createTranslator('de').duration(228)).toMatch(/^3 Std\.,? 48 Min\.$/);
  });

  it('falls back to English for a language it does not ship, and to the key for a word it does not know', () => {
    const fr = createTranslator('fr-FR');
    expect(fr.t('ui.status.achieved')).toBe('Achieved');
    expect(fr.lookup('ui.nudges.constructor')).toBe('ui.nudges.constructor');
    expect(fr.lookup('ui.__proto__')).toBe('ui.__proto__');
    // English text follows English plural rules, even for an agent whose language counts 0 as "one".
    expect(fr.t('ui.gaps.unreadable', { count: 0 })).toBe("0 records from Zendesk couldn't be read.");
  });
});
