// Bundles up and down a three-level hierarchy with real files: the high court publishes a
// campaign, the intermediate court relays it down, the basic court works on its copies and
// reports up, the intermediate court relays that up, and the high court ends up with the basic
// court's rows, each verified against the basic court's own signature.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../../src/main/sync/syncService';
import type { Harness } from '../harness';
import {
  BASIC,
  HIGH,
  INTERMEDIATE,
  countRows,
  openEngineCourt,
  outFolder,
  type SyncProfile,
  ROSTER,
} from './syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const court = (profile: SyncProfile) => openEngineCourt(profile, open);

describe('three-level round trip', () => {
  it('publishes down, relays down, reports up and relays up with provenance kept', async () => {
    const folder = outFolder();
    const high = await court(HIGH);
    const middle = await court(INTERMEDIATE);
    const basic = await court(BASIC);

    // The high court's campaign: two mandatory items and one of its own.
    const campaign = await high.h.ok('campaigns.create', {
      title: '能力作风建设年',
      year: 2026,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    const detail = await high.h.ok('sections.create', { campaignId: campaign.id, title: '争先创优年' });
    const sectionId = detail.sections[0].id;
    const mandatory = await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId,
      title: '开展庭审观摩活动',
      kind: 'mandatory',
      deadline: '2026-12-31',
    });
    await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId,
      title: '组织审判业务培训',
      kind: 'mandatory',
      deadline: '2026-12-15',
    });
    await high.h.ok('items.create', { campaignId: campaign.id, sectionId, title: '高院自身的任务', kind: 'own' });

    const published = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    expect(published.fileName).toMatch(/^J23_黑龙江省高级人民法院_下发包_能力作风建设年_第0001号_20261124\.dtsync$/);

    // First contact: the preview names the court and its fingerprint; the import needs it confirmed.
    const preview = await importBundle(middle.ctx, { file: published.filePath, dryRun: true, trust: [] });
    const highFingerprint = await courtFingerprint(high.ctx);
    expect(preview.needsTrust).toEqual([expect.objectContaining({ code: 'J23', fingerprint: highFingerprint })]);
    expect(preview.materialized.added).toBe(2);
    expect(countRows(middle.h, 'items')).toBe(0);
    await expect(
      importBundle(middle.ctx, { file: published.filePath, dryRun: false, addToRoster: ROSTER, trust: [] }),
    ).rejects.toMatchObject({ code: 'E_UNTRUSTED' });
    const imported = await importBundle(middle.ctx, {
      file: published.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [highFingerprint],
    });
    expect(imported.outcome).toBe('imported');
    // The package carries the issuer's mandatory items (not its own items); the court gets its own copies.
    expect(countRows(middle.h, 'items', 'origin = ?', 'J23')).toBe(2);
    expect(countRows(middle.h, 'items', 'origin = ? AND source_item_id IS NOT NULL', 'J2302')).toBe(2);

    // The intermediate court passes the package on; the basic court trusts it and, through it, the high court.
    const relayedDown = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    const middleFingerprint = await courtFingerprint(middle.ctx);
    const basicPreview = await importBundle(basic.ctx, { file: relayedDown.filePath, dryRun: true, trust: [] });
    expect(basicPreview.needsTrust.map((court) => court.code)).toEqual(['J2302']);
    expect(basicPreview.bundle.nested).toEqual([expect.objectContaining({ source: { code: 'J23', name: HIGH.name } })]);
    await importBundle(basic.ctx, {
      file: relayedDown.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [middleFingerprint],
    });
    const copies = basic.h.services.ctx.sqlite
      .prepare("SELECT * FROM items WHERE origin = 'J230201' ORDER BY sort_order")
      .all() as Record<string, unknown>[];
    expect(copies.map((item) => item.title)).toEqual(['开展庭审观摩活动', '组织审判业务培训']);
    expect(copies[0].source_item_id).toBe(mandatory.id);

    // The basic court works on its copy and adds its own item and evidence, then reports up (encrypted to its parent).
    const copy = copies[0] as { id: string; version: number };
    await basic.h.ok('progress.add', {
      itemId: copy.id,
      noteDate: '2026-11-20',
      text: '已组织庭审观摩 2 场',
      percent: 60,
    });
    await basic.h.ok('evidence.add', {
      itemId: copy.id,
      name: '观摩照片.txt',
      mimeType: 'text/plain',
      dataBase64: Buffer.from('庭审观摩现场').toString('base64'),
    });
    await basic.h.ok('items.create', { campaignId: campaign.id, sectionId, title: '龙江县自选动作：巡回审判进社区' });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    expect(up).toMatchObject({ seq: 1, encrypted: true, files: 1, target: { code: 'J2302' } });
    expect(fs.readFileSync(up.filePath).subarray(0, 2).toString()).not.toBe('PK');

    const basicFingerprint = await courtFingerprint(basic.ctx);
    const atMiddle = await importBundle(middle.ctx, {
      file: up.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFingerprint],
    });
    expect(atMiddle.totals.files).toBe(1);
    expect(countRows(middle.h, 'items', 'origin = ?', 'J230201')).toBe(3);
    expect(countRows(middle.h, 'progress_notes', 'origin = ?', 'J230201')).toBe(1);

    // The intermediate court reports up: its own rows plus the basic court's bundle, unaltered.
    const relayUp = await exportReportUp(middle.ctx, { folder, full: false });
    expect(relayUp).toMatchObject({ nested: 1, encrypted: true, target: { code: 'J23' } });
    const atHigh = await importBundle(high.ctx, {
      file: relayUp.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [middleFingerprint],
    });
    expect(atHigh.bundle.nested).toEqual([
      expect.objectContaining({ source: { code: 'J230201', name: BASIC.name }, seq: 1 }),
    ]);
    expect(countRows(high.h, 'items', 'origin = ?', 'J230201')).toBe(3);
    expect(countRows(high.h, 'progress_notes', 'origin = ?', 'J230201')).toBe(1);
    const evidence = high.h.services.ctx.sqlite
      .prepare("SELECT sha256 FROM evidence WHERE origin = 'J230201'")
      .get() as { sha256: string };
    expect(fs.existsSync(path.join(high.h.dataDir, 'evidence', evidence.sha256.slice(0, 2), evidence.sha256))).toBe(
      true,
    );
    const trusted = await high.h.ok('sync.trusted');
    expect(trusted.map((court) => [court.code, court.relation, court.lastSeq])).toEqual([
      ['J2302', 'subordinate', 1],
      ['J230201', 'relayed', 1],
    ]);
    expect(trusted[1].vouchedBy).toBe('J2302');
    expect(trusted[1].fingerprint).toBe(basicFingerprint);

    // The import is in the high court's audit log, whose chain still verifies.
    const audit = await high.h.ok('audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({
      operation: 'sync-import',
      rowId: 'J2302',
      actor: '李处长（admin）',
      after: expect.objectContaining({ seq: 1, nested: 1 }),
    });
    expect((await high.h.ok('audit.verify')).ok).toBe(true);

    // The same bundle again changes nothing and says so.
    const again = await importBundle(high.ctx, {
      file: relayUp.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(again.outcome).toBe('unchanged');
    expect(again.message).toMatch(/已导入过/);
  });

  it("a newer package updates the definition and keeps the court's execution; notes travel down", async () => {
    const folder = outFolder();
    const high = await court(HIGH);
    const basic = await court({ ...BASIC, parentCode: 'J23', parentName: HIGH.name, level: 'basic' } as typeof BASIC);
    const campaign = await high.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
    const kept = await high.h.ok('items.create', {
      campaignId: campaign.id,
      title: '开展廉政教育',
      kind: 'mandatory',
      deadline: '2026-06-30',
      deadlineReason: '按上级部署补录的历史事项',
    });
    const dropped = await high.h.ok('items.create', {
      campaignId: campaign.id,
      title: '将被撤回的任务',
      kind: 'mandatory',
    });
    const first = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    const highFingerprint = await courtFingerprint(high.ctx);
    await importBundle(basic.ctx, {
      file: first.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [highFingerprint],
    });
    const copy = basic.h.services.ctx.sqlite
      .prepare('SELECT id, version FROM items WHERE source_item_id = ?')
      .get(kept.id) as { id: string; version: number };
    await basic.h.ok('progress.add', {
      itemId: copy.id,
      noteDate: '2026-11-20',
      text: '已开展廉政教育 3 次',
      percent: 50,
    });
    const departments = await basic.h.ok('departments.create', { name: '政治部', headName: '刘主任' });
    const current = await basic.h.ok('items.get', { id: copy.id });
    await basic.h.ok('items.update', {
      ...current,
      departmentId: departments.id,
      owner: '刘主任',
      leadLeader: '张院长',
    });

    // The basic court reports up once: the high court learns its key (and puts it on its roster),
    // so a note on it can be sealed to it.
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    await importBundle(high.ctx, {
      file: up.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(basic.ctx)],
    });

    // The high court changes the item's wording and deadline, withdraws the other and writes a supervision note.
    const latest = await high.h.ok('items.get', { id: kept.id });
    await high.h.ok('items.update', {
      ...latest,
      title: '开展廉政教育和警示教育',
      deadline: '2026-09-30',
      deadlineReason: '上级调整完成时限',
    });
    await high.h.ok('items.delete', { ids: [dropped.id] });
    const writer = high.h.services.ctx.sqlite;
    writer
      .prepare(
        "INSERT INTO supervision_notes (id, origin, version, change_seq, created_at, updated_at, campaign_id, court_code, item_id, kind, author, text) VALUES (?, 'J23', 1, (SELECT value + 1 FROM change_counter), '2026-11-24T02:00:00Z', '2026-11-24T02:00:00Z', ?, 'J230201', ?, 'supervision', '李处长', '请补充警示教育的佐证材料')",
      )
      .run('0190f0e4-1111-7000-8000-000000000001', campaign.id, copy.id);
    // The note took the next change number: the counter moves with it, as the writers do.
    writer.prepare('UPDATE change_counter SET value = value + 1').run();
    const second = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    expect(second.seq).toBe(2);

    const report = await importBundle(basic.ctx, {
      file: second.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(report.materialized).toEqual({ added: 0, updated: 1, removed: 1 });
    // The note is not in the broadcast package: it comes in the package sealed to this court.
    expect(countRows(basic.h, 'supervision_notes')).toBe(0);
    expect(second.packages.map((file) => [file.target.code, file.encrypted, file.notes])).toEqual([
      ['*', false, 0],
      ['J230201', true, 1],
    ]);
    const sealed = await importBundle(basic.ctx, { file: second.packages[1].filePath, dryRun: false, trust: [] });
    expect(sealed.bundle).toMatchObject({ encrypted: true, target: { code: 'J230201' } });
    const after = await basic.h.ok('items.get', { id: copy.id });
    expect(after).toMatchObject({
      title: '开展廉政教育和警示教育',
      deadline: '2026-09-30',
      owner: '刘主任',
      leadLeader: '张院长',
      departmentId: departments.id,
      percent: 50,
    });
    expect(countRows(basic.h, 'progress_notes', 'item_id = ?', copy.id)).toBe(1);
    expect(countRows(basic.h, 'items', "origin = 'J230201' AND deleted_at IS NULL")).toBe(1);
    expect(countRows(basic.h, 'supervision_notes', "court_code = 'J230201' AND item_id = ?", copy.id)).toBe(1);

    // The first package again changes nothing, and nothing goes backwards.
    expect(
      (await importBundle(basic.ctx, { file: first.filePath, dryRun: false, addToRoster: ROSTER, trust: [] })).outcome,
    ).toBe('unchanged');
    expect((await basic.h.ok('items.get', { id: copy.id })).title).toBe('开展廉政教育和警示教育');
  });
});

