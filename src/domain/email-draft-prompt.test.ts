import { describe, expect, it } from 'vitest';
import { buildEmailDraftMessages, paragraphsToHtml } from './email-draft-prompt.ts';

const sender = { name: 'Sam Seller', title: 'Account Executive', company: 'Acme', phone: '+14155550100', email: 'sam@acme.test' };
const contact = { name: 'Lee Lead', company: 'Globex', stage: 'NEW', notes: 'Wants a demo', tags: ['vip'] };

describe('buildEmailDraftMessages', () => {
  it('gives the model the sender profile, the contact, the task and the request', () => {
    const [system, user] = buildEmailDraftMessages({ sender, contact, history: [], instructions: 'mention the spring offer', taskTitle: 'Follow up' });
    expect(system!.content).toContain('Sam Seller, Account Executive at Acme');
    for (const part of ['Sender phone: +14155550100', 'Contact name: Lee Lead', 'Contact company: Globex', 'Pipeline stage: new', 'Tags: vip', 'Notes: Wants a demo', 'Follow-up task: Follow up', 'The sender asks: mention the spring offer', 'no earlier conversation']) {
      expect(user!.content).toContain(part);
    }
  });

  it('includes the conversation oldest first and keeps the newest lines when it is long', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const history = Array.from({ length: 400 }, (_, i) => ({ direction: (i % 2 ? 'OUTBOUND' : 'INBOUND') as 'INBOUND' | 'OUTBOUND', body: `message number ${i}`, at }));
    const [, user] = buildEmailDraftMessages({ sender, contact, history, instructions: '', taskTitle: null });
    expect(user!.content).toContain('Customer: message number 398');
    expect(user!.content).toContain('Us: message number 399');
    expect(user!.content).not.toContain('message number 0\n');
    expect(user!.content.indexOf('398')).toBeLessThan(user!.content.indexOf('399'));
    expect(user!.content).not.toContain('The sender asks');
  });

  it('leaves out empty profile fields', () => {
    const [, user] = buildEmailDraftMessages({ sender: { ...sender, phone: '', title: '' }, contact, history: [], instructions: '', taskTitle: null });
    expect(user!.content).not.toContain('Sender phone');
    expect(user!.content).not.toContain('Sender title');
  });
});

describe('paragraphsToHtml', () => {
  it('turns paragraphs and the signature into escaped HTML paragraphs', () => {
    expect(paragraphsToHtml('Hi <Lee>,\n\nThanks & talk soon.\nBest regards,', 'Sam\nAcme')).toBe(
      '<p>Hi &lt;Lee&gt;,</p><p>Thanks &amp; talk soon.<br>Best regards,</p><p>Sam<br>Acme</p>',
    );
  });
  it('makes web and email addresses in the body and the signature clickable', () => {
    expect(paragraphsToHtml('Pick a time: https://cal.acme.test/sam.\nOr mail me.', 'Sam\nsam@acme.test')).toBe(
      '<p>Pick a time: <a href="https://cal.acme.test/sam">https://cal.acme.test/sam</a>.<br>Or mail me.</p><p>Sam<br><a href="mailto:sam@acme.test">sam@acme.test</a></p>',
    );
  });
  it('adds nothing for an empty signature', () => {
    expect(paragraphsToHtml('Hello', '  ')).toBe('<p>Hello</p>');
  });
});
