import { describe, expect, it } from 'vitest';
import type { EmailDto, EmailEngagementDto } from '../../../../src/contracts/email.ts';
import { clickCount, emailHeadline } from './email-status.ts';

const engagement = (extra: Partial<EmailEngagementDto> = {}): EmailEngagementDto => ({
  deliveredAt: null,
  firstOpenedAt: null,
  lastOpenedAt: null,
  openCount: 0,
  clicks: [],
  bounceReason: null,
  dropReason: null,
  spamReportedAt: null,
  unsubscribedAt: null,
  ...extra,
});

const email = (extra: Partial<EmailDto> = {}, e: Partial<EmailEngagementDto> = {}): EmailDto => ({
  id: 'e1',
  contactId: 'c1',
  taskId: null,
  sender: null,
  fromName: 'Dana',
  fromAddress: 'sales@example.test',
  to: 'ana@example.test',
  subject: 'Hello',
  html: '<p>Hi</p>',
  text: 'Hi',
  status: 'SENT',
  outbox: false,
  providerMessageId: null,
  error: null,
  attempts: 1,
  sentAt: null,
  createdAt: '2026-01-01T12:00:00.000Z',
  engagement: engagement(e),
  events: [],
  ...extra,
});

const at = '2026-01-01T12:05:00.000Z';
const click = (url: string, count: number) => ({ url, count, firstAt: at, lastAt: at });

describe('emailHeadline', () => {
  it.each<[string, EmailDto, string, string]>([
    ['queued', email({ status: 'QUEUED' }), 'Sending…', 'progress'],
    ['sent', email(), 'Sent', 'neutral'],
    ['delivered', email({ status: 'DELIVERED' }, { deliveredAt: at }), 'Delivered', 'success'],
    ['opened once', email({ status: 'DELIVERED' }, { openCount: 1, firstOpenedAt: at }), 'Opened', 'success'],
    ['opened thrice', email({ status: 'DELIVERED' }, { openCount: 3, firstOpenedAt: at }), 'Opened ×3', 'success'],
    ['clicked outranks opened', email({ status: 'DELIVERED' }, { openCount: 2, firstOpenedAt: at, clicks: [click('https://a.test', 1)] }), 'Clicked', 'success'],
    ['bounced outranks everything', email({ status: 'BOUNCED' }, { openCount: 1, firstOpenedAt: at, bounceReason: '550 no such user' }), 'Bounced', 'danger'],
    ['spam report', email({ status: 'DELIVERED' }, { openCount: 1, firstOpenedAt: at, spamReportedAt: at }), 'Marked as spam', 'danger'],
    ['failed', email({ status: 'FAILED', error: 'Bad key' }), 'Failed', 'danger'],
    ['dev outbox', email({ outbox: true }), 'In dev outbox', 'neutral'],
  ])('%s', (_name, e, label, tone) => expect(emailHeadline(e)).toEqual({ label, tone }));
});

describe('clickCount', () => {
  it('adds clicks across links', () => {
    expect(clickCount(email({}, { clicks: [click('https://a.test', 2), click('https://b.test', 3)] }))).toBe(5);
  });
});
