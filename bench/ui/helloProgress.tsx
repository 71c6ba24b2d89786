// Bench page (a): React 18, Garden's ThemeProvider and one Progress — the least a Garden sidebar can be.
import { Progress } from '@zendeskgarden/react-loaders';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <ThemeProvider>
    <Progress value={60} aria-label="Solved" />
  </ThemeProvider>,
);
