import { pseudoLocalized } from '../../../src/ui/i18n/pseudoLocale';
import { createTranslator } from '../../../src/ui/i18n/translator';

describe('the pseudo-locale en-XA', () => {
  it.each([
    'Refresh',
    'Solved today',
    'Expected by now: {{expected}}',
    'Yours: {{mine}} of the team’s {{team}} ({{percent}})',
  ])('makes “%s” at least 40 % longer and keeps its placeholders', (english) => {
    const pseudo = pseudoLocalized(english);
    const visible = (text: string) => text.replace(/\{\{\w+\}\}/g, '').length;
    expect(visible(pseudo)).toBeGreaterThanOrEqual(Math.ceil(visible(english) * 1.4));
    expect(pseudo.match(/\{\{\w+\}\}/g)).toEqual(english.match(/\{\{\w+\}\}/g));
  });

  it('is what the sidebar speaks for an en-XA agent, figures and all', () => {
    const text = createTranslator('en-XA').t('ui.value.count', { value: '7', target: '12' });
    expect(text).toMatch(/^\[.*7.*12.* ŵőŕđ.*\]$/);
    expect(text).not.toBe(createTranslator('en').t('ui.value.count', { value: '7', target: '12' }));
  });
});
