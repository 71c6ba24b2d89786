import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { isWithin } from '../../core/goals/metricCatalog';
import type { GoalTrend, TrendPoint } from '../../core/trends/goalTrend';
import type { Translator } from '../i18n/translator';
import { useTranslator } from '../i18n/TranslatorContext';

const WIDTH = 84;
const HEIGHT = 22;
const PAD = 3;

const StyledTrend = styled.div`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
  margin-top: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const StyledSparkline = styled.svg`
  flex: none;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.primary' })};
  & .missed {
    fill: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
  }
  & .target {
    stroke: ${(p) => getColor({ theme: p.theme, variable: 'border.emphasis' })};
  }
`;

const StyledText = styled(SM)`
  min-width: 0;
  color: inherit;
`;

/** A figure as the goal states it: a count, or a percentage. */
function figure(translator: Translator, trend: GoalTrend, value: number): string {
  return trend.goal.metric === 'csat' ? translator.percent(value) : translator.number(value);
}

/** "Last week: 23 of 25", "Last week: 92 %", or why the last period has no figure. */
function lastPeriodText(translator: Translator, trend: GoalTrend): string {
  const { t } = translator;
  const last = trend.last;
  const value =
    last?.value == null
      ? trend.goal.metric === 'csat'
        ? t('ui.trend.tooFewRatings')
        : t('ui.trend.noFigures')
      : trend.goal.metric === 'csat'
        ? translator.percent(last.value)
        : t('ui.trend.countOf', { value: last.value, target: trend.goal.target });
  return t(`ui.trend.last.${trend.unit}`, { value });
}

/** The points as the screen reader hears them, oldest first. */
export function spokenPoints(translator: Translator, trend: GoalTrend): string {
  const values = trend.points
    .map((point) =>
      point.value === null ? translator.t('ui.trend.gap') : figure(translator, trend, point.value),
    )
    .join(', ');
  return translator.t(`ui.trend.spoken.${trend.unit}`, {
    count: trend.points.length,
    values,
    target: figure(translator, trend, trend.goal.target),
  });
}

/** Inline SVG, no chart library: a line through the periods with figures, the target dashed across. */
export function Sparkline({ trend, label }: { trend: GoalTrend; label: string }) {
  const known = trend.points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const target = trend.goal.target;
  const isPercent = trend.goal.metric === 'csat';
  const top = Math.max(...known, target) * 1.1 || 1;
  const bottom = isPercent ? Math.max(0, Math.min(...known, target) - 10) : 0;
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, trend.points.length - 1);
  const y = (value: number) => HEIGHT - PAD - ((value - bottom) / (top - bottom || 1)) * (HEIGHT - 2 * PAD);
  // Gaps (periods without figures) break the line rather than bridging it.
  const segments: TrendPoint[][] = [];
  trend.points.forEach((point, index) => {
    if (point.value === null) return;
    const previous = trend.points[index - 1];
    if (index > 0 && previous?.value !== null && segments.length > 0)
      segments[segments.length - 1]!.push(point);
    else segments.push([point]);
  });
  return (
    <StyledSparkline
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <line
        className="target"
        x1={PAD}
        x2={WIDTH - PAD}
        y1={y(target)}
        y2={y(target)}
        strokeDasharray="3 2"
      />
      {segments.map((segment) => (
        <polyline
          key={segment[0]!.start}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          points={segment
            .map((point) => `${x(trend.points.indexOf(point))},${y(point.value ?? 0)}`)
            .join(' ')}
        />
      ))}
      {trend.points.map((point, index) =>
        point.value === null ? null : (
          // Met: a filled dot; missed: a hollow one. Shape, not colour alone.
          <circle
            key={point.start}
            cx={x(index)}
            cy={y(point.value)}
            r={2.2}
            stroke="currentColor"
            strokeWidth={1.2}
            className={isWithin(trend.goal.metric, point.value, target) ? 'met' : 'missed'}
            fill="currentColor"
          />
        ),
      )}
    </StyledSparkline>
  );
}

/** A goal's last periods: a sparkline with the target, last period's result and how often the goal was met. */
export function TrendLine({ trend }: { trend: GoalTrend }) {
  const translator = useTranslator();
  const { t } = translator;
  if (trend.points.length === 0) return null;
  // "of the last 8 weeks" only when all 8 have figures; otherwise say how many had any.
  const met =
    trend.judged === 0
      ? null
      : trend.judged === trend.points.length
        ? t(`ui.trend.met.${trend.unit}`, { met: trend.met, count: trend.judged })
        : t(`ui.trend.metOfKnown.${trend.unit}`, { met: trend.met, count: trend.judged });
  return (
    <StyledTrend data-trend={trend.goal.metric}>
      {trend.judged > 0 && <Sparkline trend={trend} label={spokenPoints(translator, trend)} />}
      <StyledText>
        {lastPeriodText(translator, trend)}
        {met && ` · ${met}`}
      </StyledText>
    </StyledTrend>
  );
}
