import { describe, expect, it } from 'vitest';
import { CRM_RANGE, scriptedEmails } from './crm-fixtures.ts';
import { emailFunnel, emailOutcome, emailsBySender, type EmailFact } from './email-funnel.ts';
import { ANA, BEN } from './metrics-fixtures.ts';

const byId = (id: string) => scriptedEmails().find((e) => e.id === id)!;
const steps = (e: EmailFact) => Object.entries(emailOutcome(e)).filter(([, v]) => v).map(([k]) => k).sort();

describe('emailOutcome', () => {
  it.each([
    ['delivered', ['delivered', 'sent']],
    ['opened', ['delivered', 'opened', 'sent']],
    ['clicked', ['clicked', 'delivered', 'opened', 'sent']],
    ['click-no-open', ['clicked', 'delivered', 'opened', 'sent']],
    ['open-before-delivered', ['delivered', 'opened', 'sent']],
    ['bounced', ['bounced', 'sent']],
    ['late-bounce', ['bounced', 'delivered', 'sent']],
    ['dropped', ['dropped', 'sent']],
    ['spam', ['delivered', 'opened', 'sent', 'spam']],
    ['unsubscribed', ['delivered', 'sent', 'unsubscribed']],
    ['processing', ['sent']],
    ['queued', []],
    ['failed', []],
    ['outbox', []],
  ])('%s → %j', (id, expected) => {
    expect(steps(byId(id))).toEqual(expected);
  });

  it('keeps every step inside the one before it, whatever the columns say', () => {
    // An open recorded without deliveredAt (an older row): still delivered.
    const e = { ...byId('delivered'), deliveredAt: null, firstOpenedAt: 1 };
    expect(emailOutcome(e)).toMatchObject({ delivered: true, opened: true });
  });
});

describe('emailFunnel', () => {
  it('counts the range’s sent emails down the funnel with step rates', () => {
    const f = emailFunnel(scriptedEmails(), CRM_RANGE.from, CRM_RANGE.to);
    expect(f).toEqual({
      sent: 11, delivered: 8, opened: 5, clicked: 2, bounced: 2, dropped: 1, spam: 1, unsubscribed: 1,
      deliveredRate: 8 / 11, openRate: 5 / 8, clickRate: 2 / 5, bounceRate: 2 / 11,
    });
  });

  it('gives null rates, not 0 %, when nothing was sent', () => {
    expect(emailFunnel([], 0, 1)).toMatchObject({ sent: 0, deliveredRate: null, openRate: null, clickRate: null, bounceRate: null });
  });

  it('excludes the end of the range and includes its start', () => {
    const e = byId('delivered');
    expect(emailFunnel([e], e.sentAt!, e.sentAt! + 1).sent).toBe(1);
    expect(emailFunnel([e], e.sentAt! - 1, e.sentAt!).sent).toBe(0);
  });
});

describe('emailsBySender', () => {
  it('gives each sender their rates, click-through over delivered', () => {
    const rows = emailsBySender(scriptedEmails(), CRM_RANGE.from, CRM_RANGE.to);
    expect(rows).toEqual([
      { senderUserId: ANA, sent: 6, delivered: 4, opened: 2, clicked: 1, bounced: 1, deliveredRate: 4 / 6, openRate: 2 / 4, clickRate: 1 / 4, bounceRate: 1 / 6 },
      { senderUserId: BEN, sent: 4, delivered: 3, opened: 3, clicked: 1, bounced: 1, deliveredRate: 3 / 4, openRate: 1, clickRate: 1 / 3, bounceRate: 1 / 4 },
      { senderUserId: null, sent: 1, delivered: 1, opened: 0, clicked: 0, bounced: 0, deliveredRate: 1, openRate: 0, clickRate: 0, bounceRate: 0 },
    ]);
  });
});
