import type { Goal } from '../../core/goals/goal';
import { METRIC_CATALOG } from '../../core/goals/metricCatalog';
import type { GoalProgress } from '../../core/metrics/goalProgress';
import type { Translator } from '../i18n/translator';

export function goalLabel(translator: Translator, goal: Goal): string {
  return translator.t(`ui.goals.${goal.scope}.${goal.metric}.${goal.period}`);
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

/** "14 / 25", "88 % (n = 23) · target 85 %", "1h 40m · target ≤ 2h". */
export function valueText(translator: Translator, progress: GoalProgress): string {
  const { goal, value, sampleSize } = progress;
  const definition = METRIC_CATALOG[goal.metric];
  const target = amount(translator, goal, goal.target);
  if (value === null) return translator.t('ui.value.none', { target });
  const shown = amount(translator, goal, value);
  const sample = translator.number(sampleSize);
  let text: string;
  if (definition.unit === 'percent') {
    text = translator.t(
      definition.direction === 'higherIsBetter' ? 'ui.value.percent' : 'ui.value.percentCeiling',
      { value: shown, sample, target },
    );
  } else if (definition.unit === 'minutes') {
    text = translator.t('ui.value.minutes', { value: shown, target });
  } else {
    text = translator.t(definition.direction === 'higherIsBetter' ? 'ui.value.count' : 'ui.value.ceiling', {
      value: shown,
      target,
    });
  }
  return goal.floor !== null
    ? `${text} · ${translator.t('ui.value.floor', { floor: amount(translator, goal, goal.floor) })}`
    : text;
}
