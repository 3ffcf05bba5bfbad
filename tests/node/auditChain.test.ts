// The audit log must reveal an edited, inserted or deleted entry, including the last one.
import { describe, expect, it } from 'vitest';
import { openCourt } from './harness';

async function courtWithHistory() {
  const fx = await openCourt();
  const item = await fx.h.ok('items.create', {
    campaignId: fx.campaign.id,
    sectionId: fx.sections[0].id,
    title: '落实院领导包片联点',
  });
  await fx.h.ok('progress.add', {
    itemId: item.id,
    noteDate: '2026-11-20',
    author: '王书记员',
    text: '已开展第一轮督导',
  });
  await fx.h.ok('items.markComplete', { id: item.id, version: 2 });
  const verify = await fx.h.ok('audit.verify');
  expect(verify.ok).toBe(true);
  return { ...fx, sqlite: fx.h.services.ctx.sqlite, count: verify.checked };
}

describe('audit chain', () => {
  it('records every change with actor, court, operation, before and after', async () => {
    const { h, count } = await courtWithHistory();
    const entries = await h.ok('audit.list', { limit: 100 });
    expect(entries).toHaveLength(count);
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['王书记员（admin）']));
    expect(entries.map((e) => e.operation)).toEqual(expect.arrayContaining(['create', 'progress', 'complete']));
    await h.close();
  });

  it('detects an edited entry', async () => {
    const { h, sqlite } = await courtWithHistory();
    sqlite.prepare("UPDATE audit_log SET actor = '冒名者' WHERE seq = 3").run();
    const result = await h.ok('audit.verify');
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
    await h.close();
  });

  it('detects an edited before/after value even with a recomputed own hash', async () => {
    const { h, sqlite } = await courtWithHistory();
    // An attacker who recomputes the entry's own hash still breaks the link to the next entry.
    const row = sqlite.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    const { canonicalJson } = await import('../../src/main/audit/auditLog');
    const crypto = await import('node:crypto');
    const after = '{"title":"伪造"}';
    const fields = {
      seq: 2,
      at: row.at,
      actor: row.actor,
      court: row.court,
      operation: row.operation,
      tableName: row.table_name,
      rowId: row.row_id,
      beforeJson: row.before_json,
      afterJson: after,
    };
    const hash = crypto
      .createHash('sha256')
      .update(String(row.prev_hash))
      .update('\n')
      .update(canonicalJson(fields))
      .digest('hex');
    sqlite.prepare('UPDATE audit_log SET after_json = ?, hash = ? WHERE seq = 2').run(after, hash);
    const result = await h.ok('audit.verify');
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'inserted' }));
    await h.close();
  });

  it('detects a deleted entry in the middle', async () => {
    const { h, sqlite } = await courtWithHistory();
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    const result = await h.ok('audit.verify');
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 5, kind: 'deleted' }));
    expect(result.problems[0].message).toMatch(/缺失/);
    await h.close();
  });

  it('detects the last entry being deleted', async () => {
    const { h, sqlite, count } = await courtWithHistory();
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(count);
    const result = await h.ok('audit.verify');
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'deleted' }));
    await h.close();
  });

  it('detects an inserted entry', async () => {
    const { h, sqlite, count } = await courtWithHistory();
    // Make room after entry 2 and slip a forged entry in, renumbering the rest.
    sqlite.prepare('UPDATE audit_log SET seq = seq + 1000 WHERE seq > 2').run();
    sqlite.prepare('UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000').run();
    sqlite
      .prepare(
        "INSERT INTO audit_log (seq, at, actor, court, operation, table_name, row_id, before_json, after_json, prev_hash, hash) VALUES (3, '2026-11-24T10:00:00+08:00', '冒名者', 'J2301', 'delete', 'items', 'x', NULL, NULL, (SELECT hash FROM audit_log WHERE seq = 2), 'f00d')",
      )
      .run();
    const result = await h.ok('audit.verify');
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(count + 1);
    expect(result.problems.map((p) => p.seq)).toContain(3);
    await h.close();
  });
});