describe('an intermediate court’s own campaign', () => {
  it('reaches the high court in one relay together with its basic court’s work on it', async () => {
    const folder = outFolder();
    const high = await court(HIGH);
    const middle = await court(INTERMEDIATE);
    const basic = await court(BASIC);
    // The intermediate court issues a campaign of its own to its basic court.
    const campaign = await middle.h.ok('campaigns.create', { title: '齐齐哈尔中院执行攻坚', year: 2026 });
    await middle.h.ok('items.create', {
      campaignId: campaign.id,
      title: '清理执行积案',
      kind: 'mandatory',
      deadline: '2026-12-31',
    });
    const pkg = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    await importBundle(basic.ctx, {
      file: pkg.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(middle.ctx)],
    });
    const copy = basic.h.services.ctx.sqlite.prepare("SELECT id FROM items WHERE origin = 'J230201'").get() as {
      id: string;
    };
    await basic.h.ok('progress.add', {
      itemId: copy.id,
      noteDate: '2026-11-20',
      text: '已执结积案 14 件',
      percent: 70,
    });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    await importBundle(middle.ctx, {
      file: up.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(basic.ctx)],
    });

    // The relay carries the campaign in the intermediate court's own rows and the basic court's
    // work on it nested: the campaign is applied first, whatever the order of the entries.
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    const report = await importBundle(high.ctx, {
      file: relay.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(middle.ctx)],
    });
    expect(report.outcome).toBe('imported');
    expect(countRows(high.h, 'campaigns', 'id = ?', campaign.id)).toBe(1);
    expect(countRows(high.h, 'progress_notes', "origin = 'J230201'")).toBe(1);
  });
});
