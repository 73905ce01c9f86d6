import { describe, expect, it } from 'vitest';
import { linkifyText } from './linkify.ts';

describe('linkifyText', () => {
  it.each([
    ['plain text, escaped', 'Hi <Lee> & "you"', 'Hi &lt;Lee&gt; &amp; &quot;you&quot;'],
    ['an https address', 'Book here: https://cal.acme.test/sam', 'Book here: <a href="https://cal.acme.test/sam">https://cal.acme.test/sam</a>'],
    ['an http address with a query, escaped in href and text', 'See http://acme.test/a?x=1&y=2 now', 'See <a href="http://acme.test/a?x=1&amp;y=2">http://acme.test/a?x=1&amp;y=2</a> now'],
    ['trailing sentence punctuation stays outside', 'Visit https://acme.test/offer.', 'Visit <a href="https://acme.test/offer">https://acme.test/offer</a>.'],
    ['a closing bracket it did not open stays outside', '(see https://acme.test/x).', '(see <a href="https://acme.test/x">https://acme.test/x</a>).'],
    ['a bracket pair inside the address stays in', 'https://en.wikipedia.test/wiki/Acme_(company)', '<a href="https://en.wikipedia.test/wiki/Acme_(company)">https://en.wikipedia.test/wiki/Acme_(company)</a>'],
    ['www. becomes https', 'at www.acme.test!', 'at <a href="https://www.acme.test">www.acme.test</a>!'],
    ['an email address becomes mailto', 'Write to sam@acme.test.', 'Write to <a href="mailto:sam@acme.test">sam@acme.test</a>.'],
    ['other schemes stay text', 'javascript:alert(1) data:text/html,x', 'javascript:alert(1) data:text/html,x'],
    ['a quote cannot break out of the href', 'https://acme.test/"onmouseover="x', '<a href="https://acme.test/">https://acme.test/</a>&quot;onmouseover=&quot;x'],
    ['a scheme without a host stays text', 'https:// is a prefix', 'https:// is a prefix'],
    ['two addresses', 'a https://a.test b https://b.test', 'a <a href="https://a.test">https://a.test</a> b <a href="https://b.test">https://b.test</a>'],
  ])('%s', (_name, text, html) => {
    expect(linkifyText(text)).toBe(html);
  });
});
