import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';
import { Component } from 'react';

/**
 * A render error shows a message, never a blank sidebar, and a way back: *Try again* discards what may have
 * caused it (stored figures, nudge history) and draws the board afresh. Texts arrive translated.
 */
export class ErrorBoundary extends Component<
  {
    message: string;
    retryLabel: string;
    onReset: () => void;
    children: ReactNode;
    /** Drawn instead of the message and *Try again*, where something better follows anyway (the first paint). */
    fallback?: ReactNode;
  },
  { hasFailed: boolean }
> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  private readonly reset = () => {
    this.props.onReset();
    this.setState({ hasFailed: false });
  };

  override render() {
    if (this.state.hasFailed) {
      if (this.props.fallback !== undefined) return this.props.fallback;
      return (
        <Alert type="error" role="alert">
          <Alert.Paragraph>{this.props.message}</Alert.Paragraph>
          <Button size="small" onClick={this.reset}>
            {this.props.retryLabel}
          </Button>
        </Alert>
      );
    }
    return this.props.children;
  }
}
