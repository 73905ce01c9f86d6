import { describe, expect, it } from 'vitest';
import { paragraphsToHtml } from '../../src/domain/email-draft-prompt.ts';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email.ts';

describe('sanitizeEmailHtml', () => {
  it('keeps the editor output and removes what runs or loads', () => {
    const html = sanitizeEmailHtml(
      '<p onclick="x()">Hi <strong>Lee</strong><script>alert(1)</script><img src="https://t.test/p.gif"><iframe src="x"></iframe></p><a href="javascript:alert(1)">bad</a><a href="https://acme.test">ok</a>',
    );
    expect(html).toBe('<p>Hi <strong>Lee</strong></p><a target="_blank" rel="noopener noreferrer">bad</a><a href="https://acme.test" target="_blank" rel="noopener noreferrer">ok</a>');
  });
});

describe('an AI draft through the sanitizer', () => {
  it('keeps the links the draft made, opening in a new tab, and their addresses in the text part', () => {
    const html = sanitizeEmailHtml(paragraphsToHtml('Book: https://cal.acme.test/sam?x=1&y=2', 'Sam'));
    expect(html).toBe('<p>Book: <a href="https://cal.acme.test/sam?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">https://cal.acme.test/sam?x=1&amp;y=2</a></p><p>Sam</p>');
    expect(htmlToText(html)).toBe('Book: https://cal.acme.test/sam?x=1&y=2\n\nSam');
  });
});

describe('htmlToText', () => {
  it('writes paragraphs, breaks, list items and link targets as text', () => {
    expect(htmlToText('<p>Hi &amp; welcome,</p><p>line one<br>line two</p><ul><li>a</li><li>b</li></ul><p><a href="https://acme.test">our site</a></p>')).toBe(
      'Hi & welcome,\n\nline one\nline two\n\n- a\n\n- b\n\nour site (https://acme.test)',
    );
  });
});
