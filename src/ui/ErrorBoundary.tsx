import { Alert } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';
import { Component } from 'react';

/** A render error shows a message, never a blank sidebar. The text is passed in already translated. */
export class ErrorBoundary extends Component<
  { message: string; children: ReactNode },
  { hasFailed: boolean }
> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override render() {
    if (this.state.hasFailed) {
      return (
        <Alert type="error" role="alert">
          <Alert.Paragraph>{this.props.message}</Alert.Paragraph>
        </Alert>
      );
    }
    return this.props.children;
  }
}
