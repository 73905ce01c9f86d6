import { NoteIcon, ReplyIcon, SparkIcon, StopIcon } from '../../../components/icons.tsx';

export type ComposerMode = 'reply' | 'note';

export type SuggestState =
  | { kind: 'hidden' }
  | { kind: 'offline' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; onStart: () => void }
  | { kind: 'streaming'; onStop: () => void };

/** Above the box: Reply | Note, and on the right "Suggest reply" (or why there is none). */
export function ComposerTop({ mode, onMode, suggest }: { mode: ComposerMode; onMode: (mode: ComposerMode) => void; suggest: SuggestState }) {
  return (
    <div className="composer-top">
      <div className="composer-tabs" role="tablist" aria-label="Message type">
        <button
          type="button"
          role="tab"
          className="composer-tab"
          aria-selected={mode === 'reply'}
          onClick={() => onMode('reply')}
          aria-keyshortcuts="Alt+R"
          title="Reply to the customer (Alt+R)"
        >
          <ReplyIcon /> Reply
        </button>
        <button
          type="button"
          role="tab"
          className="composer-tab composer-tab-note"
          aria-selected={mode === 'note'}
          onClick={() => onMode('note')}
          aria-keyshortcuts="Alt+N"
          title="Internal note, only your team sees it (Alt+N)"
        >
          <NoteIcon /> Note
        </button>
      </div>
      {suggest.kind === 'offline' ? (
        <span className="ai-offline" title="No OpenAI API key is configured on the server, so there are no AI suggestions.">
          <span className="ai-offline-dot" aria-hidden="true" /> AI offline
        </span>
      ) : suggest.kind === 'unavailable' ? (
        <button type="button" className="btn btn-ghost btn-sm suggest-btn" aria-disabled="true" title={suggest.reason}>
          <SparkIcon /> Suggest reply
        </button>
      ) : suggest.kind === 'ready' ? (
        <button type="button" className="btn btn-ghost btn-sm suggest-btn" onClick={suggest.onStart} aria-keyshortcuts="Alt+S" title="Let the AI draft a reply you can edit (Alt+S)">
          <SparkIcon /> Suggest reply
          <kbd className="kbd kbd-inline" aria-hidden="true">
            Alt S
          </kbd>
        </button>
      ) : suggest.kind === 'streaming' ? (
        <button type="button" className="btn btn-ghost btn-sm suggest-btn suggest-btn-streaming" onClick={suggest.onStop} title="Stop writing (Esc)">
          <StopIcon /> Stop
        </button>
      ) : null}
    </div>
  );
}
