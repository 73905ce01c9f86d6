import { describe, expect, it } from 'vitest';
import { escapeCell, normaliseHeader, unescapeCell, ZImportRow } from './contact-csv.ts';

describe('escapeCell / unescapeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-2+3', `'-2+3`],
    ['+cmd|calc', `'+cmd|calc`],
    ['\tTab', `'\tTab`],
    ['+14155550123', '+14155550123'],
    ['-12.5', '-12.5'],
    ['plain', 'plain'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (value, written) => {
    expect(escapeCell(value)).toBe(written);
    expect(unescapeCell(escapeCell(value))).toBe(value);
  });

  it('leaves an apostrophe that does not guard a formula alone', () => {
    expect(unescapeCell("'quoted'")).toBe("'quoted'");
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['Name', 'name'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Phone Number', 'phone'],
    ['Organisation', 'company'],
    ['Owner', 'owner_email'],
    ['Custom Field', 'custom_field'],
  ])('%j -> %j', (raw, key) => expect(normaliseHeader(raw)).toBe(key));
});

describe('ZImportRow', () => {
  it('reads stages and sources in any case, tags split on ; or ,', () => {
    expect(ZImportRow.parse({ name: 'A', stage: 'Qualified', source: 'web form', tags: 'a; b,c' })).toMatchObject({ stage: 'QUALIFIED', source: 'WEB_FORM', tags: ['a', 'b', 'c'] });
  });
  it('treats blank cells as absent', () => {
    expect(ZImportRow.parse({ name: 'A', email: ' ', stage: '', owner_email: '' })).toMatchObject({ email: undefined, stage: undefined, owner_email: undefined });
  });
});
