import type { ContactDto } from '../../../../src/contracts/contact.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { SOURCE_LABELS } from '../api/contact-labels.ts';

/** The contact's fields as a dense definition list. */
export function ContactDetails({ contact }: { contact: ContactDto }) {
  return (
    <div className="contact-details">
      <dl className="details details-stacked">
        <div className="detail">
          <dt>Email</dt>
          <dd className="mono">{contact.email ?? <span className="text-subtle">—</span>}</dd>
        </div>
        <div className="detail">
          <dt>Phone</dt>
          <dd className="mono">{contact.phone ?? <span className="text-subtle">—</span>}</dd>
        </div>
        <div className="detail">
          <dt>Company</dt>
          <dd>{contact.company || <span className="text-subtle">—</span>}</dd>
        </div>
        <div className="detail">
          <dt>Source</dt>
          <dd>{SOURCE_LABELS[contact.source]}</dd>
        </div>
        <div className="detail">
          <dt>Tags</dt>
          <dd className="crow-tags">
            {contact.tags.length ? contact.tags.map((t) => <span key={t} className="tag">{t}</span>) : <span className="text-subtle">—</span>}
          </dd>
        </div>
        <div className="detail">
          <dt>Added</dt>
          <dd>{formatDateTime(contact.createdAt)}</dd>
        </div>
      </dl>
      {contact.notes ? <p className="contact-notes">{contact.notes}</p> : null}
    </div>
  );
}
