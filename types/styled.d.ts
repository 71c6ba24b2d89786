import 'styled-components';
import type { IGardenTheme } from '@zendeskgarden/react-theming';

// Styled components see Garden's theme (spacing, font sizes, colours) with its types.
declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}
