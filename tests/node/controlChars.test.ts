// The one rule for control characters (src/shared/api.ts): every string any operation takes is
// either cleaned (words people type: NUL, the other C0 controls but \t and \n, DEL and the C1
// controls removed; \r\n and \r made \n; a one-line field turns \t and \n into spaces) or refused
// (passwords, base64 content, folder paths, fixed formats). The first test walks every operation's
// schema to every string in it, so a new field without the rule fails here; the others send
// control characters through dispatch and read back what was stored.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cleanLine, cleanParagraphs, operationNames, operations } from '../../src/shared/api';
import { cellText } from '../../src/main/workbooks/readWorkbook';
import { openCourt, openHarness, ADMIN, basicCourt } from './harness';
import { expectFailure, uploadFile } from './apiCases/shared';

/** What no stored or passed-on string may contain (tabs and line feeds are allowed in text of several lines). */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const STRAY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LINE_BREAKS = /[\r\n]/;

/** Strings with control characters in several places, some around words a format might accept. */
const PROBES = [
  '立案\u0000庭',
  '\u0007规定动作\u001b[31m',
  'abc\u007fdef\u0085ghi\u009f',
  '第一行\r\n第二行\r第三行\u000b\u000c',
  'J23\u0000',
  '2026-11-24\u0000',
  '0190f0e4-0000-7000-8000-00000000000\u0000',
  'aGVs\u0000bG8=',
  '12345 12345 12345 12345 12345 12345 12345 1234\u00005',
  'Admin2026\u0000',
  '\u0000'.repeat(3) + '文字' + '\u0001'.repeat(3),
];

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every schema in `schema` that takes a string as its input: a string, or a pipe that starts from one. */
function stringLeaves(schema: Schema, where: string, found: Array<{ where: string; schema: Schema }>): void {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      found.push({ where, schema });
      return;
    case 'pipe': {
      const input = def.in as Schema;
      if (input._zod.def.type === 'string') found.push({ where, schema });
      else {
        stringLeaves(input, where, found);
        stringLeaves(def.out as Schema, where, found);
      }
      return;
    }
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, Schema>))
        stringLeaves(value, `${where}.${key}`, found);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      stringLeaves(def.innerType as Schema, where, found);
      return;
    case 'union':
      (def.options as Schema[]).forEach((option, index) => stringLeaves(option, `${where}|${index}`, found));
      return;
    case 'array':
      stringLeaves(def.element as Schema, `${where}[]`, found);
      return;
    case 'record':
      stringLeaves(def.keyType as Schema, `${where}{key}`, found);
      stringLeaves(def.valueType as Schema, `${where}{}`, found);
      return;
    case 'intersection':
      stringLeaves(def.left as Schema, where, found);
      stringLeaves(def.right as Schema, where, found);
      return;
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'transform':
      return;
    default:
      throw new Error(`${where}: schema kind ${def.type} is not walked by this test; teach it to stringLeaves`);
  }
}

