import styled from 'styled-components';

/** The app's `nav_bar` page (studio, team page): one main landmark, a readable width, sections spaced apart. */
export const StyledStudio = styled.main`
  max-width: 960px;
  padding: ${(p) => p.theme.space.md};
  & section {
    margin-top: ${(p) => p.theme.space.md};
  }
`;
