import { useState } from 'react';
import { SparkIcon } from '../../../components/icons.tsx';
import { Spinner } from '../../../components/states.tsx';

/** Where the composer's AI draft stands. `offered`: a draft arrived after the agent started writing. */
export type AiDraftState = 'idle' | 'drafting' | 'offline' | 'request-failed' | 'failed' | 'offered' | 'ready';

export type AiDraftBarProps = {
  state: AiDraftState;
  /** Why asking for a draft failed (the request itself). */
  requestError: string | null;
  /** Why the AI could not write the draft. */
  draftError: string | null;
  /** False when the contact cannot be emailed: nothing to draft. */
  canAsk: boolean;
  onUseDraft: () => void;
  onRequest: (guidance?: string) => void;
};

/** The composer's AI line: what the AI is doing, and a guided (re)draft. */
export function AiDraftBar({ state, requestError, draftError, canAsk, onUseDraft, onRequest }: AiDraftBarProps) {
  const [instructions, setInstructions] = useState('');
  const ask = () => onRequest(instructions.trim() || undefined);
  const dataState = state === 'request-failed' ? 'failed' : state === 'offered' ? 'ready' : state;
  return (
    <div className="mail-ai" data-testid="ai-draft-status" data-state={dataState}>
      <SparkIcon className="mail-ai-icon" />
      {state === 'drafting' ? (
        <span className="mail-ai-text">
          <Spinner /> Drafting with AI… you can start writing; the draft is offered when it arrives.
        </span>
      ) : state === 'offline' ? (
        <span className="mail-ai-text">The AI is offline (no OpenAI key on the server). Write the email yourself.</span>
      ) : state === 'request-failed' ? (
        <span className="mail-ai-text mail-ai-error">{requestError}</span>
      ) : state === 'failed' ? (
        <span className="mail-ai-text mail-ai-error">The AI could not write a draft{draftError ? `: ${draftError}` : ''}.</span>
      ) : state === 'offered' ? (
        <span className="mail-ai-text">
          The AI draft is ready.{' '}
          <button type="button" className="link-button" onClick={onUseDraft}>
            Replace my text with it
          </button>
        </span>
      ) : state === 'ready' ? (
        <span className="mail-ai-text">AI draft — read it and make it yours before sending.</span>
      ) : (
        <span className="mail-ai-text">Ask the AI for a draft using the contact, the conversation and your profile.</span>
      )}
      {canAsk && state !== 'drafting' && state !== 'offline' ? (
        <span className="mail-ai-actions">
          <input
            className="input input-sm"
            placeholder="Guidance, e.g. mention the spring offer"
            aria-label="Guidance for the AI"
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                ask();
              }
            }}
          />
          <button type="button" className="btn btn-secondary btn-sm" onClick={ask}>
            {state === 'ready' || state === 'offered' || state === 'failed' ? 'Redraft' : 'Draft with AI'}
          </button>
        </span>
      ) : null}
    </div>
  );
}
