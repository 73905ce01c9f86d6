import type { TicketDto, TicketPriority } from '../../../../src/contracts/ticket.ts';
import { AlertIcon, RefreshIcon, SparkIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatRelative } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { PRIORITY_LABELS } from '../api/ticket-format.ts';
import { useRetryAnalysis } from '../api/use-retry-analysis.ts';
import { PriorityBadge } from './ticket-badges.tsx';

const SENTIMENT_LABELS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;

/**
 * The AI's reading of the ticket: "analysing…" while the job runs, then summary, category,
 * sentiment, a suggested priority to apply in one click and next actions. A failure shows why,
 * with Retry; the last good result stays visible meanwhile. Never blocks working the ticket.
 */
export function AiPanel({ ticket, aiOnline, onApplyPriority }: { ticket: TicketDto; aiOnline: boolean; onApplyPriority: (p: TicketPriority) => void }) {
  const retry = useRetryAnalysis();
  const now = useNow(60_000);
  const { status, result, error, analysedAt } = ticket.analysis;
  const pending = status === 'PENDING' || retry.isPending;
  const run = () => retry.mutate({ ticketId: ticket.id });

  return (
    <section className="panel ai-panel" aria-label="AI analysis" data-testid="ai-panel" data-status={status}>
      <header className="ai-panel-head">
        <h3 className="ai-panel-title">
          <SparkIcon /> AI analysis
        </h3>
        {pending ? (
          <span className="ai-panel-pending" role="status">
            <Spinner /> Analysing…
          </span>
        ) : analysedAt ? (
          <span className="text-muted ai-panel-when">{formatRelative(analysedAt, now)}</span>
        ) : null}
        {aiOnline && !pending && status !== 'IDLE' ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={run} title="Analyse the whole ticket again">
            <RefreshIcon /> Re-run
          </button>
        ) : null}
      </header>
      <div className="ai-panel-body">
        {!aiOnline ? (
          <p className="text-muted">The AI is offline: the server has no OpenAI key, so tickets are not analysed.</p>
        ) : null}
        {status === 'FAILED' && !retry.isPending ? (
          <div className="ai-failed" role="alert">
            <AlertIcon />
            <span>The analysis failed{error ? `: ${error}` : '.'}</span>
            <button type="button" className="btn btn-secondary btn-sm" onClick={run} disabled={!aiOnline}>
              <RefreshIcon /> Retry
            </button>
          </div>
        ) : null}
        {retry.isError ? <Alert tone="error">{toUserMessage(retry.error)}</Alert> : null}
        {status === 'IDLE' && aiOnline && !pending ? (
          <div className="ai-idle">
            <span className="text-muted">Not analysed yet.</span>
            <button type="button" className="btn btn-secondary btn-sm" onClick={run}>
              <SparkIcon /> Analyse
            </button>
          </div>
        ) : null}
        {result ? (
          <div className={pending ? 'ai-result ai-result-stale' : 'ai-result'}>
            <p className="ai-summary" data-testid="ai-summary">
              {result.summary}
            </p>
            <dl className="ai-facts">
              <div>
                <dt>Category</dt>
                <dd>
                  <span className="chip">{result.category}</span>
                </dd>
              </div>
              <div>
                <dt>Sentiment</dt>
                <dd>
                  <span className={`sentiment sentiment-${result.sentiment}`}>{SENTIMENT_LABELS[result.sentiment]}</span>
                </dd>
              </div>
              <div>
                <dt>Suggested priority</dt>
                <dd className="ai-priority">
                  <PriorityBadge priority={result.suggestedPriority} />
                  {result.suggestedPriority !== ticket.priority ? (
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => onApplyPriority(result.suggestedPriority)}>
                      Apply {PRIORITY_LABELS[result.suggestedPriority].toLowerCase()}
                    </button>
                  ) : (
                    <span className="text-muted">matches</span>
                  )}
                </dd>
              </div>
            </dl>
            {result.nextActions.length ? (
              <>
                <div className="ai-actions-title">Next actions</div>
                <ol className="ai-actions">
                  {result.nextActions.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
