import { DEFAULT_THEME, getColor, ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { createGlobalStyle } from 'styled-components';
import type { ZafClient } from '../../data/zaf/zafClient';

export type ColorScheme = 'light' | 'dark';

const asScheme = (value: unknown): ColorScheme | null =>
  value === 'dark' || value === 'light' ? value : null;

/**
 * The workspace's colour scheme before ZAF answers: Zendesk puts it in the iframe's URL (`colorScheme=dark`);
 * outside Zendesk, the operating system's preference.
 */
export function initialColorScheme(): ColorScheme {
  const fromUrl = asScheme(new URLSearchParams(window.location.search).get('colorScheme'));
  if (fromUrl) return fromUrl;
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

// The iframe's own page takes the theme's background and text colours: Garden colours its components only.
const PageColours = createGlobalStyle`
  html,
  html body {
    color-scheme: ${(p) => p.theme.colors.base};
    background-color: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  }
`;

/**
 * Garden's light or dark theme as the agent workspace is: ZAF's `colorScheme` and its `colorScheme.changed`
 * event when Zendesk reports them, the operating system's preference otherwise.
 */
export function AppThemeProvider({ client, children }: { client: ZafClient | null; children: ReactNode }) {
  const [scheme, setScheme] = useState<ColorScheme>(initialColorScheme);
  useEffect(() => {
    let zendeskSaid = false;
    const media =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const followSystem = (event: MediaQueryListEvent) => {
      if (!zendeskSaid) setScheme(event.matches ? 'dark' : 'light');
    };
    media?.addEventListener('change', followSystem);
    const heard = (value: unknown) => {
      const said = asScheme(value);
      if (!said) return;
      zendeskSaid = true;
      setScheme(said);
    };
    client?.get('colorScheme').then(heard, () => undefined);
    const stop = client?.on('colorScheme.changed', heard);
    return () => {
      media?.removeEventListener('change', followSystem);
      stop?.();
    };
  }, [client]);
  const theme = useMemo(
    () => ({ ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } }),
    [scheme],
  );
  return (
    <ThemeProvider theme={theme}>
      <PageColours />
      {children}
    </ThemeProvider>
  );
}
