// Evidence that cannot hurt the reviewer: the type of every evidence file is decided from its bytes
// (file-type, plus what is inside zip and OLE containers), on every path that stores one and again
// before one is opened. Real files built here (evidenceSamples.ts), through the real API.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../src/main/evidence/blobStore';
import { checkEvidenceType, openingName } from '../../src/main/evidence/evidenceType';
import { evidenceTypeText } from '../../src/shared/evidence/evidenceKinds';
import { openCourt } from './harness';
import { expectFailure, uploadFile } from './apiCases/shared';
import { filingRate } from './apiCases/indicators';
import * as sample from './evidenceSamples';

type Court = Awaited<ReturnType<typeof openCourt>>;
const open: Court[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

async function court(): Promise<Court> {
  const fx = await openCourt();
  open.push(fx);
  return fx;
}

const verdict = (bytes: Buffer, name: string) => checkEvidenceType({ bytes }, name);

describe('the type rule', () => {
  it('accepts the office set by what the bytes are', async () => {
    const accepted: Array<[string, Buffer, string, string]> = [
      ['检查记录.pdf', sample.pdfFile(), 'pdf', 'PDF 文档'],
      ['现场照片.png', sample.PNG, 'png', '图片（PNG）'],
      ['现场照片.jpg', sample.JPEG, 'jpg', '图片（JPG）'],
      // A photo called .jpg that is really a PNG is still a photo: labelled by its bytes.
      ['手机照片.jpg', sample.PNG, 'png', '图片（PNG）'],
      ['整改报告.docx', await sample.docxFile(), 'docx', 'Word 文档'],
      ['台账.xlsx', await sample.xlsxFile(), 'xlsx', 'Excel 表格'],
      ['旧版通知.doc', sample.oleFile(), 'doc', 'Word 文档'],
      ['旧版台账.xls', sample.oleFile(), 'xls', 'Excel 表格'],
      ['汇报.ppt', sample.oleFile(), 'ppt', 'PowerPoint 演示文稿'],
      ['通知.wps', sample.oleFile(), 'wps', 'WPS 文字'],
      ['统计.et', sample.oleFile(), 'et', 'WPS 表格'],
      ['新版通知.wps', await sample.docxFile(), 'wps', 'WPS 文字'],
      ['判决书.ofd', await sample.ofdFile(), 'ofd', 'OFD 版式文档'],
      [
        '全部材料.zip',
        await sample.zipOf([
          ['记录.pdf', sample.pdfFile()],
          ['照片/1.png', sample.PNG],
        ]),
        'zip',
        'ZIP 压缩包',
      ],
      ['庭审录音.mp3', sample.MP3, 'mp3', '音频（MP3）'],
      ['现场录像.mp4', sample.MP4, 'mp4', '视频（MP4）'],
      ['说明.txt', Buffer.from('整改说明：已完成。\r\n'), 'txt', '文本'],
      ['名单.csv', Buffer.from('\ufeff序号,姓名\r\n1,张敏\r\n'), 'csv', 'CSV 表格（文本）'],
    ];
    for (const [name, bytes, type, label] of accepted) {
      const result = await verdict(bytes, name);
      expect(result, name).toMatchObject({ ok: true, detectedType: type });
      expect(evidenceTypeText(type), name).toBe(label);
    }
  });

  it('refuses programs, scripts and containers holding one, with a Chinese reason', async () => {
    const refused: Array<[string, Buffer, RegExp]> = [
      ['setup.exe', sample.peFile(), /不支持的文件类型：「setup\.exe」是可执行程序/],
      ['整改报告.pdf', sample.peFile(), /「整改报告\.pdf」实为可执行程序，不能作为佐证材料/],
      ['现场照片.png', sample.elfFile(), /「现场照片\.png」实为可执行程序/],
      ['说明.txt', Buffer.from('#!/bin/sh\nrm -rf ~\n'), /实为可执行程序/],
      ['启动.bat', Buffer.from('@echo off\r\nstart calc\r\n'), /不支持的文件类型：「启动\.bat」/],
      ['脚本.ps1', Buffer.from('Get-Process'), /可执行程序或脚本/],
      ['宏.vbs', Buffer.from('MsgBox 1'), /可执行程序或脚本/],
      ['快捷方式.lnk', Buffer.from('L\0\0\0'), /可执行程序或脚本/],
      [
        '材料.zip',
        await sample.zipOf([
          ['记录.pdf', sample.pdfFile()],
          ['setup.exe', sample.peFile()],
        ]),
        /压缩包「材料\.zip」里有可执行程序或脚本「setup\.exe」/,
      ],
      ['材料.zip', await sample.zipOf([['记录.pdf', sample.peFile()]]), /里有可执行程序或脚本「记录\.pdf」/],
      ['套娃.zip', await sample.zipOf([['内层.zip', await sample.zipOf([['a.pdf', sample.pdfFile()]])]]), /又有压缩包/],
      ['判决书.ofd', await sample.zipOf([['Doc_0/Document.xml', '<x/>']]), /不是有效的 OFD 文档/],
      ['扫描件.pdf', crypto.randomBytes(2048).fill(0, 0, 4), /无法识别「扫描件\.pdf」的内容（不是有效的 PDF 文档）/],
      ['旧版.pdf', sample.oleFile(), /无法识别/],
      ['图纸.dwg', Buffer.from('AC1027'), /不支持的文件类型：「图纸\.dwg」/],
      ['档案.rar', Buffer.from('Rar!\u001a\u0007\u0001\u0000'), /不支持的文件类型/],
    ];
    for (const [name, bytes, reason] of refused) {
      const result = await verdict(bytes, name);
      expect(result, name).toMatchObject({ ok: false });
      expect(result.ok ? '' : result.reason, name).toMatch(reason);
    }
  });

  it('opens a file under a name whose extension fits its bytes', () => {
    expect(openingName('检查记录.pdf', 'pdf')).toBe('检查记录.pdf');
    expect(openingName('手机照片.jpg', 'png')).toBe('手机照片.jpg');
    expect(openingName('说明.pdf', 'txt')).toBe('说明.pdf.txt');
    expect(openingName('台账.csv', 'txt')).toBe('台账.csv');
  });
});

describe('every path that stores evidence checks the bytes', () => {
  it('evidence.add: an .exe renamed .pdf is refused (pieces and whole), a real PDF is stored as a PDF', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const disguised = await uploadFile(h, sample.peFile(), '整改报告.pdf');
    const refused = expectFailure(
      await h.call('evidence.add', {
        itemId: item.id,
        name: '整改报告.pdf',
        mimeType: 'application/pdf',
        uploadId: disguised,
      }),
      'E_FILE_TYPE',
      /「整改报告\.pdf」实为可执行程序，不能作为佐证材料/,
    );
    expect(refused.fieldErrors).toHaveProperty('uploadId');
    expectFailure(
      await h.call('evidence.add', {
        itemId: item.id,
        name: 'setup.exe',
        dataBase64: sample.peFile().toString('base64'),
      }),
      'E_FILE_TYPE',
      /不支持的文件类型：「setup\.exe」/,
    );
    expectFailure(
      await h.call('evidence.add', {
        itemId: item.id,
        name: '材料.zip',
        dataBase64: (await sample.zipOf([['setup.exe', sample.peFile()]])).toString('base64'),
      }),
      'E_FILE_TYPE',
      /里有可执行程序/,
    );
    const sqlite = h.services.ctx.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 0 });
    // The browser said "image/png"; the bytes say PDF, and the row says what the bytes say.
    const pdf = sample.pdfFile();
    const stored = await h.ok('evidence.add', {
      itemId: item.id,
      name: '检查记录.pdf',
      mimeType: 'image/png',
      uploadId: await uploadFile(h, pdf, '检查记录.pdf'),
    });
    expect(stored).toMatchObject({ detectedType: 'pdf', mimeType: 'application/pdf', size: pdf.length });
    expect(sqlite.prepare('SELECT detected_type, mime_type FROM evidence').all()).toEqual([
      { detected_type: 'pdf', mime_type: 'application/pdf' },
    ]);
    const docx = await h.ok('evidence.add', {
      itemId: item.id,
      name: '整改报告.docx',
      dataBase64: (await sample.docxFile()).toString('base64'),
    });
    expect(docx.detectedType).toBe('docx');
    const listed = (await h.ok('items.get', { id: item.id })).evidence;
    expect(listed.map((e) => evidenceTypeText(e.detectedType)).sort()).toEqual(['PDF 文档', 'Word 文档']);
  });

  it('ledger.addEvidence and indicators.recordValue refuse a disguised program too', async () => {
    const fx = await court();
    const { h } = fx;
    const finding = await h.ok('ledger.createFinding', {
      campaignId: fx.campaign.id,
      source: 'inspection_feedback',
      title: '当场立案率偏低',
    });
    const measure = await h.ok('ledger.createMeasure', {
      findingId: finding.id,
      text: '修订当场立案工作细则',
      owner: '郑雪',
      deadline: '2027-01-31',
    });
    expectFailure(
      await h.call('ledger.addEvidence', {
        measureId: measure.id,
        phase: 'before',
        name: '整改前照片.png',
        uploadId: await uploadFile(h, sample.elfFile(), '整改前照片.png'),
      }),
      'E_FILE_TYPE',
      /「整改前照片\.png」实为可执行程序/,
    );
    const photo = await h.ok('ledger.addEvidence', {
      measureId: measure.id,
      phase: 'before',
      name: '整改前照片.png',
      mimeType: 'application/octet-stream',
      dataBase64: sample.PNG.toString('base64'),
    });
    expect(photo).toMatchObject({ detectedType: 'png', mimeType: 'image/png' });
    expect((await h.ok('ledger.getMeasure', { id: measure.id })).evidence[0].detectedType).toBe('png');

    const indicator = await filingRate(fx);
    expectFailure(
      await h.call('indicators.recordValue', {
        indicatorId: indicator.id,
        period: '2026-10',
        value: 96,
        evidence: { name: '立案统计.xlsx', uploadId: await uploadFile(h, sample.peFile(), '立案统计.xlsx') },
      }),
      'E_FILE_TYPE',
      /「立案统计\.xlsx」实为可执行程序/,
    );
    await h.ok('indicators.recordValue', {
      indicatorId: indicator.id,
      period: '2026-10',
      value: 96,
      evidence: { name: '立案统计.xlsx', dataBase64: (await sample.xlsxFile()).toString('base64') },
    });
  });
});

