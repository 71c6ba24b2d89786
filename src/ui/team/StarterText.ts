import type { ConversationStarter } from '../../core/team/conversationStarters';
import { goalLabel } from '../components/goalText';
import type { Translator } from '../i18n/translator';

/** A conversation starter in the lead's words: the facts, and what they invite. */
export function starterText(translator: Translator, starter: ConversationStarter): string {
  const { t } = translator;
  switch (starter.kind) {
    case 'csat': {
      const current = translator.percent(starter.current);
      const thisPeriod = t(`ui.team.this.${starter.unit}`);
      const lastPeriod = t(`ui.team.last.${starter.unit}`);
      const change =
        starter.previous === null
          ? t('ui.team.starter.csat', { current, thisPeriod })
          : t(starter.current < starter.previous ? 'ui.team.starter.csatDown' : 'ui.team.starter.csatUp', {
              current,
              thisPeriod,
              previous: translator.percent(starter.previous),
              lastPeriod,
            });
      if (starter.badRatings === 0) return `${change}.`;
      return `${change}: ${t('ui.team.starter.badRatings', {
        count: starter.badRatings,
        tickets: starter.ticketIds.map((id) => `#${id}`).join(', '),
      })}`;
    }
    case 'metStreak':
      return t(`ui.team.starter.metStreak.${unitOf(starter)}`, {
        goal: goalLabel(translator, starter.goal),
        count: starter.periods,
      });
    case 'missedStreak':
      return t(`ui.team.starter.missedStreak.${unitOf(starter)}`, {
        goal: goalLabel(translator, starter.goal),
        count: starter.periods,
      });
  }
}

const unitOf = (starter: { goal: { period: string } }) =>
  starter.goal.period === 'day'
    ? 'day'
    : starter.goal.period === 'month'
      ? 'month'
      : starter.goal.period === 'quarter'
        ? 'quarter'
        : 'week';
