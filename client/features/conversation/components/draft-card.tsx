import { SparkIcon } from '../../../components/icons.tsx';
import { formatClock } from '../../../lib/format.ts';

export type DraftView = { id: string; body: string; origin: string; createdAt: string };

/** The newest ready AI draft above the composer: use it (into the box, to edit) or discard it. */
export function DraftCard({ draft, onUse, onDiscard }: { draft: DraftView; onUse: () => void; onDiscard: () => void }) {
  const stopped = draft.origin === 'cancelled_reply';
  return (
    <div className="draft-card" data-testid="ai-draft" aria-label="AI draft">
      <div className="draft-card-head">
        <span className="draft-card-label">
          <SparkIcon /> AI draft
        </span>
        <span className="draft-card-meta">
          {stopped ? 'The reply the AI was writing when you took over' : 'Suggested reply'} · {formatClock(draft.createdAt)}
        </span>
        <span className="draft-card-actions">
          <button type="button" className="btn btn-ghost btn-sm" onClick={onDiscard}>
            Discard
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={onUse}>
            Use
          </button>
        </span>
      </div>
      <p className="draft-card-body">{draft.body}</p>
    </div>
  );
}