describe('control characters', () => {
  it('no string of any operation lets a control character through unchanged', () => {
    const leaves: Array<{ where: string; schema: Schema }> = [];
    for (const name of operationNames) stringLeaves(operations[name] as unknown as Schema, name, leaves);
    expect(leaves.length).toBeGreaterThan(150);
    const leaks: string[] = [];
    for (const { where, schema } of leaves) {
      for (const probe of PROBES) {
        const parsed = schema.safeParse(probe);
        if (parsed.success && typeof parsed.data === 'string' && STRAY.test(parsed.data))
          leaks.push(`${where} ← ${JSON.stringify(probe)} → ${JSON.stringify(parsed.data)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('cleans one-line and several-line text as the rule says', () => {
    expect(cleanLine('  能力\u0000作风\r\n建设年\t2026\u0085 ')).toBe('  能力作风 建设年 2026 ');
    expect(cleanParagraphs('第一行\r\n第二行\r第三行\u0007\n\t缩进\u009f')).toBe('第一行\n第二行\n第三行\n\t缩进');
    // Excel cells read for the imports follow the same rule.
    expect(cellText('提高当场\u0000立案率\r\n（规定动作）\u001f')).toBe('提高当场立案率\n（规定动作）');
    expect(cellText({ richText: [{ text: '签\u0007到' }, { text: '表\r' }] } as never)).toBe('签到表');
  });

  it('stores typed text without control characters, through the operations', async () => {
    const { h, campaign } = await openCourt();
    try {
      const created = await h.ok('campaigns.create', {
        title: '清廉\u0000法院\r\n建设\t',
        year: 2026,
        description: '第一段\r\n第二段\r第三段\u0007\t完\u0085',
      });
      expect(created).toMatchObject({ title: '清廉法院 建设', description: '第一段\n第二段\n第三段\t完' });
      const department = await h.ok('departments.create', { name: '立案\u0000庭', headName: '郑\u001b雪' });
      expect(department).toMatchObject({ name: '立案庭', headName: '郑雪' });
      const item = await h.ok('items.create', {
        campaignId: campaign.id,
        title: '落实\n当场\u0000立案\u007f制度',
        content: '细则\r\n第一条\u0000',
        owner: '周\u0008庭长',
      });
      expect(item).toMatchObject({ title: '落实 当场立案制度', content: '细则\n第一条', owner: '周庭长' });
      const note = await h.ok('progress.add', {
        itemId: item.id,
        noteDate: '2026-11-24',
        text: '已召开\u0000动员会\r\n印发方案',
        author: '王\u0000书记员',
      });
      expect(note).toMatchObject({ text: '已召开动员会\n印发方案', author: '王书记员' });
      const evidence = await h.ok('evidence.add', {
        itemId: item.id,
        name: '签到\u0000表\t.pdf',
        mimeType: 'application/pdf\u0000',
        dataBase64: Buffer.from('%PDF-1.4 签到').toString('base64'),
      });
      expect(evidence).toMatchObject({ originalName: '签到表 .pdf', mimeType: 'application/pdf' });
      const uploaded = await h.ok('evidence.add', {
        itemId: item.id,
        name: '照片.jpg',
        uploadId: await uploadFile(h, Buffer.from('照片'), '照\u0000片.jpg'),
      });
      expect(uploaded.originalName).toBe('照片.jpg');
      const finding = await h.ok('ledger.createFinding', {
        campaignId: campaign.id,
        source: 'petition',
        title: '信访\r\n答复\u0000不及时',
        detail: '情况\u0000说明\r\n附件',
      });
      expect(finding).toMatchObject({ title: '信访 答复不及时', detail: '情况说明\n附件' });
      const found = await h.ok('items.search', { campaignId: campaign.id, query: '当场\u0000立案' });
      expect(found.ids).toEqual([item.id]);
      // What the database holds, read directly.
      const sqlite = h.services.ctx.sqlite;
      const stored = sqlite.prepare('SELECT title, content, owner FROM items WHERE id = ?').get(item.id) as Record<
        string,
        string
      >;
      expect(Object.values(stored).some((v) => STRAY.test(v))).toBe(false);
      expect(LINE_BREAKS.test(stored.title)).toBe(false);
      const names = sqlite.prepare('SELECT original_name AS name FROM evidence').all() as Array<{ name: string }>;
      expect(names.map((n) => n.name).sort()).toEqual(['照片.jpg', '签到表 .pdf']);
    } finally {
      await h.close();
    }
  });

  it('refuses control characters where a value must arrive exactly as sent', async () => {
    const { h } = await openCourt();
    try {
      // Passwords: never changed silently — refused, at log-in and when set.
      expectFailure(
        await h.as('login').call('auth.login', { username: 'admin', password: `${ADMIN.password}\u0000` }),
        'E_INVALID',
        /控制字符/,
      );
      expectFailure(
        await h.call('users.create', {
          username: 'zhoutz',
          displayName: '周庭长',
          roles: ['reviewer'],
          password: 'Passw0rd\t2026',
        }),
        'E_INVALID',
        /控制字符/,
      );
      expectFailure(
        await h.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'New\u00002026pass' }),
        'E_INVALID',
        /控制字符/,
      );
      // Base64 content and folder paths.
      expectFailure(
        await h.call('files.upload', { uploadId: null, fileName: 'a.pdf', chunkBase64: 'aGVs\r\nbG8=', final: true }),
        'E_INVALID',
        /base64/,
      );
      expectFailure(
        await h.call('sync.export', { folder: '/tmp/导出\u0000/etc', full: false }),
        'E_INVALID',
        /控制字符/,
      );
      // The administrator still logs in with the real password.
      expect((await h.as('login').ok('auth.login', ADMIN)).username).toBe('admin');
    } finally {
      await h.close();
    }
  });

  it('cleans the court set-up too (no one is logged in yet)', async () => {
    const h = await openHarness();
    try {
      const { profile } = await h.ok('court.setup', {
        profile: { ...basicCourt, name: '龙江县\u0000人民法院\n', operatorName: '王\u0007书记员' },
        admin: ADMIN,
      });
      expect(profile).toMatchObject({ name: '龙江县人民法院', operatorName: '王书记员' });
    } finally {
      await h.close();
    }
  });
});
