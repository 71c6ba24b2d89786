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
    const italian = createTranslator('it-IT');
    expect(italian.t('ui.status.achieved')).toBe('Achieved');
    expect(italian.lookup('ui.nudges.constructor')).toBe('ui.nudges.constructor');
    expect(italian.lookup('ui.__proto__')).toBe('ui.__proto__');
    expect(italian.t('ui.gaps.unreadable', { count: 0 })).toBe("0 records from Zendesk couldn't be read.");
  });

  it('speaks each shipped language with its own plural rules: French counts 0 as one, Japanese has no plural', () => {
    const french = createTranslator('fr-CA');
    expect(french.t('ui.status.achieved')).not.toBe('Achieved');
    expect(french.t('ui.gaps.unreadable', { count: 0 })).toBe(
      french.lookup('ui.gaps.unreadable_one', { count: 0 }),
    );
    expect(french.t('ui.gaps.unreadable', { count: 2 })).toBe(
      french.lookup('ui.gaps.unreadable_other', { count: 2 }),
    );
    const japanese = createTranslator('ja');
    expect(japanese.t('ui.gaps.unreadable', { count: 1 })).toBe(
      japanese.lookup('ui.gaps.unreadable_other', { count: 1 }),
    );
    // Brazilian Portuguese answers any Portuguese locale.
    expect(createTranslator('pt-BR').t('ui.status.onTrack')).toBe(
      createTranslator('pt').t('ui.status.onTrack'),
    );
    expect(createTranslator('pt-BR').t('ui.status.onTrack')).not.toBe('On track');
  });
});

describe('loading a language’s texts', () => {
  // The catalogs loaded are module state: each case starts from a bundle that has loaded none.
  const freshTranslatorModule = async () => {
    jest.resetModules();
    return import('../../../src/ui/i18n/translator');
  };
  const boardTexts = { ui: { refresh: 'Refresh', status: { onTrack: 'On track' } } };

  it('loads only the agent’s language when its texts load', async () => {
    const { loadCatalogPart, createTranslator: translatorFor } = await freshTranslatorModule();
    const asked: string[] = [];
    const loaded = await loadCatalogPart('de-DE', 'firstPaint', async (language) => {
      asked.push(language);
      return { default: { ui: { refresh: 'Aktualisieren' } } };
    });
    expect(loaded).toBe('de');
    expect(asked).toEqual(['de']);
    expect(translatorFor('de-DE').t('ui.refresh')).toBe('Aktualisieren');
  });

  it('speaks English, not raw keys, when the agent’s language cannot load', async () => {
    const { loadCatalogPart, createTranslator: translatorFor } = await freshTranslatorModule();
    const asked: string[] = [];
    // Said, so the first paint can tell: a French board is not painted with English words around it.
    const loaded = await loadCatalogPart('fr-FR', 'firstPaint', async (language) => {
      asked.push(language);
      if (language === 'fr') throw new Error('Loading chunk locale-fr-json failed');
      return { default: boardTexts };
    });
    expect(loaded).toBe('en');
    expect(asked).toEqual(['fr', 'en']);
    expect(translatorFor('fr-FR').t('ui.status.onTrack')).toBe('On track');
  });

  it('fails when no language’s texts could load, so no view is drawn without its words', async () => {
    const { loadCatalogPart } = await freshTranslatorModule();
    const asked: string[] = [];
    await expect(
      loadCatalogPart('ja', 'firstPaint', (language) => {
        asked.push(language);
        return Promise.reject(new Error('offline'));
      }),
    ).rejects.toThrow('offline');
    expect(asked).toEqual(['ja', 'en']);
  });
});
