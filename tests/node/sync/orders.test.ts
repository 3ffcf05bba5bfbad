// 督办单 and 通报 through the same bundles (issue 15), with four real data folders and real files:
// an order travels sealed high → intermediate (relay) → the basic court it is addressed to, never
// to its sibling; the 签收 and the approved reply go up through the intermediate court; a reply to
// an order the court was never sent is refused as forged; a broadcast package never carries an
// order; issued notices reach every roster court, drafts none, and a notice naming a court outside
// its issuer's jurisdiction is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  courtFingerprint,
  ensureCourtKeys,
  exportReportUp,
  importBundle,
  publishCampaign,
} from '../../../src/main/sync/syncService';
import { decryptFile, encryptFile } from '../../../src/main/sync/format/envelope';
import { FORGED_MESSAGE } from '../../../src/main/sync/sealedRows';
import type { Harness } from '../harness';
import {
  BASIC,
  BASIC_2,
  HIGH,
  INTERMEDIATE,
  countRows,
  openEngineCourt,
  outFolder,
  refusalOf,
  type SyncCourt,
} from './syncFixtures';
import { ndjson, readBundle, rowsOf, setEntry, sha256, writeBundle, type OpenBundle } from './bundleSurgery';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const court = (profile: Parameters<typeof openEngineCourt>[0]) => openEngineCourt(profile, open);
const REQUIREMENT = '请于期限内报送庭审观摩活动的整改情况（督办专用丙）';
type Row = Record<string, unknown>;

async function reportUp(from: SyncCourt, to: SyncCourt, folder: string, trust: string[], addToRoster: string[] = []) {
  const up = await exportReportUp(from.ctx, { folder, full: false });
  const report = await importBundle(to.ctx, { file: up.filePath, dryRun: false, trust, addToRoster });
  return { up, report };
}

/** Every table a forged bundle could have written to, counted: "nothing written" is all equal. */
function snapshot(c: SyncCourt): Record<string, number> {
  const tables = ['supervision_orders', 'order_responses', 'notices', 'supervision_notes', 'sync_received', 'items'];
  return Object.fromEntries(tables.map((table) => [table, countRows(c.h, table)]));
}

/** A province whose high court knows every court (its roster filled by the reports relayed up):
 * the high court's campaign passed down by the intermediate court to both basic courts, and one
 * round of reports up. */
async function province() {
  const folder = outFolder();
  const high = await court(HIGH);
  const middle = await court(INTERMEDIATE);
  const b1 = await court(BASIC);
  const b2 = await court(BASIC_2);
  const campaign = await high.h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  await high.h.ok('items.create', {
    campaignId: campaign.id,
    title: '开展庭审观摩活动',
    kind: 'mandatory',
    deadline: '2026-12-31',
  });
  const fp = {
    high: await courtFingerprint(high.ctx),
    middle: await courtFingerprint(middle.ctx),
    b1: await courtFingerprint(b1.ctx),
    b2: await courtFingerprint(b2.ctx),
  };
  const p1 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
  await importBundle(middle.ctx, { file: p1.filePath, dryRun: false, trust: [fp.high] });
  const r1 = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
  for (const basic of [b1, b2]) await importBundle(basic.ctx, { file: r1.filePath, dryRun: false, trust: [fp.middle] });
  await reportUp(b1, middle, folder, [fp.b1], ['J230201']);
  await reportUp(b2, middle, folder, [fp.b2], ['J230202']);
  await reportUp(middle, high, folder, [fp.middle], ['J2302']);
  return { folder, high, middle, b1, b2, campaign, fp };
}

type Province = Awaited<ReturnType<typeof province>>;

/** The high court publishes; the intermediate court imports everything and passes it down; each
 * basic court imports the broadcast package and the package sealed to it (if any). */
async function carryDown(p: Province) {
  const { folder, high, middle, b1, b2, campaign } = p;
  const down = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
  for (const file of down.packages) await importBundle(middle.ctx, { file: file.filePath, dryRun: false, trust: [] });
  const relay = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
  for (const basic of [b1, b2]) {
    for (const file of relay.packages) {
      if (file.target.code === '*' || file.target.code === (basic === b1 ? BASIC.code : BASIC_2.code)) {
        await importBundle(basic.ctx, { file: file.filePath, dryRun: false, trust: [] });
      }
    }
  }
  return { down, relay };
}

