import styled from 'styled-components';

// Zendesk already shows the app's name above the iframe: the sidebar's own title is for screen readers only.
const StyledVisuallyHidden = styled.h1`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

/** The sidebar's page title (its one h1), in every state: loading, failed, the board. */
export function SidebarTitle({ children }: { children: string }) {
  return <StyledVisuallyHidden>{children}</StyledVisuallyHidden>;
}
