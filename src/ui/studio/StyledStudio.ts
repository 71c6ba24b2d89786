import styled, { createGlobalStyle } from 'styled-components';

/** The app's `nav_bar` page (studio, team page): one main landmark, a readable width, sections spaced apart. */
export const StyledStudio = styled.main`
  max-width: 960px;
  padding: ${(p) => p.theme.space.md};
  & section {
    margin-top: ${(p) => p.theme.space.md};
  }
  @media print {
    & .no-print,
    & nav {
      display: none;
    }
  }
`;

/**
 * While one review summary is printed (its section marked `data-printing`), only it is on the paper: the rest
 * of the page is hidden and the summary moves to the top.
 */
export const PrintOneSummary = createGlobalStyle`
  @media print {
    body.printing-summary main * {
      visibility: hidden;
    }
    body.printing-summary [data-printing],
    body.printing-summary [data-printing] * {
      visibility: visible;
    }
    body.printing-summary [data-printing] {
      position: absolute;
      top: 0;
      left: 0;
      width: 100%;
    }
  }
`;
