// progress.add (记录进展): a note, the files handed in with it (evidence linked to the note) and,
// when asked, the hand-in for 销号 — in one transaction, all or nothing.
import { expect } from 'vitest';
import { expectFailure, uploadFile, withItem, type OperationCases } from './shared';

export const progressCases: OperationCases<'progress.add'> = {
  'progress.add': {
    good: async (fx) => {
      const item = await withItem(fx);
      await fx.h.ok('progress.add', {
        itemId: item.id,
        noteDate: '2026-10-31',
        author: '周庭长',
        text: '制定当场立案工作细则',
        percent: 30,
      });
      await fx.h.ok('progress.add', {
        itemId: item.id,
        noteDate: '2026-11-20',
        author: '周庭长',
        text: '细则已印发并组织培训',
        percent: 60,
      });
      const detail = await fx.h.ok('items.get', { id: item.id });
      expect(detail).toMatchObject({ status: 'in_progress', percent: 60, noteCount: 2 });
      expect(detail.notes.map((n) => n.noteDate)).toEqual(['2026-11-20', '2026-10-31']);

      // The one form: a note, two files picked with it, and the hand-in for 销号 at once.
      const first = await uploadFile(fx.h, Buffer.from('%PDF-1.4 培训签到表'), '培训签到表.pdf');
      const second = await uploadFile(fx.h, Buffer.from('%PDF-1.4 会议纪要'), '会议纪要.pdf');
      const note = await fx.h.ok('progress.add', {
        itemId: item.id,
        noteDate: '2026-11-24',
        text: '培训完成，材料齐全，提交销号',
        uploadIds: [first, second],
        files: [
          { name: '培训签到表.pdf', mimeType: 'application/pdf' },
          { name: '会议纪要.pdf', mimeType: 'application/pdf' },
        ],
        submitForSignOff: true,
      });
      expect(note).toMatchObject({ percent: 100, noteDate: '2026-11-24' });
      const done = await fx.h.ok('items.get', { id: item.id });
      expect(done).toMatchObject({ status: 'completed', percent: 100, evidenceCount: 2, noteCount: 3 });
      expect(done.completedBy).toBeTruthy();
      expect(done.evidence.map((e) => [e.originalName, e.noteId])).toEqual([
        ['培训签到表.pdf', note.id],
        ['会议纪要.pdf', note.id],
      ]);
      // The uploads were used: they cannot be used a second time.
      expect((await fx.h.ok('files.discardUpload', { uploadId: first })).discarded).toBe(false);

      // Without `files`, the name is the one the file was uploaded under.
      const other = await withItem(fx, { title: '规范诉讼服务窗口' });
      const plain = await uploadFile(fx.h, Buffer.from('%PDF-1.4 窗口照片'), '窗口照片.pdf');
      const named = await fx.h.ok('progress.add', {
        itemId: other.id,
        noteDate: '2026-11-23',
        text: '窗口改造完成',
        uploadIds: [plain],
      });
      const otherDetail = await fx.h.ok('items.get', { id: other.id });
      expect(otherDetail).toMatchObject({ status: 'in_progress' });
      expect(otherDetail.evidence).toEqual([
        expect.objectContaining({ originalName: '窗口照片.pdf', noteId: named.id }),
      ]);
    },
    bad: async (fx) => {
      const item = await withItem(fx);
      const future = expectFailure(
        await fx.h.call('progress.add', {
          itemId: item.id,
          noteDate: '2026-11-25',
          author: '周庭长',
          text: '预计完成',
        }),
        'E_INVALID',
      );
      expect(future.fieldErrors?.noteDate).toMatch(/不能晚于今天/);
      expectFailure(
        await fx.h.call('progress.add', { itemId: item.id, noteDate: '2026-11-24', author: '周庭长', text: '' }),
        'E_INVALID',
        /进展情况/,
      );
      expectFailure(
        await fx.h.call('progress.add', {
          itemId: item.id,
          noteDate: '2026-11-24',
          text: '附件',
          uploadIds: ['not-an-upload'],
        }),
        'E_INVALID',
      );

      // Already handed in: submitting again is refused as items.markComplete refuses it, and
      // nothing of the form is kept — no note, no evidence — while the uploads stay for another try.
      await fx.h.ok('items.markComplete', { id: item.id, version: item.version });
      const upload = await uploadFile(fx.h, Buffer.from('%PDF-1.4 再次提交'), '再次提交.pdf');
      expectFailure(
        await fx.h.call('progress.add', {
          itemId: item.id,
          noteDate: '2026-11-24',
          text: '再次提交销号',
          uploadIds: [upload],
          submitForSignOff: true,
        }),
        'E_BAD_STATE',
        /提交销号/,
      );
      const after = await fx.h.ok('items.get', { id: item.id });
      expect(after).toMatchObject({ status: 'completed', evidenceCount: 0, noteCount: 0 });
      expect((await fx.h.ok('files.discardUpload', { uploadId: upload })).discarded).toBe(true);

      // Two files of the same content: refused whole (the first is not kept either).
      const open = await withItem(fx, { title: '完善导诉标识' });
      const a = await uploadFile(fx.h, Buffer.from('%PDF-1.4 同一份'), '甲.pdf');
      const b = await uploadFile(fx.h, Buffer.from('%PDF-1.4 同一份'), '乙.pdf');
      expectFailure(
        await fx.h.call('progress.add', { itemId: open.id, noteDate: '2026-11-24', text: '两份', uploadIds: [a, b] }),
        'E_DUPLICATE',
        /甲\.pdf/,
      );
      expect(await fx.h.ok('items.get', { id: open.id })).toMatchObject({ evidenceCount: 0, noteCount: 0 });
      expectFailure(
        await fx.h.call('progress.add', {
          itemId: open.id,
          noteDate: '2026-11-24',
          text: '名称数目不对',
          uploadIds: [a],
          files: [],
        }),
        'E_INVALID',
      );
    },
  },
};
