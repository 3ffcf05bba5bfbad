// The written 活动总结: summary.get (drafted from the data, figures filled), summary.save (the
// clerk's wording kept as a template), summary.reset (back to the draft), and the 亮点 marks on
// items and progress notes that its 主要做法和成效 quotes.
import { expect } from 'vitest';
import { expectFailure, MISSING_ID, withItem, type Fixture, type OperationCases } from './shared';

const part = (
  summary: { parts: Array<{ part: string; text: string; template: string; saved: string | null }> },
  name: string,
) => summary.parts.find((p) => p.part === name)!;

/** Two items, one completed, one with a progress note marked 亮点. */
async function withWork(fx: Fixture) {
  const done = await withItem(fx, { title: '落实当场立案制度', deadline: '2026-11-30' });
  await fx.h.ok('items.markComplete', { id: done.id, version: done.version });
  const open = await withItem(fx, { title: '规范诉讼服务窗口', deadline: '2026-12-20' });
  const note = await fx.h.ok('progress.add', {
    itemId: open.id,
    noteDate: '2026-11-20',
    text: '开设跨域立案窗口，群众办事平均等候时间缩短一半',
    percent: 50,
  });
  return { done, open, note };
}

export const writtenSummaryCases: OperationCases<
  'summary.get' | 'summary.save' | 'summary.reset' | 'items.markHighlight' | 'progress.markHighlight'
