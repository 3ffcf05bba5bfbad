import { describe, expect, it } from 'vitest';
import { quotedTitle } from '../../src/shared/common/quotedTitle';

describe('a title inside quotation marks', () => {
  it('turns quotation marks inside the title into the inner ‘’ and never quotes twice', () => {
    expect(quotedTitle('能力作风建设年')).toBe('“能力作风建设年”');
    expect(quotedTitle('2026年“能力作风建设年”活动')).toBe('“2026年‘能力作风建设年’活动”');
    expect(quotedTitle('“清廉法院”建设')).toBe('“‘清廉法院’建设”');
    expect(quotedTitle('“清廉法院建设”')).toBe('“清廉法院建设”');
    expect(quotedTitle('"清廉法院建设"')).toBe('“清廉法院建设”');
  });
});
