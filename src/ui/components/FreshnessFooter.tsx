import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useEffect, useState } from 'react';
import styled from 'styled-components';
import { useTranslator } from '../i18n/TranslatorContext';

const StyledFooter = styled.footer`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
  margin-top: ${(p) => p.theme.space.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

/**
 * How old the figures are, and Refresh. Figures younger than `minimumAgeMs` are not fetched again: the button
 * says when the next refresh is possible instead of silently doing nothing.
 */
export function FreshnessFooter({
  refreshedAt,
  now,
  isRefreshing,
  hasFailed,
  isKept = true,
  minimumAgeMs,
  clock,
  onRefresh,
}: {
  refreshedAt: number;
  now: number;
  isRefreshing: boolean;
  hasFailed: boolean;
  /** False when the browser could not store the figures: said once, quietly, so a slow next load is explained. */
  isKept?: boolean;
  minimumAgeMs: number;
  clock: () => number;
  onRefresh: () => void;
}) {
  const translator = useTranslator();
  const [current, setCurrent] = useState(now);
  const age = Math.max(0, Math.max(now, current) - refreshedAt);
  const waitSeconds = hasFailed ? 0 : Math.ceil((minimumAgeMs - age) / 1000);
  const isThrottled = waitSeconds > 0 && !isRefreshing;
  // A countdown only while the button waits; otherwise the board's own 30 s tick is enough.
  useEffect(() => {
    if (!isThrottled) return;
    const timer = setInterval(() => setCurrent(clock()), 1000);
    return () => clearInterval(timer);
  }, [isThrottled, clock]);
  return (
    <StyledFooter>
      <SM>
        {age < 60_000
          ? translator.t('ui.updatedJustNow')
          : translator.t('ui.updated', { age: translator.age(age) })}
        {isThrottled && ` — ${translator.t('ui.refreshThrottled', { seconds: waitSeconds })}`}
        {!isKept && (
          <>
            <br />
            {translator.t('ui.notKept')}
          </>
        )}
      </SM>
      <Button size="small" isBasic onClick={onRefresh} disabled={isRefreshing || isThrottled}>
        {isRefreshing ? translator.t('ui.refreshing') : translator.t('ui.refresh')}
      </Button>
    </StyledFooter>
  );
}
