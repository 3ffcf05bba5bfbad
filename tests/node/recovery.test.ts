// 恢复包, proved with real databases in temp folders and real bundles: H (high) ← M (intermediate)
// ← B (basic) and its sibling C. B works and reports up twice; M relays to H; B's data folder is
// lost. A fresh installation asks, M exports (old key retired, audited), B imports and continues:
// its next report is accepted at M and relayed to H, a bundle signed by the old key is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { courtFingerprint, exportReportUp, importBundle, publishCampaign } from '../../src/main/sync/syncService';
import {
  exportRecovery,
  importRecovery,
  previewRecovery,
  readRequestView,
  requestRecovery,
} from '../../src/main/recovery/recoveryService';
import { verifyCourtIntegrity } from '../../src/main/audit/integrityCheck';
import { blobPath } from '../../src/main/evidence/blobStore';
import { ensureCourtKeys } from '../../src/main/sync/courtKeys';
import { decryptFile } from '../../src/main/sync/format/envelope';
import { openHarness, tempDir, type Harness } from './harness';
import { runCli } from './cliProcess';
import {
  BASIC,
  BASIC_2,
  HIGH,
  INTERMEDIATE,
  ROSTER,
  countRows,
  openEngineCourt,
  outFolder,
  refusalOf,
  type SyncCourt,
} from './sync/syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
const court = (profile: Parameters<typeof openEngineCourt>[0]) => openEngineCourt(profile, open);

async function up(from: SyncCourt, to: SyncCourt, folder: string, trust: string[] = []) {
  const bundle = await exportReportUp(from.ctx, { folder, full: false });
  const report = await importBundle(to.ctx, { file: bundle.filePath, dryRun: false, trust, addToRoster: ROSTER });
  return { bundle, report };
}

function perCampaign(h: Harness, origin: string): Record<string, number> {
  const rows = h.services.ctx.sqlite
    .prepare(
      `SELECT c.title AS title, count(*) AS n FROM items i JOIN campaigns c ON c.id = i.campaign_id WHERE i.origin = ? GROUP BY c.title`,
    )
    .all(origin) as { title: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.title, row.n]));
}

/** The province with B's work reported twice and relayed to H. */
async function province() {
  const folder = outFolder();
  const high = await court(HIGH);
  const middle = await court(INTERMEDIATE);
  const b = await court(BASIC);
  const c = await court(BASIC_2);
  const fp = {
    high: await courtFingerprint(high.ctx),
    middle: await courtFingerprint(middle.ctx),
    b: await courtFingerprint(b.ctx),
    c: await courtFingerprint(c.ctx),
  };
  const campaign = await high.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
  await high.h.ok('items.create', { campaignId: campaign.id, title: '开展庭审观摩活动', kind: 'mandatory' });
  const p1 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
  await importBundle(middle.ctx, { file: p1.filePath, dryRun: false, trust: [fp.high] });
  const pass = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
  await importBundle(b.ctx, { file: pass.filePath, dryRun: false, trust: [fp.middle] });
  await importBundle(c.ctx, { file: pass.filePath, dryRun: false, trust: [fp.middle] });

  const own = await b.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const item = await b.h.ok('items.create', { campaignId: own.id, title: '开展廉政风险排查', deadline: '2026-12-31' });
  await b.h.ok('items.create', { campaignId: own.id, title: '组织警示教育' });
  await b.h.ok('progress.add', {
    itemId: item.id,
    noteDate: '2026-11-20',
    text: '已排查廉政风险点 12 个',
    percent: 40,
  });
  const evidence = await b.h.ok('evidence.add', {
    itemId: item.id,
    name: '排查台账.txt',
    mimeType: 'text/plain',
    dataBase64: Buffer.from('廉政风险排查台账：12 个风险点').toString('base64'),
  });
  const warning = await b.h.ok('items.create', { campaignId: own.id, title: '签订廉政承诺书' });
  const done = await b.h.ok('items.markComplete', { id: warning.id, version: warning.version });
  await b.h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  await b.h.as('chenzr').ok('items.signOff', { id: warning.id, version: done.version, opinion: '同意销号' });
  const first = await up(b, middle, folder, [fp.b]);
  // The bundle signed by the old key that will be kept past the failure.
  const finding = await b.h.ok('ledger.createFinding', {
    campaignId: own.id,
    source: 'inspection_feedback',
    title: '当场立案率偏低',
  });
  await b.h.ok('ledger.createMeasure', { findingId: finding.id, text: '修订当场立案工作细则', deadline: '2026-12-31' });
  const second = await up(b, middle, folder);
  await up(c, middle, folder, [fp.c]);
  await up(middle, high, folder, [fp.middle]);
  const oldKeyFolder = outFolder();
  await b.h.ok('items.create', { campaignId: own.id, title: '旧密钥最后一次的事项' });
  const stale = await exportReportUp(b.ctx, { folder: oldKeyFolder, full: false });
  return { folder, high, middle, b, c, fp, campaign, own, evidence, first, second, stale };
}

