import type { ReactNode } from 'react';
import type { ContactDto } from '../../../../src/contracts/contact.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { BanIcon } from '../../../components/icons.tsx';
import { contactLabel, SOURCE_LABELS } from '../api/contact-labels.ts';
import { StagePicker } from './stage-picker.tsx';

/** Who the contact is, where they are in the pipeline, and whether they may be emailed. */
export function ContactHeader({ contact, meId, actions }: { contact: ContactDto; meId: string; actions: ReactNode }) {
  const name = contactLabel(contact);
  return (
    <header className="contact-head">
      <title>{`${name} · Switchboard`}</title>
      <div className="contact-head-row">
        <Avatar name={name} seed={contact.id} size="lg" />
        <div className="contact-head-main">
          <h1 className="page-title contact-name">{name}</h1>
          <div className="contact-head-meta">
            {contact.company ? <span>{contact.company}</span> : null}
            {contact.email ? <span className="mono">{contact.email}</span> : null}
            {contact.phone ? <span className="mono">{contact.phone}</span> : null}
            <span className="chip">{SOURCE_LABELS[contact.source]}</span>
            <span>Owner: {contact.owner ? (contact.owner.id === meId ? 'You' : contact.owner.name) : 'nobody'}</span>
          </div>
        </div>
        <div className="page-actions">{actions}</div>
      </div>
      {contact.doNotEmail ? (
        <div className="dne-banner" role="status" data-testid="do-not-email-banner">
          <BanIcon />
          <span>
            <strong>Do not email.</strong> {contact.doNotEmailReason ?? 'Marked by hand.'} Sending is blocked.
          </span>
        </div>
      ) : null}
      <StagePicker contact={contact} />
    </header>
  );
}
