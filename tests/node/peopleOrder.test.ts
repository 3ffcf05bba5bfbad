// The order of the 人员 list: rank (职务) first, then the pinyin of the name.
import { describe, expect, it } from 'vitest';
import { comparePeople, rankOfTitle, RANK_ORDER } from '../../src/shared/court/peopleOrder';

describe('people order', () => {
  it('ranks a title by its highest and most specific post', () => {
    expect(rankOfTitle('党组书记、院长')).toBe(RANK_ORDER.indexOf('院长'));
    expect(rankOfTitle('党组成员、副院长')).toBe(RANK_ORDER.indexOf('副院长'));
    expect(rankOfTitle('民事审判第一庭副庭长')).toBe(RANK_ORDER.indexOf('副庭长'));
    expect(rankOfTitle('立案庭庭长')).toBe(RANK_ORDER.indexOf('庭长'));
    expect(rankOfTitle('执行局副局长')).toBe(RANK_ORDER.indexOf('副局长'));
    expect(rankOfTitle('')).toBe(RANK_ORDER.length);
    expect(rankOfTitle('院长') < rankOfTitle('副院长')).toBe(true);
    expect(rankOfTitle('审判委员会专职委员') < rankOfTitle('庭长')).toBe(true);
    expect(rankOfTitle('副庭长') < rankOfTitle('审判员')).toBe(true);
    expect(rankOfTitle('审判员') < rankOfTitle('法官助理')).toBe(true);
    expect(rankOfTitle('法官助理') < rankOfTitle('书记员')).toBe(true);
  });

  it('sorts by rank, then by pinyin (not by character code)', () => {
    const people = [
      { name: '郑雪', title: '书记员' },
      { name: '赵国强', title: '副院长' },
      { name: '陈立华', title: '院长' },
      { name: '刘晓梅', title: '副院长' },
      { name: '何静', title: '审判员' },
      { name: '冯志刚', title: '审判员' },
      { name: '马骏', title: '' },
    ];
    expect([...people].sort(comparePeople).map((p) => p.name)).toEqual([
      '陈立华',
      '刘晓梅',
      '赵国强',
      '冯志刚',
      '何静',
      '郑雪',
      '马骏',
    ]);
    // By character code 何 (U+4F55) comes before 冯 (U+51AF); by pinyin feng comes before he.
    expect(['何静', '冯志刚'].sort()).toEqual(['何静', '冯志刚']);
  });
});