/** A red order from the high court to both basic courts (one batch, one row each). */
async function redOrder(p: Province) {
  const issued = await p.high.h.ok('orders.issue', {
    campaignId: p.campaign.id,
    courtCodes: ['J230201', 'J230202'],
    kind: 'supervise',
    colour: 'red',
    requirement: REQUIREMENT,
    replyDue: '2026-12-10',
    docPrefix: '黑高法',
  });
  const idOf = (code: string) => issued.orders.find((order) => order.courtCode === code)!.id;
  return { issued, b1Order: idOf('J230201'), b2Order: idOf('J230202') };
}

/** The plain bundle inside an envelope, opened with the receiving court's keys. */
async function openSealed(file: string, receiver: SyncCourt, folder: string): Promise<OpenBundle> {
  const keys = await ensureCourtKeys(receiver.ctx);
  const plain = path.join(folder, `plain-${path.basename(file)}.zip`);
  await decryptFile(
    file,
    plain,
    { boxPublic: keys.boxPublic, boxPrivate: keys.boxPrivate, fingerprint: keys.fingerprint },
    1 << 30,
  );
  return readBundle(plain);
}

/** Replaces (or adds) one rows entry with these rows, keeping the manifest's counts true. */
function putRows(bundle: OpenBundle, table: string, rows: Row[]): void {
  const name = `rows/${table}.ndjson`;
  const before = bundle.manifest.entries.find((entry) => entry.name === name)?.rows ?? 0;
  setEntry(bundle, name, ndjson(rows));
  bundle.manifest.entries.find((entry) => entry.name === name)!.rows = rows.length;
  bundle.manifest.counts.rows += rows.length - before;
}