describe('recovery through the parent court', () => {
  it('rebuilds a basic court from its intermediate court and continues its reports up to the high court', async () => {
    const { folder, high, middle, b, c, fp, evidence, stale } = await province();
    const originalCounts = perCampaign(b.h, BASIC.code);
    const evidenceSha = (
      b.h.services.ctx.sqlite.prepare('SELECT sha256 FROM evidence WHERE id = ?').get(evidence.id) as { sha256: string }
    ).sha256;
    const evidenceBytes = fs.readFileSync(blobPath(b.h.dataDir, evidenceSha));
    // Counts at M of what B reported (the last item was never reported: it is lost with the folder).
    const reported = perCampaign(middle.h, BASIC.code);
    expect(reported['清廉法院建设']).toBe(originalCounts['清廉法院建设'] - 1);
    await b.h.close();
    open.splice(open.indexOf(b.h), 1);
    fs.rmSync(b.h.dataDir, { recursive: true, force: true });

    // The reinstalled court: a fresh folder, no court.
    const fresh = await openHarness();
    open.push(fresh);
    const freshCtx = fresh.services.ctx;
    const requestFolder = outFolder();
    const request = await requestRecovery(freshCtx, {
      courtCode: BASIC.code,
      courtName: BASIC.name,
      folder: requestFolder,
    });
    expect(request.fingerprint).not.toBe(fp.b);
    expect(await fresh.ok('recovery.pending')).toMatchObject({
      courtCode: BASIC.code,
      fingerprint: request.fingerprint,
    });

    // M reads it; a wrong fingerprint is refused and changes nothing.
    const view = await readRequestView(middle.ctx, request.path);
    expect(view.refusal).toBeNull();
    expect(view.held).toMatchObject({ name: BASIC.name, currentFingerprint: fp.b, lastSeq: 2 });
    expect(view.held!.campaigns).toEqual(expect.arrayContaining([{ title: '清廉法院建设', items: 3 }]));
    const wrong = await refusalOf(
      exportRecovery(middle.ctx, { file: request.path, fingerprint: fp.c, folder: outFolder() }),
    );
    expect(wrong.code).toBe('E_FINGERPRINT');
    expect(countRows(middle.h, 'recovery_retired_keys')).toBe(0);
    // C (a court M does not... hold as B) cannot make it: C holds no reports from B.
    expect((await readRequestView(c.ctx, request.path)).refusal).toMatch(/不能为它制作恢复包/);

    const packageFolder = outFolder();
    const made = await exportRecovery(middle.ctx, {
      file: request.path,
      fingerprint: request.fingerprint,
      folder: packageFolder,
    });
    expect(made).toMatchObject({ courtCode: BASIC.code, newFingerprint: request.fingerprint });
    const retired = middle.h.services.ctx.sqlite.prepare('SELECT * FROM recovery_retired_keys').all() as Record<
      string,
      unknown
    >[];
    expect(retired).toEqual([
      expect.objectContaining({ court_code: BASIC.code, fingerprint: fp.b, replaced_by: request.fingerprint }),
    ]);
    expect(
      middle.h.services.ctx.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'recovery-export'")
        .get(),
    ).toEqual({ n: 1 });
    expect((await verifyCourtIntegrity(middle.ctx)).ok).toBe(true);

    // C (the sibling, set up) is refused, and its key cannot open the package; nor can another
    // fresh installation's key. A one-byte change is refused.
    expect((await refusalOf(previewRecovery(c.ctx, made.path))).code).toBe('E_ALREADY_SET_UP');
    const cKeys = await ensureCourtKeys(c.ctx);
    const opened = await refusalOf(decryptFile(made.path, path.join(outFolder(), 'plain'), { ...cKeys }, 1 << 30));
    expect(opened.code).toBe('E_WRONG_KEY');
    const stranger = await openHarness();
    open.push(stranger);
    expect((await refusalOf(previewRecovery(stranger.services.ctx, made.path))).code).toBe('E_WRONG_KEY');
    const tampered = path.join(outFolder(), 'tampered.dtrec');
    const bytes = fs.readFileSync(made.path);
    bytes[bytes.length - 40] ^= 1;
    fs.writeFileSync(tampered, bytes);
    expect((await refusalOf(importRecovery(freshCtx, tampered, fp.middle))).code).toBe('E_TAMPERED');
    const truncated = path.join(outFolder(), 'truncated.dtrec');
    fs.writeFileSync(truncated, fs.readFileSync(made.path).subarray(0, 5000));
    expect((await refusalOf(importRecovery(freshCtx, truncated, fp.middle))).code).toBe('E_TRUNCATED');
    expect((await refusalOf(previewRecovery(freshCtx, stale.filePath))).code).toBe('E_NOT_RECOVERY');
    expect(await fresh.ok('court.get')).toBeNull();
    expect(countRows(fresh, 'items')).toBe(0);

    // B previews; a wrong parent fingerprint is refused; the right one imports.
    const preview = await previewRecovery(freshCtx, made.path);
    expect(preview).toMatchObject({
      court: { code: BASIC.code, parentCode: INTERMEDIATE.code },
      parent: { code: INTERMEDIATE.code, fingerprint: fp.middle },
      lastSeq: 2,
    });
    expect((await refusalOf(importRecovery(freshCtx, made.path, fp.high))).code).toBe('E_FINGERPRINT');
    const imported = await importRecovery(freshCtx, made.path, fp.middle);
    expect(imported).toMatchObject({ courtCode: BASIC.code, nextSeq: 3 });
    expect(perCampaign(fresh, BASIC.code)).toEqual(reported);
    expect(fs.readFileSync(blobPath(fresh.dataDir, evidenceSha)).equals(evidenceBytes)).toBe(true);
    expect(countRows(fresh, 'ledger_measures')).toBe(1);
    expect(countRows(fresh, 'ledger_findings')).toBe(1);
    expect(countRows(fresh, 'signoffs', "decision = 'approved'")).toBe(1);
    expect(countRows(fresh, 'progress_notes')).toBe(countRows(middle.h, 'progress_notes', 'origin = ?', BASIC.code));
    expect(countRows(fresh, 'campaigns')).toBe(2);
    const integrity = await verifyCourtIntegrity(freshCtx);
    expect(integrity.problems).toEqual([]);
    expect(integrity.ok).toBe(true);
    expect(integrity.anchor?.message).toMatch(/恢复包/);

    // No accounts came back: the first administrator is made through auth.bootstrap.
    expect(await fresh.ok('auth.status')).toMatchObject({ hasProfile: true, hasUsers: false });
    await fresh.ok('auth.bootstrap', { username: 'admin', displayName: '王书记员', password: 'Admin2026' });
    const rebuilt: SyncCourt = { h: fresh, ctx: { ...fresh.services.ctx, user: (await fresh.ok('auth.status')).user } };

    // B changes an item and reports up: M accepts it, no gap, no replay, no key mismatch, no alert.
    const items = await fresh.ok('items.list', {
      campaignId: (
        fresh.services.ctx.sqlite.prepare("SELECT id FROM campaigns WHERE title = '清廉法院建设'").get() as {
          id: string;
        }
      ).id,
    });
    const first =
      (items as unknown as { items?: { id: string }[] }).items?.[0] ?? (items as unknown as { id: string }[])[0];
    const detail = await fresh.ok('items.get', { id: first.id });
    await fresh.ok('items.update', { ...detail, title: `${detail.title}（重装后更新）` });
    const next = await exportReportUp(rebuilt.ctx, { folder, full: false });
    expect(next.seq).toBe(3);
    const atMiddle = await importBundle(middle.ctx, { file: next.filePath, dryRun: false, trust: [] });
    expect(atMiddle.outcome).toBe('imported');
    expect(
      middle.h.services.ctx.sqlite
        .prepare('SELECT audit_alert, last_seq FROM sync_courts WHERE code = ?')
        .get(BASIC.code),
    ).toEqual({ audit_alert: null, last_seq: 3 });
    expect(countRows(middle.h, 'items', 'title LIKE ?', '%重装后更新%')).toBe(1);

    // M relays to H: H takes B's new key on M's word.
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    const atHigh = await importBundle(high.ctx, { file: relay.filePath, dryRun: false, trust: [] });
    expect(atHigh.outcome).toBe('imported');
    expect(countRows(high.h, 'items', 'title LIKE ?', '%重装后更新%')).toBe(1);
    expect(countRows(high.h, 'sync_courts', 'code = ? AND fingerprint = ?', BASIC.code, request.fingerprint)).toBe(1);

    // A full report from M carries B's history again, old-key bundles included: H passes them over.
    const full = await exportReportUp(middle.ctx, { folder, full: true });
    expect(full.nested).toBeGreaterThanOrEqual(3);
    const fullAtHigh = await importBundle(high.ctx, { file: full.filePath, dryRun: false, trust: [] });
    expect(['imported', 'unchanged']).toContain(fullAtHigh.outcome);

    // The bundle signed by the old key, kept from before the failure: refused at M.
    const old = await refusalOf(importBundle(middle.ctx, { file: stale.filePath, dryRun: false, trust: [fp.b] }));
    expect(old.code).toBe('E_KEY_RETIRED');
    expect(old.message).toMatch(/龙江县人民法院已停用的旧密钥签名（\d{4}年\d{1,2}月\d{1,2}日 为重装制作恢复包时停用）/);
  });

  it('a high court rebuilds an intermediate court, which gets its subordinates rows back', async () => {
    const { high, middle, c, fp } = await province();
    const cItems = countRows(middle.h, 'items', 'origin = ?', BASIC_2.code);
    const bItems = countRows(middle.h, 'items', 'origin = ?', BASIC.code);
    expect(cItems + bItems).toBeGreaterThan(0);
    await middle.h.close();
    open.splice(open.indexOf(middle.h), 1);

    const fresh = await openHarness();
    open.push(fresh);
    const request = await requestRecovery(fresh.services.ctx, {
      courtCode: INTERMEDIATE.code,
      courtName: INTERMEDIATE.name,
      folder: outFolder(),
    });
    const made = await exportRecovery(high.ctx, {
      file: request.path,
      fingerprint: request.fingerprint,
      folder: outFolder(),
    });
    const imported = await importRecovery(fresh.services.ctx, made.path, fp.high);
    expect(imported.nextSeq).toBe(2);
    expect(countRows(fresh, 'items', 'origin = ?', BASIC.code)).toBe(bItems);
    expect(countRows(fresh, 'items', 'origin = ?', BASIC_2.code)).toBe(cItems);
    expect(countRows(fresh, 'sync_courts', "vouched_by = 'J23' AND relation = 'subordinate'")).toBe(2);
    expect((await verifyCourtIntegrity(fresh.services.ctx)).ok).toBe(true);

    // The rebuilt M reports up: H accepts it as the next in M's sequence, with no audit alert.
    await fresh.ok('auth.bootstrap', { username: 'admin', displayName: '赵科长', password: 'Admin2026' });
    const rebuilt = { ...fresh.services.ctx, user: (await fresh.ok('auth.status')).user };
    await fresh.ok('campaigns.create', { title: '重建后的中院专项活动', year: 2026 });
    const next = await exportReportUp(rebuilt, { folder: outFolder(), full: false });
    expect(next.seq).toBe(2);
    expect(next.encrypted).toBe(true);
    const atHigh = await importBundle(high.ctx, { file: next.filePath, dryRun: false, trust: [] });
    expect(atHigh.outcome).toBe('imported');
    expect(
      high.h.services.ctx.sqlite
        .prepare('SELECT audit_alert, last_seq FROM sync_courts WHERE code = ?')
        .get(INTERMEDIATE.code),
    ).toEqual({ audit_alert: null, last_seq: 2 });
    expect(countRows(high.h, 'campaigns', 'title = ?', '重建后的中院专项活动')).toBe(1);
    expect(c).toBeDefined();
  });

  it('runs the whole loop through the real command line', async () => {
    const folder = outFolder();
    const middle = await court(INTERMEDIATE);
    const b = await court(BASIC);
    await b.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
    await up(b, middle, folder, [await courtFingerprint(b.ctx)]);
    const middleFp = await courtFingerprint(middle.ctx);
    for (const h of [middle.h, b.h]) {
      await h.close();
      open.splice(open.indexOf(h), 1);
    }
    const fresh = path.join(tempDir('court-fresh-'), '重装');
    const out = outFolder();

    expect((await runCli(['recovery', '--data', fresh])).code).toBe(2);
    const asked = await runCli([
      'recovery',
      'request',
      '--data',
      fresh,
      '--court',
      BASIC.code,
      '--name',
      BASIC.name,
      '--out',
      out,
      '--json',
    ]);
    expect(asked.code, asked.stderr).toBe(0);
    const request = JSON.parse(asked.stdout) as { path: string; fingerprint: string };

    const wrong = await runCli([
      'recovery',
      'export',
      '--data',
      middle.h.dataDir,
      '--request',
      request.path,
      '--fingerprint',
      middleFp,
      '--out',
      out,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr + wrong.stdout).toMatch(/E_FINGERPRINT/);
    const made = await runCli([
      'recovery',
      'export',
      '--data',
      middle.h.dataDir,
      '--request',
      request.path,
      '--fingerprint',
      request.fingerprint,
      '--out',
      out,
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/旧密钥（指纹 .*）已停用/);
    const packageFile = fs.readdirSync(out).find((name) => name.endsWith('.dtrec'))!;

    const preview = await runCli(['recovery', 'preview', '--data', fresh, path.join(out, packageFile), '--json']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      parent: { code: INTERMEDIATE.code, fingerprint: middleFp },
      lastSeq: 1,
    });
    const refused = await runCli([
      'recovery',
      'import',
      '--data',
      fresh,
      path.join(out, packageFile),
      '--parent-fingerprint',
      request.fingerprint,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/E_FINGERPRINT/);
    const imported = await runCli([
      'recovery',
      'import',
      '--data',
      fresh,
      path.join(out, packageFile),
      '--parent-fingerprint',
      middleFp,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/本院下一个上报包为第 2 号/);
    const verified = await runCli(['verify', '--data', fresh, '--json']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 180_000);
});
