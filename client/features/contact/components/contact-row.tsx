import { memo } from 'react';
import { Link } from 'react-router';
import type { ContactDto } from '../../../../src/contracts/contact.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { BanIcon } from '../../../components/icons.tsx';
import { formatDateTime, formatShortTime } from '../../../lib/format.ts';
import { contactLabel, SOURCE_LABELS } from '../api/contact-labels.ts';
import { StagePill } from './stage-pill.tsx';

export type ContactRowProps = { contact: ContactDto; href: string; selected: boolean; tabStop: boolean; meId: string; now: number };

/** One contact in the list: who, where from, where in the pipeline, whose. */
export const ContactRow = memo(function ContactRow({ contact: c, href, selected, tabStop, meId, now }: ContactRowProps) {
  const name = contactLabel(c);
  return (
    <Link to={href} className={selected ? 'crow crow-selected' : 'crow'} data-contact-id={c.id} tabIndex={tabStop ? 0 : -1}>
      <span className="crow-name">
        <Avatar name={name} seed={c.id} size="sm" />
        <span className="crow-name-text">
          <span className="crow-title cell-truncate">{name}</span>
          <span className="crow-sub cell-truncate">{c.email ?? c.phone ?? ''}</span>
        </span>
        {c.doNotEmail ? (
          <span className="crow-dne" title={`Do not email${c.doNotEmailReason ? `: ${c.doNotEmailReason}` : ''}`} aria-label="Do not email">
            <BanIcon />
          </span>
        ) : null}
      </span>
      <span className="crow-company cell-truncate">{c.company}</span>
      <span>
        <StagePill stage={c.stage} />
      </span>
      <span className="crow-source">{SOURCE_LABELS[c.source]}</span>
      <span className="crow-owner cell-truncate">{c.owner ? (c.owner.id === meId ? 'You' : c.owner.name) : <span className="text-subtle">Unowned</span>}</span>
      <span className="crow-tags">
        {c.tags.slice(0, 3).map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {c.tags.length > 3 ? <span className="tag tag-more">+{c.tags.length - 3}</span> : null}
      </span>
      <time className="crow-time" dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
        {formatShortTime(c.createdAt, now)}
      </time>
    </Link>
  );
});
