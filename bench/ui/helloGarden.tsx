// Bench page (b): every Garden component the sidebar uses, once each, with the theme it uses.
import { Anchor, Button, IconButton, ToggleButton } from '@zendeskgarden/react-buttons';
import { Dots, Progress } from '@zendeskgarden/react-loaders';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { DEFAULT_THEME, getColor, ThemeProvider } from '@zendeskgarden/react-theming';
import { LG, MD, SM, XL } from '@zendeskgarden/react-typography';
import { createRoot } from 'react-dom/client';
import styled from 'styled-components';

const Muted = styled(SM)`
  color: ${(props) => getColor({ theme: props.theme, variable: 'foreground.subtle' })};
`;

createRoot(document.getElementById('root')!).render(
  <ThemeProvider theme={DEFAULT_THEME}>
    <XL isBold>My goals</XL>
    <LG>Solved today</LG>
    <MD>9 of 12</MD>
    <Progress value={75} aria-label="Solved" />
    <Tag hue="green">On track</Tag>
    <Muted>Updated just now</Muted>
    <Dots />
    <Alert type="warning">
      <Alert.Title>Figures may be late</Alert.Title>
    </Alert>
    <Well>
      <Anchor href="#goals">A nudge</Anchor>
    </Well>
    <Button size="small">Refresh</Button>
    <ToggleButton size="small" isPressed={false}>
      Fair
    </ToggleButton>
    <IconButton size="small" aria-label="Dismiss">
      <span aria-hidden="true">×</span>
    </IconButton>
  </ThemeProvider>,
);