describe('督办单 sealed down the path', () => {
  it('reaches each addressed basic court through the intermediate court, never its sibling', async () => {
    const p = await province();
    const { folder, high, middle, b1, b2 } = p;
    const { b1Order, b2Order, issued } = await redOrder(p);
    expect(issued.orders).toHaveLength(2);

    const { down, relay } = await carryDown(p);
    // High court: one broadcast package (no orders in it), one package sealed to the intermediate
    // court carrying both orders (each in a package nested for its basic court).
    expect(down.packages.map((f) => [f.target.code, f.encrypted, f.notes])).toEqual([
      ['*', false, 0],
      ['J2302', true, 2],
    ]);
    expect(down.message).toMatch(/督导意见和督办单包/);
    const broadcast = await readBundle(down.filePath);
    expect(broadcast.entries.has('rows/supervision_orders.ndjson')).toBe(false);
    expect(fs.readFileSync(down.filePath).includes(Buffer.from('督办专用'))).toBe(false);
    const sealedToMiddle = await openSealed(down.packages[1].filePath, middle, folder);
    expect(rowsOf(sealedToMiddle, 'supervision_orders')).toEqual([]);
    expect([...sealedToMiddle.entries.keys()].filter((name) => name.startsWith('nested/'))).toHaveLength(2);

    // The intermediate court is on the path: it holds both.
    expect(countRows(middle.h, 'supervision_orders', "origin = 'J23'")).toBe(2);
    // It passes each down sealed to its own court.
    expect(relay.packages.map((f) => [f.target.code, f.encrypted])).toEqual([
      ['*', false],
      ['J230201', true],
      ['J230202', true],
    ]);
    expect(fs.readFileSync(relay.filePath).includes(Buffer.from('督办专用'))).toBe(false);

    // Each basic court holds its own order and not its sibling's.
    expect(b1.h.services.ctx.sqlite.prepare('SELECT id FROM supervision_orders').all()).toEqual([{ id: b1Order }]);
    expect(b2.h.services.ctx.sqlite.prepare('SELECT id FROM supervision_orders').all()).toEqual([{ id: b2Order }]);
    const atB1 = await b1.h.ok('orders.get', { id: b1Order });
    expect(atB1).toMatchObject({ relation: 'received', state: 'unsigned', colour: 'red', requirement: REQUIREMENT });

    // The sibling cannot open the package sealed to J230201: addressed to another court …
    const b1Sealed = relay.packages.find((f) => f.target.code === 'J230201')!.filePath;
    const before = snapshot(b2);
    const wrongTarget = await refusalOf(importBundle(b2.ctx, { file: b1Sealed, dryRun: false, trust: [] }));
    expect(wrongTarget.code).toBe('E_WRONG_TARGET');
    // … and with its header readdressed, the key is not its own.
    const bytes = fs.readFileSync(b1Sealed);
    const headerLength = bytes.readUInt32BE(8);
    const header = bytes.subarray(12, 12 + headerLength).toString('utf8');
    const readdressed = header.replace('"J230201"', '"J230202"').replace(BASIC.name, BASIC_2.name);
    expect(Buffer.byteLength(readdressed)).toBe(headerLength);
    const forgedHeader = path.join(folder, 'readdressed.dtsync');
    fs.writeFileSync(
      forgedHeader,
      Buffer.concat([bytes.subarray(0, 12), Buffer.from(readdressed), bytes.subarray(12 + headerLength)]),
    );
    const wrongKey = await refusalOf(importBundle(b2.ctx, { file: forgedHeader, dryRun: false, trust: [] }));
    expect(wrongKey.code).toBe('E_WRONG_KEY');
    expect(snapshot(b2)).toEqual(before);
    expect(high.h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM supervision_orders').get()).toEqual({ n: 2 });
  });

  it('a court with only orders (no notes) gets its sealed package; a later change travels too', async () => {
    const p = await province();
    const { b1Order } = await redOrder(p);
    await carryDown(p);
    // The issuer changes the open order: the new version replaces the old one down the path.
    const atHigh = await p.high.h.ok('orders.get', { id: b1Order });
    await p.high.h.ok('orders.update', { id: b1Order, version: atHigh.version, colour: 'yellow' });
    await carryDown(p);
    expect((await p.b1.h.ok('orders.get', { id: b1Order })).colour).toBe('yellow');
    expect(countRows(p.middle.h, 'supervision_orders', "colour = 'yellow'")).toBe(1);
  });
});

describe('签收 and reply up the path', () => {
  it('the basic court signs and replies through its reviewer; the high court sees it replied', async () => {
    const p = await province();
    const { folder, high, middle, b1, fp } = p;
    const { b1Order, b2Order } = await redOrder(p);
    await carryDown(p);

    await b1.h.addUser({ username: 'shenhe', displayName: '陈审核', roles: ['reviewer'] });
    await b1.h.ok('orders.sign', { id: b1Order });
    const saved = await b1.h.ok('orders.saveReply', {
      orderId: b1Order,
      text: '已组织全院开展庭审观摩，整改情况如下（办理专用丁）',
      submit: true,
    });
    const reply = saved.responses.find((r) => r.kind === 'reply')!;
    expect(reply.status).toBe('pending');
    await b1.h.as('shenhe').ok('orders.reviewReply', { replyId: reply.id, version: reply.version, approve: true });
    // A second reply left as a draft: it travels up as the court's own row and changes nothing there.
    await b1.h.ok('orders.saveReply', { orderId: b1Order, text: '补充材料正在整理（草稿）' });
    expect((await b1.h.ok('orders.get', { id: b1Order })).state).toBe('replied');

    const toMiddle = await reportUp(b1, middle, folder, [fp.b1]);
    expect(toMiddle.report.outcome).toBe('imported');
    expect(countRows(middle.h, 'order_responses', "origin = 'J230201'")).toBe(3);
    const toHigh = await reportUp(middle, high, folder, []);
    expect(toHigh.report.bundle.nested.map((n) => n.source.code)).toEqual(['J230201']);

    const seen = await high.h.ok('orders.get', { id: b1Order });
    expect(seen.state).toBe('replied');
    expect(seen.signedAt).not.toBeNull();
    expect(seen.lastReplyAt).not.toBeNull();
    expect(seen.responses.map((r) => [r.kind, r.status])).toContainEqual(['reply', 'sent']);
    expect(seen.responses.some((r) => r.status === 'draft')).toBe(false);
    // The sibling's order is untouched.
    expect((await high.h.ok('orders.get', { id: b2Order })).state).toBe('unsigned');

    // 办结 at the high court travels down the same way: the basic court sees its order closed.
    await high.h.ok('orders.close', { id: b1Order, version: seen.version, note: '同意办结' });
    await carryDown(p);
    expect(await b1.h.ok('orders.get', { id: b1Order })).toMatchObject({ state: 'closed', decisionNote: '同意办结' });
    expect((await middle.h.ok('orders.get', { id: b1Order })).state).toBe('closed');
  });

  it("an intermediate court's own orders and notices on its superior's campaign travel down and up", async () => {
    const p = await province();
    const { folder, high, middle, b1, b2, campaign, fp } = p;
    await carryDown(p);
    const own = await middle.h.ok('orders.issue', {
      campaignId: campaign.id,
      courtCodes: ['J230202'],
      kind: 'urge',
      colour: 'yellow',
      requirement: '请讷河法院加快庭审观摩进度（中院督办专用）',
      replyDue: '2026-12-15',
      docPrefix: '齐中法',
    });
    const orderId = own.orders[0].id;
    const drafted = await middle.h.ok('notices.draft', {
      campaignId: campaign.id,
      kind: 'praise',
      namedCourts: [{ code: 'J230201', stance: 'praise' }],
    });
    const notice = await middle.h.ok('notices.issue', { id: drafted.id, version: drafted.version });

    // Relay branch: the superior's package nested, the intermediate court's notice in its own
    // broadcast, its order sealed to J230202 only.
    const relay = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    expect(relay.packages.map((f) => [f.target.code, f.notes])).toEqual([
      ['*', 0],
      ['J230202', 1],
    ]);
    expect(rowsOf(await readBundle(relay.filePath), 'notices').map((row) => row.id)).toEqual([notice.id]);
    for (const basic of [b1, b2]) await importBundle(basic.ctx, { file: relay.filePath, dryRun: false, trust: [] });
    await importBundle(b2.ctx, { file: relay.packages[1].filePath, dryRun: false, trust: [] });
    expect(countRows(b1.h, 'notices', 'id = ?', notice.id)).toBe(1);
    expect(countRows(b2.h, 'notices', 'id = ?', notice.id)).toBe(1);
    expect(countRows(b1.h, 'supervision_orders')).toBe(0);
    expect((await b2.h.ok('orders.get', { id: orderId })).relation).toBe('received');

    // 签收 at J230202, up to the intermediate court and on to the high court with its order.
    await b2.h.ok('orders.sign', { id: orderId });
    await reportUp(b2, middle, folder, [fp.b2]);
    expect((await middle.h.ok('orders.get', { id: orderId })).state).toBe('signed');
    await reportUp(middle, high, folder, []);
    const atHigh = await high.h.ok('orders.get', { id: orderId });
    expect(atHigh).toMatchObject({ relation: 'subordinate', state: 'signed', origin: 'J2302' });
    expect(countRows(high.h, 'notices', 'id = ?', notice.id)).toBe(1);
  });
});

describe('forged responses', () => {
  it('a reply to an order never sent to the court is refused as forged, directly and relayed', async () => {
    const p = await province();
    const { folder, high, middle, b1 } = p;
    const { b1Order, b2Order } = await redOrder(p);
    await carryDown(p);
    await b1.h.ok('orders.sign', { id: b1Order });

    // The basic court's own database is made to hold two forged responses (its own signed rows):
    // one to an order no court issued, one to its sibling's order (which it never received).
    const sqlite = b1.h.services.ctx.sqlite;
    const genuine = sqlite.prepare("SELECT * FROM order_responses WHERE kind = 'sign'").get() as Row;
    const forge = (id: string, orderId: string) => {
      sqlite.pragma('foreign_keys = OFF');
      sqlite.prepare('UPDATE change_counter SET value = value + 1').run();
      const seq = (sqlite.prepare('SELECT value FROM change_counter').get() as { value: number }).value;
      sqlite
        .prepare(
          `INSERT INTO order_responses (${Object.keys(genuine).join(', ')}) VALUES (${Object.keys(genuine)
            .map((k) => `@${k}`)
            .join(', ')})`,
        )
        .run({ ...genuine, id, order_id: orderId, change_seq: seq });
      sqlite.pragma('foreign_keys = ON');
    };
    const tries: [string, string][] = [
      ['0190f0e4-3333-7000-8000-000000000001', '0190f0e4-3333-7000-8000-0000000000ff'],
      ['0190f0e4-3333-7000-8000-000000000002', b2Order],
    ];
    for (const [id, orderId] of tries) {
      // Each forgery alone, in its own report up.
      sqlite.prepare('DELETE FROM order_responses WHERE id IN (?, ?)').run(tries[0][0], tries[1][0]);
      forge(id, orderId);
      const up = await exportReportUp(b1.ctx, { folder, full: true });
      const before = snapshot(middle);
      const refused = await refusalOf(importBundle(middle.ctx, { file: up.filePath, dryRun: false, trust: [] }));
      expect(refused).toMatchObject({ code: 'E_FORGED', message: FORGED_MESSAGE });
      expect(snapshot(middle)).toEqual(before);
      // The preview says the same.
      expect((await refusalOf(importBundle(middle.ctx, { file: up.filePath, dryRun: true, trust: [] }))).code).toBe(
        'E_FORGED',
      );

      // Relayed: the intermediate court's next report up with the forged bundle nested in it,
      // re-signed by the intermediate court (as a relay that let it through would).
      const middleKeys = await ensureCourtKeys(middle.ctx);
      const inner = await openSealed(up.filePath, middle, folder);
      const innerFile = path.join(folder, `inner-${id}.zip`);
      await writeBundle(innerFile, inner);
      const innerBytes = fs.readFileSync(innerFile);
      // A full snapshot: no change of the intermediate court can be missing at the high court.
      const outerUp = await exportReportUp(middle.ctx, { folder, full: true });
      const outer = await openSealed(outerUp.filePath, high, folder);
      const name = `nested/J230201-${inner.manifest.seq}-${sha256(innerBytes)}.zip`;
      outer.entries.set(name, innerBytes);
      outer.manifest.entries.push({ name, sha256: sha256(innerBytes), size: innerBytes.length });
      outer.manifest.counts.nested += 1;
      if (!outer.manifest.vouches.some((card) => card.code === 'J230201')) {
        outer.manifest.vouches.push(inner.manifest.source);
      }
      const relayed = path.join(folder, `relayed-${id}.dtsync`);
      await writeBundle(relayed, outer, { signWith: middleKeys.signPrivate });
      const highBefore = snapshot(high);
      const atHigh = await refusalOf(importBundle(high.ctx, { file: relayed, dryRun: false, trust: [] }));
      expect(atHigh).toMatchObject({ code: 'E_FORGED', message: FORGED_MESSAGE });
      expect(snapshot(high)).toEqual(highBefore);
    }
  });
});

describe('the broadcast package', () => {
  it('never carries orders or notes: one that does is refused, nothing written', async () => {
    const p = await province();
    const { folder, high, middle } = p;
    await redOrder(p);
    await high.h.ok('supervision.add', { campaignId: p.campaign.id, courtCode: 'J2302', text: '请汇总辖区进度' });
    const down = await publishCampaign(high.ctx, { campaignId: p.campaign.id, folder });
    const highKeys = await ensureCourtKeys(high.ctx);
    const sqlite = high.h.services.ctx.sqlite;
    for (const table of ['supervision_orders', 'supervision_notes']) {
      const forged = await readBundle(down.filePath);
      putRows(forged, table, sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[]);
      forged.manifest.seq += 3;
      const file = path.join(folder, `broadcast-with-${table}.dtsync`);
      await writeBundle(file, forged, { signWith: highKeys.signPrivate });
      const before = snapshot(middle);
      const refused = await refusalOf(importBundle(middle.ctx, { file, dryRun: false, trust: [] }));
      expect(refused.code).toBe('E_NOT_SEALED');
      expect(refused.message).toMatch(table === 'supervision_orders' ? /督办单/ : /督导意见/);
      expect(snapshot(middle)).toEqual(before);
    }
  });

  it('an addressed package carrying an order on a court outside its addressee is refused', async () => {
    const p = await province();
    const { folder, high, middle, b1 } = p;
    const { b1Order } = await redOrder(p);
    const { relay } = await carryDown(p);
    // The intermediate court's package sealed to J230201, re-made with J230202's order inside.
    const middleKeys = await ensureCourtKeys(middle.ctx);
    const sealedFile = relay.packages.find((f) => f.target.code === 'J230201')!.filePath;
    const bundle = await openSealed(sealedFile, b1, folder);
    const theirs = high.h.services.ctx.sqlite
      .prepare("SELECT * FROM supervision_orders WHERE court_code = 'J230202'")
      .get() as Row;
    putRows(bundle, 'supervision_orders', [
      { ...theirs, origin: 'J2302', id: '0190f0e4-4444-7000-8000-000000000001', change_seq: 1 },
    ]);
    bundle.manifest.seq += 4;
    const plain = path.join(folder, 'addressed-stray.zip');
    await writeBundle(plain, bundle, { signWith: middleKeys.signPrivate });
    const b1Keys = await ensureCourtKeys(b1.ctx);
    const sealed = path.join(folder, 'addressed-stray.dtsync');
    await encryptFile(
      plain,
      sealed,
      {
        kind: 'package_down',
        source: { code: 'J2302', name: INTERMEDIATE.name },
        target: { code: 'J230201', name: BASIC.name },
        createdAt: bundle.manifest.createdAt,
      },
      { boxPublic: b1Keys.boxPublic, fingerprint: b1Keys.fingerprint },
    );
    const before = snapshot(b1);
    const refused = await refusalOf(importBundle(b1.ctx, { file: sealed, dryRun: false, trust: [] }));
    expect(refused.code).toBe('E_ORIGIN');
    expect(refused.message).toMatch(/J230202/);
    expect(snapshot(b1)).toEqual(before);
    expect(b1.h.services.ctx.sqlite.prepare('SELECT id FROM supervision_orders').all()).toEqual([{ id: b1Order }]);
  });
});

describe('通报 in the broadcast package', () => {
  it('an issued notice reaches every roster court; a draft stays home', async () => {
    const p = await province();
    const { high, middle, b1, b2, campaign } = p;
    const drafted = await high.h.ok('notices.draft', {
      campaignId: campaign.id,
      kind: 'criticism',
      namedCourts: [{ code: 'J230201', stance: 'criticism' }],
    });
    const issued = await high.h.ok('notices.issue', { id: drafted.id, version: drafted.version });
    expect(issued.status).toBe('issued');
    const draft = await high.h.ok('notices.draft', { campaignId: campaign.id, kind: 'situation' });
    const { down, relay } = await carryDown(p);
    expect(rowsOf(await readBundle(down.filePath), 'notices').map((row) => [row.id, row.status])).toEqual([
      [issued.id, 'issued'],
    ]);
    // Relayed inside the intermediate court's broadcast (the superior's original package).
    for (const c of [middle, b1, b2]) {
      expect(c.h.services.ctx.sqlite.prepare('SELECT id, status FROM notices').all()).toEqual([
        { id: issued.id, status: 'issued' },
      ]);
    }
    expect(relay.packages.map((f) => f.target.code)).toEqual(['*']);
    expect(countRows(b1.h, 'notices', 'id = ?', draft.id)).toBe(0);
    const aboutUs = await b1.h.ok('notices.aboutUs');
    expect(aboutUs.map((n) => n.id)).toEqual([issued.id]);
    expect((await b2.h.ok('notices.aboutUs')).map((n) => n.id)).toEqual([]);
  });

  it('a draft in a package down, or a notice naming a court outside the issuer, is refused', async () => {
    const p = await province();
    const { folder, high, middle, campaign } = p;
    const drafted = await high.h.ok('notices.draft', {
      campaignId: campaign.id,
      kind: 'praise',
      namedCourts: [{ code: 'J230202', stance: 'praise' }],
    });
    await high.h.ok('notices.issue', { id: drafted.id, version: drafted.version });
    const down = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    const highKeys = await ensureCourtKeys(high.ctx);

    // A draft in a package down: drafts never travel.
    const withDraft = await readBundle(down.filePath);
    putRows(
      withDraft,
      'notices',
      rowsOf(withDraft, 'notices').map((row) => ({ ...row, status: 'draft' })),
    );
    withDraft.manifest.seq += 2;
    const draftFile = path.join(folder, 'draft-notice.dtsync');
    await writeBundle(draftFile, withDraft, { signWith: highKeys.signPrivate });
    const before = snapshot(middle);
    expect((await refusalOf(importBundle(middle.ctx, { file: draftFile, dryRun: false, trust: [] }))).code).toBe(
      'E_CORRUPT',
    );
    expect(snapshot(middle)).toEqual(before);

    // A notice naming a court outside the high court's roster (its own signed package: the row
    // changed under the service, as a tampered installation would).
    high.h.services.ctx.sqlite
      .prepare('UPDATE notices SET named_courts = ? WHERE id = ?')
      .run(JSON.stringify([{ code: 'J2399', name: '外省人民法院', stance: 'criticism' }]), drafted.id);
    const outside = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    const refused = await refusalOf(importBundle(middle.ctx, { file: outside.filePath, dryRun: false, trust: [] }));
    expect(refused.code).toBe('E_ORIGIN');
    expect(refused.message).toMatch(/通报点名的法院不在发文法院的管辖范围内/);
    expect(snapshot(middle)).toEqual(before);
  });
});