describe('opening checks the stored bytes again', () => {
  it('a file stored before the check (or arrived from another court) that is a program is not opened', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const good = await h.ok('evidence.add', {
      itemId: item.id,
      name: '检查记录.pdf',
      dataBase64: sample.pdfFile().toString('base64'),
    });
    expect(await h.ok('evidence.open', { id: good.id })).toEqual({ opened: true });
    expect(path.basename(h.opened.at(-1)!)).toBe('检查记录.pdf');

    // As an older version stored it: a program under a PDF name, no detected type.
    const program = sample.peFile();
    const digest = crypto.createHash('sha256').update(program).digest('hex');
    fs.mkdirSync(path.dirname(blobPath(h.dataDir, digest)), { recursive: true });
    fs.writeFileSync(blobPath(h.dataDir, digest), program);
    const sqlite = h.services.ctx.sqlite;
    sqlite
      .prepare('INSERT INTO evidence_blobs (sha256, size, created_at) VALUES (?, ?, ?)')
      .run(digest, program.length, good.createdAt);
    sqlite
      .prepare(
        "UPDATE evidence SET sha256 = ?, size = ?, detected_type = '', original_name = '旧材料.pdf' WHERE id = ?",
      )
      .run(digest, program.length, good.id);
    const openedBefore = h.opened.length;
    expectFailure(await h.call('evidence.open', { id: good.id }), 'E_FILE_TYPE', /「旧材料\.pdf」实为可执行程序/);
    expect(h.opened).toHaveLength(openedBefore);
    expect(fs.existsSync(path.join(h.dataDir, 'opened', digest.slice(0, 12)))).toBe(false);
    const listed = (await h.ok('items.get', { id: item.id })).evidence[0];
    expect(evidenceTypeText(listed.detectedType)).toBe('类型待核验');
  });

  it('a text file stored under a .pdf name opens as text, not in the PDF viewer', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const note = await h.ok('evidence.add', {
      itemId: item.id,
      name: '说明.pdf',
      dataBase64: Buffer.from('整改说明').toString('base64'),
    });
    expect(note).toMatchObject({ detectedType: 'txt', mimeType: 'text/plain' });
    await h.ok('evidence.open', { id: note.id });
    expect(path.basename(h.opened.at(-1)!)).toBe('说明.pdf.txt');
  });
});

