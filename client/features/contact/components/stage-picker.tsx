import { CONTACT_STAGES, type ContactDto } from '../../../../src/contracts/contact.ts';
import { Alert } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { STAGE_LABELS } from '../api/contact-labels.ts';
import { useSetStage } from '../api/use-contact-mutations.ts';

/** The pipeline as a row of steps; the current one is filled, earlier ones shaded. Arrow keys move between steps. */
export function StagePicker({ contact }: { contact: ContactDto }) {
  const setStage = useSetStage();
  const index = CONTACT_STAGES.indexOf(contact.stage);
  const choose = (stage: ContactDto['stage']) => {
    if (stage !== contact.stage) setStage.mutate({ contactId: contact.id, stage });
  };
  return (
    <div className="pipeline-wrap">
      <div
        className="pipeline"
        role="radiogroup"
        aria-label="Stage"
        onKeyDown={(e) => {
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          const next = CONTACT_STAGES[Math.min(CONTACT_STAGES.length - 1, Math.max(0, index + step))]!;
          choose(next);
          requestAnimationFrame(() => (e.currentTarget.querySelector(`[data-stage="${next}"]`) as HTMLElement | null)?.focus());
        }}
      >
        {CONTACT_STAGES.map((stage, i) => {
          const current = stage === contact.stage;
          const tone = stage === 'LOST' && current ? 'lost' : stage === 'WON' && current ? 'won' : current ? 'current' : i < index && contact.stage !== 'LOST' ? 'past' : 'future';
          return (
            <button
              key={stage}
              type="button"
              role="radio"
              aria-checked={current}
              tabIndex={current ? 0 : -1}
              data-stage={stage}
              className={`pipeline-step pipeline-${tone}`}
              onClick={() => choose(stage)}
            >
              {STAGE_LABELS[stage]}
            </button>
          );
        })}
      </div>
      {setStage.error ? <Alert tone="error">{toUserMessage(setStage.error)}</Alert> : null}
    </div>
  );
}
