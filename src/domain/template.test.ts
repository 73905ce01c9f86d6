import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariableCount } from './template.ts';

describe('templates', () => {
  it('counts variables by the highest placeholder, tolerating spaces and repeats', () => {
    expect(templateVariableCount('Hello')).toBe(0);
    expect(templateVariableCount('Hi {{1}}, your order {{2}} ships {{ 3 }}')).toBe(3);
    expect(templateVariableCount('{{1}} and {{1}} again')).toBe(1);
    expect(templateVariableCount('{{2}} only')).toBe(2);
  });
  it('fills placeholders by number and leaves missing ones visible', () => {
    expect(fillTemplate('Hi {{1}}, order {{2}} is {{ 1 }}', ['Ana', '#42'])).toBe('Hi Ana, order #42 is Ana');
    expect(fillTemplate('Hi {{1}} {{2}}', ['Ana'])).toBe('Hi Ana {{2}}');
  });
});
