import { Component, type ReactNode } from 'react';
import { toUserMessage } from '../lib/errors.ts';
import { ErrorState } from './states.tsx';

type State = { error: unknown };

/** Catches a render failure inside one panel and offers a retry instead of a blank page. */
export class PanelBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <ErrorState message={toUserMessage(this.state.error)} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