describe('the 同步 import tab says when a file is not a bundle at all', () => {
  async function importStatus(fx: Court, fileName: string, bytes: Buffer) {
    const { uploadId } = await fx.h.ok('sync.upload', {
      uploadId: null,
      fileName,
      chunkBase64: bytes.toString('base64'),
      final: true,
    });
    const { jobId } = await fx.h.ok('sync.import', { uploadId, trust: [] });
    return (await fx.h.services.ctx.jobs.waitFor(jobId))!;
  }

  it('an Excel workbook, a Word file, a zip of photos, a PDF and a program: "这不是同步包（…）", never E_PATH', async () => {
    const fx = await court();
    const cases: Array<[string, Buffer, string]> = [
      ['立案统计.xlsx', await sample.xlsxFile(), '这不是同步包（这是 Excel 表格）'],
      ['通知.docx', await sample.docxFile(), '这不是同步包（这是 Word 文档）'],
      ['照片.zip', await sample.zipOf([['1.png', sample.PNG]]), '这不是同步包（这是普通的压缩包，里面没有同步清单）'],
      ['报告.pdf', sample.pdfFile(), '这不是同步包（这是 PDF 文档）'],
      ['同步包.dtsync', sample.peFile(), '这不是同步包（这是可执行程序）'],
      ['说明.txt', Buffer.from('普通文字'), '这不是同步包（文件内容无法识别）'],
    ];
    for (const [name, bytes, message] of cases) {
      const status = await importStatus(fx, name, bytes);
      expect(status, name).toMatchObject({ state: 'failed', errorCode: 'E_NOT_BUNDLE' });
      expect(status.error, name).toContain(message);
      expect(status.error, name).toContain('没有导入任何内容');
      expect(status.error, name).not.toMatch(/名称不合规定/);
    }
  });
});

describe('no whole large file in one message', () => {
  it('a workbook or a file sent whole is bounded at 4 MB with a Chinese message (larger evidence goes in pieces)', async () => {
    const fx = await court();
    const big = Buffer.alloc(4 * 1024 * 1024 + 64, 0x41).toString('base64');
    const workbook = expectFailure(
      await fx.h.call('items.importTemplate', { campaignId: fx.campaign.id, fileName: '清单.xlsx', dataBase64: big }),
      'E_INVALID',
    );
    expect(Object.values(workbook.fieldErrors ?? {}).join()).toContain('Excel 文件不能超过 4 MB');
    const item = await fx.h.ok('items.create', { campaignId: fx.campaign.id, title: '廉政教育' });
    const whole = expectFailure(
      await fx.h.call('evidence.add', { itemId: item.id, name: '扫描件.pdf', dataBase64: big }),
      'E_INVALID',
    );
    expect(Object.values(whole.fieldErrors ?? {}).join()).toContain('较大的文件请分段上传');
  });
});