> = {
  'summary.get': {
    good: async (fx) => {
      await withWork(fx);
      const summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
      expect(summary.parts.map((p) => p.heading)).toEqual([
        '一、基本情况',
        '二、主要做法和成效',
        '三、存在的问题',
        '四、下一步工作打算',
      ]);
      expect(summary).toMatchObject({ courtCode: 'J2301', scope: 'court', editable: true, highlightCount: 0 });
      expect(summary.title).toBe('龙江县人民法院关于“能力作风建设年”活动开展情况的总结');
      // Figures are cited as fields in the template and filled in the text.
      const situation = part(summary, 'situation');
      expect(situation.template).toContain('完成率【完成率】');
      expect(situation.text).toContain('共有事项2项，已完成1项');
      expect(situation.text).toContain('完成率50%');
      expect(summary.fields.find((f) => f.name === '事项总数')?.value).toBe('2');
      // Without marks, 主要做法 asks the clerk to mark 亮点 or write it.
      expect(part(summary, 'practices').text).toMatch(/标为“亮点”/);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('summary.get', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(
        await fx.h.call('summary.get', { campaignId: fx.campaign.id, courtCode: 'J2399' }),
        'E_NOT_FOUND',
        /J2399/,
      );
      expectFailure(await fx.h.call('summary.get', { campaignId: 'x' } as never), 'E_INVALID');
    },
  },
  'summary.save': {
    good: async (fx) => {
      await withWork(fx);
      const template = '本院扎实推进活动，共有事项【事项总数】项，完成率【完成率】。【不存在的字段】';
      const saved = await fx.h.ok('summary.save', { campaignId: fx.campaign.id, parts: { situation: template } });
      const situation = saved.parts.find((p) => p.part === 'situation')!;
      expect(situation).toMatchObject({ saved: template, template, savedBy: '王书记员' });
      expect(situation.text).toBe('本院扎实推进活动，共有事项2项，完成率50%。【不存在的字段】');
      expect(situation.unknownFields).toEqual(['不存在的字段']);
      // The other parts stay drafted.
      expect(saved.parts.find((p) => p.part === 'problems')!.saved).toBeNull();
      // The wording stays; the figure follows the data.
      await withItem(fx, { title: '新增事项' });
      const again = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
      expect(again.parts[0].text).toBe('本院扎实推进活动，共有事项3项，完成率33%。【不存在的字段】');
      const audit = await fx.h.ok('audit.list', { limit: 5 });
      expect(audit.find((e) => e.operation === 'summary-save')).toMatchObject({
        tableName: 'summaryTexts',
        after: { body: template },
      });
    },
    bad: async (fx) => {
      const empty = expectFailure(
        await fx.h.call('summary.save', { campaignId: fx.campaign.id, parts: { problems: '  \n ' } }),
        'E_INVALID',
        /恢复为系统草稿/,
      );
      expect(empty.fieldErrors?.['parts.problems']).toMatch(/不能为空/);
      expectFailure(
        await fx.h.call('summary.save', { campaignId: fx.campaign.id, parts: {} }),
        'E_INVALID',
        /没有要保存/,
      );
      expectFailure(
        await fx.h.call('summary.save', { campaignId: fx.campaign.id, parts: { preface: '前言' } } as never),
        'E_INVALID',
      );
      expectFailure(
        await fx.h.call('summary.save', { campaignId: MISSING_ID, parts: { situation: '正文' } }),
        'E_NOT_FOUND',
      );
      // A filer may mark 亮点 but does not edit the court's summary.
      const department = await fx.h.ok('departments.create', { name: '立案庭', headName: '周庭长' });
      await fx.h.addUser({ username: 'zhou', displayName: '周庭长', roles: ['filer'], departmentId: department.id });
      expectFailure(
        await fx.h.as('zhou').call('summary.save', { campaignId: fx.campaign.id, parts: { situation: '正文' } }),
        'E_FORBIDDEN',
      );
      expect((await fx.h.as('zhou').ok('summary.get', { campaignId: fx.campaign.id })).editable).toBe(false);
      expect((await fx.h.ok('summary.get', { campaignId: fx.campaign.id })).parts.every((p) => p.saved === null)).toBe(
        true,
      );
    },
  },
  'summary.reset': {
    good: async (fx) => {
      await withWork(fx);
      await fx.h.ok('summary.save', {
        campaignId: fx.campaign.id,
        parts: { situation: '改写的基本情况【完成率】', nextSteps: '改写的下一步' },
      });
      const one = await fx.h.ok('summary.reset', { campaignId: fx.campaign.id, parts: ['situation'] });
      expect(one.parts[0]).toMatchObject({ saved: null });
      expect(one.parts[0].template).toBe(one.parts[0].drafted);
      expect(one.parts[3].saved).toBe('改写的下一步');
      const all = await fx.h.ok('summary.reset', { campaignId: fx.campaign.id });
      expect(all.parts.every((p) => p.saved === null && p.template === p.drafted)).toBe(true);
      const audit = await fx.h.ok('audit.list', { limit: 3 });
      expect(audit[0]).toMatchObject({ operation: 'summary-reset', tableName: 'summaryTexts', after: null });
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('summary.reset', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(
        await fx.h.call('summary.reset', { campaignId: fx.campaign.id, parts: ['all'] } as never),
        'E_INVALID',
      );
      const department = await fx.h.ok('departments.create', { name: '立案庭', headName: '周庭长' });
      await fx.h.addUser({ username: 'zhou', displayName: '周庭长', roles: ['filer'], departmentId: department.id });
      expectFailure(await fx.h.as('zhou').call('summary.reset', { campaignId: fx.campaign.id }), 'E_FORBIDDEN');
    },
  },
  'items.markHighlight': {
    good: async (fx) => {
      const { done } = await withWork(fx);
      const before = await fx.h.ok('items.get', { id: done.id });
      // A signed-off or completed item may be marked: finished work is what a summary reports.
      const marked = await fx.h.ok('items.markHighlight', { id: done.id, version: before.version, highlight: true });
      expect(marked).toMatchObject({ highlight: true, version: before.version + 1 });
      const summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
      expect(summary.highlightCount).toBe(1);
      expect(part(summary, 'practices').text).toContain('“落实当场立案制度”');
      const audit = await fx.h.ok('audit.list', { limit: 1 });
      expect(audit[0]).toMatchObject({ operation: 'mark-highlight', tableName: 'items', after: { highlight: 1 } });
      const unmarked = await fx.h.ok('items.markHighlight', { id: done.id, version: marked.version, highlight: false });
      expect(unmarked.highlight).toBe(false);
    },
    bad: async (fx) => {
      const { done } = await withWork(fx);
      expectFailure(
        await fx.h.call('items.markHighlight', { id: done.id, version: done.version + 9, highlight: true }),
        'E_STALE',
      );
      expectFailure(
        await fx.h.call('items.markHighlight', { id: MISSING_ID, version: 1, highlight: true }),
        'E_NOT_FOUND',
      );
      expectFailure(await fx.h.call('items.markHighlight', { id: done.id, version: 1 } as never), 'E_INVALID', /亮点/);
      // A filer of another department may not mark this department's item.
      const lian = await fx.h.ok('departments.create', { name: '立案庭', headName: '周庭长' });
      const other = await fx.h.ok('departments.create', { name: '执行局', headName: '孙局长' });
      const item = await withItem(fx, { title: '执行案款清理', departmentId: lian.id });
      await fx.h.addUser({ username: 'sun', displayName: '孙局长', roles: ['filer'], departmentId: other.id });
      expectFailure(
        await fx.h.as('sun').call('items.markHighlight', { id: item.id, version: item.version, highlight: true }),
        'E_FORBIDDEN',
      );
    },
  },
  'progress.markHighlight': {
    good: async (fx) => {
      const { note } = await withWork(fx);
      const marked = await fx.h.ok('progress.markHighlight', { id: note.id, version: note.version, highlight: true });
      expect(marked).toMatchObject({ id: note.id, highlight: true, version: note.version + 1 });
      const summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
      expect(summary.highlightCount).toBe(1);
      const practices = part(summary, 'practices').text;
      expect(practices).toContain('（一）争先创优年');
      expect(practices).toContain('围绕“规范诉讼服务窗口”，开设跨域立案窗口，群众办事平均等候时间缩短一半。');
    },
    bad: async (fx) => {
      const { note } = await withWork(fx);
      expectFailure(
        await fx.h.call('progress.markHighlight', { id: note.id, version: note.version + 1, highlight: true }),
        'E_STALE',
      );
      expectFailure(
        await fx.h.call('progress.markHighlight', { id: MISSING_ID, version: 1, highlight: true }),
        'E_NOT_FOUND',
      );
      expectFailure(
        await fx.h.call('progress.markHighlight', { id: note.id, version: 1, highlight: 'yes' } as never),
        'E_INVALID',
      );
    },
  },
};
