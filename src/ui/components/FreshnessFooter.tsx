import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useTranslator } from '../i18n/TranslatorContext';

const StyledFooter = styled.footer`
  display: flex;
  align-items: center;
  justify-content: space-between;
  margin-top: ${(p) => p.theme.space.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

export function FreshnessFooter({
  refreshedAt,
  now,
  isRefreshing,
  onRefresh,
}: {
  refreshedAt: number;
  now: number;
  isRefreshing: boolean;
  onRefresh: () => void;
}) {
  const translator = useTranslator();
  const age = Math.max(0, now - refreshedAt);
  return (
    <StyledFooter>
      <SM>
        {age < 60_000
          ? translator.t('ui.updatedJustNow')
          : translator.t('ui.updated', { age: translator.age(age) })}
      </SM>
      <Button size="small" isBasic onClick={onRefresh} disabled={isRefreshing}>
        {isRefreshing ? translator.t('ui.refreshing') : translator.t('ui.refresh')}
      </Button>
    </StyledFooter>
  );
}
