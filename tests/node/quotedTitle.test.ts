import { describe, expect, it } from 'vitest';
import { quotedTitle } from '../../src/shared/common/quotedTitle';
import { titleHtml } from '../../src/main/reports/officialDocument';

describe('a title inside quotation marks', () => {
  it('turns quotation marks inside the title into the inner ‘’ and never quotes twice', () => {
    expect(quotedTitle('能力作风建设年')).toBe('“能力作风建设年”');
    expect(quotedTitle('2026年“能力作风建设年”活动')).toBe('“2026年‘能力作风建设年’活动”');
    expect(quotedTitle('“清廉法院”建设')).toBe('“‘清廉法院’建设”');
    expect(quotedTitle('“清廉法院建设”')).toBe('“清廉法院建设”');
    expect(quotedTitle('"清廉法院建设"')).toBe('“清廉法院建设”');
  });
});

describe('a 公文 title on paper', () => {
  it('keeps a short quoted name on one line and escapes the rest', () => {
    expect(titleHtml('黑龙江省高级人民法院关于“能力作风建设年”活动开展情况的总结')).toBe(
      '黑龙江省高级人民法院关于<span style="white-space:nowrap">“能力作风建设年”</span>活动开展情况的总结',
    );
    // A long quotation may break where it must; markup in a title is text.
    const long = '关于“一二三四五六七八九十一二三四五六”的<通报>';
    expect(titleHtml(long)).toBe('关于“一二三四五六七八九十一二三四五六”的&lt;通报&gt;');
  });
});
