import type { ContactStage } from '../../../../src/contracts/contact.ts';
import { STAGE_LABELS } from '../api/contact-labels.ts';

export function StagePill({ stage }: { stage: ContactStage }) {
  return (
    <span className={`stage-pill stage-${stage.toLowerCase()}`} data-testid="stage-pill">
      {STAGE_LABELS[stage]}
    </span>
  );
}
