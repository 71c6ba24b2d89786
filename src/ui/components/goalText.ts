import type { Goal } from '../../core/goals/goal';
import { boundKindOf, METRIC_CATALOG } from '../../core/goals/metricCatalog';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { Translator } from '../i18n/translator';

export function goalLabel(translator: Translator, goal: Goal): string {
  return translator.lookup(`ui.goals.${goal.scope}.${goal.metric}.${goal.period}`);
}

function amount(translator: Translator, goal: Goal, value: number): string {
  switch (METRIC_CATALOG[goal.metric].unit) {
    case 'count':
      return translator.number(value);
    case 'percent':
      return translator.percent(value);
    case 'minutes':
      return translator.duration(value);
  }
}

/** A goal as the studio lists it: "Solved today 25", "CSAT this week 85 %". */
export function goalWithTarget(translator: Translator, goal: Goal): string {
  return `${goalLabel(translator, goal)} ${amount(translator, goal, goal.target)}`;
}

/**
 * The figure in words, direction-aware: "14 of 25", "88 % from 23 ratings · target 85 % · floor 80 %",
 * "6 % of 48 solved tickets · target at most 5 % · limit 8 %", "1 hr 40 min, median of 12 solved tickets".
 */
export function valueText(translator: Translator, progress: GoalProgress): string {
  const { goal, value, sampleSize } = progress;
  const definition = METRIC_CATALOG[goal.metric];
  const target = amount(translator, goal, goal.target);
  if (progress.status === 'notVisible') return translator.t('ui.value.targetOnly', { target });
  if (value === null) return translator.t('ui.value.none', { target });
  const shown = { value: amount(translator, goal, value), target, count: sampleSize };
  const isAtLeast = definition.direction === 'higherIsBetter';
  let text: string;
  if (definition.unit === 'percent') {
    if (definition.sampleUnit === 'ratings') text = translator.t('ui.value.ratings', shown);
    else text = translator.t(isAtLeast ? 'ui.value.solvedTickets' : 'ui.value.solvedTicketsAtMost', shown);
  } else if (definition.unit === 'minutes') {
    text = translator.t('ui.value.minutes', shown);
  } else {
    text = translator.t(isAtLeast ? 'ui.value.count' : 'ui.value.atMost', shown);
  }
  if (goal.floor === null) return text;
  const bound = amount(translator, goal, goal.floor);
  return `${text} · ${
    boundKindOf(goal.metric) === 'floor'
      ? translator.t('ui.value.floor', { floor: bound })
      : translator.t('ui.value.limit', { limit: bound })
  }`;
}
