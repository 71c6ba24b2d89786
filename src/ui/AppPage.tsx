import { Button } from '@zendeskgarden/react-buttons';
import type { ReactNode } from 'react';
import { useState } from 'react';
import styled from 'styled-components';
import { useTranslator } from './i18n/TranslatorContext';

const StyledNav = styled.nav`
  display: flex;
  gap: ${(p) => p.theme.space.xs};
  margin-bottom: ${(p) => p.theme.space.sm};
`;

export type AppPageView = 'studio' | 'team';

/**
 * The app's `nav_bar` page for admins: the goal studio and the team page side by side. A view is mounted the
 * first time it is opened (the team page fetches figures; the studio alone never does) and then kept, so a
 * draft in the studio survives a look at the team.
 */
export function AppPage({ studio, team }: { studio: ReactNode; team: ReactNode }) {
  const { t } = useTranslator();
  const [view, setView] = useState<AppPageView>('studio');
  const [opened, setOpened] = useState<ReadonlySet<AppPageView>>(new Set(['studio']));
  const open = (next: AppPageView) => {
    setView(next);
    setOpened((current) => new Set(current).add(next));
  };
  return (
    <>
      <StyledNav aria-label={t('ui.nav.label')}>
        {(['studio', 'team'] as const).map((name) => (
          <Button
            key={name}
            size="small"
            isBasic={view !== name}
            isPrimary={view === name}
            aria-current={view === name ? 'page' : undefined}
            onClick={() => open(name)}
          >
            {t(name === 'studio' ? 'ui.nav.studio' : 'ui.nav.team')}
          </Button>
        ))}
      </StyledNav>
      <div hidden={view !== 'studio'}>{studio}</div>
      {opened.has('team') && <div hidden={view !== 'team'}>{team}</div>}
    </>
  );
}
