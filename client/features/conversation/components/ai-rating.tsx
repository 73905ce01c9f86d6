import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useRateAiMessage } from '../api/use-rate-ai-message.ts';

/** What this tab has rated, so the choice stays visible while the thread re-renders. */
const rated = new Map<string, boolean>();

/**
 * 👍 / 👎 under an AI-written message. 👍 rates at once; 👎 opens a small popover for an optional
 * correction ("what it should have said"), which helps tune the persona.
 */
export function AiRating({ messageId }: { messageId: string }) {
  const rate = useRateAiMessage();
  const [choice, setChoice] = useState<boolean | null>(() => rated.get(messageId) ?? null);
  const [asking, setAsking] = useState(false);
  const [correction, setCorrection] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const popoverId = useId();

  useEffect(() => {
    if (!asking) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setAsking(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [asking]);

  const send = (helpful: boolean, text?: string) =>
    rate.mutate(
      { messageId, helpful, ...(text?.trim() ? { correction: text.trim() } : {}) },
      {
        onSuccess: () => {
          rated.set(messageId, helpful);
          setChoice(helpful);
          setAsking(false);
        },
      },
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(false, correction);
  };

  return (
    <div className={choice === null ? 'ai-rating' : 'ai-rating ai-rating-done'} ref={rootRef}>
      <button
        type="button"
        className="ai-rating-btn"
        aria-pressed={choice === true}
        aria-label="Helpful"
        title="Helpful"
        disabled={rate.isPending}
        onClick={() => send(true)}
      >
        👍
      </button>
      <button
        type="button"
        className="ai-rating-btn"
        aria-pressed={choice === false}
        aria-label="Not helpful"
        title="Not helpful"
        aria-expanded={asking}
        aria-controls={asking ? popoverId : undefined}
        disabled={rate.isPending}
        onClick={() => setAsking((a) => !a)}
      >
        👎
      </button>
      {choice !== null ? <span className="ai-rating-thanks">Thanks for rating</span> : null}
      {asking ? (
        <form className="ai-rating-popover" id={popoverId} onSubmit={onSubmit} aria-label="Rate as not helpful" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
          <label className="field-label" htmlFor={`${popoverId}-text`}>
            What should it have said? <span className="text-subtle">(optional)</span>
          </label>
          <textarea
            id={`${popoverId}-text`}
            className="input textarea"
            rows={3}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            maxLength={4096}
            autoFocus
          />
          {rate.error ? <div className="field-error">{toUserMessage(rate.error)}</div> : null}
          <div className="ai-rating-actions">
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAsking(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary btn-sm" disabled={rate.isPending}>
              {rate.isPending ? <Spinner /> : null} Rate not helpful
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
