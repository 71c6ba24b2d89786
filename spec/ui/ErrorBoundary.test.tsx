/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';

describe('ErrorBoundary', () => {
  it('shows what happened instead of a blank sidebar, and "Try again" discards state and draws again', async () => {
    let isBroken = true;
    const discarded: string[] = [];
    function Board() {
      if (isBroken) throw new Error('a stored record the board could not draw');
      return <p>My goals</p>;
    }
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ThemeProvider>
        <ErrorBoundary
          message="Something went wrong showing your goals."
          retryLabel="Try again"
          onReset={() => {
            discarded.push('stored figures');
            isBroken = false;
          }}
        >
          <Board />
        </ErrorBoundary>
      </ThemeProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong showing your goals.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(discarded).toEqual(['stored figures']);
    expect(screen.getByText('My goals')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
