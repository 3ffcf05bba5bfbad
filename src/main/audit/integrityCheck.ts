// The court's integrity check (校验完整性): the database file itself (SQLite's own check), the
// hash chain of the audit log, and every evidence file that a live record cites — present, and
// holding exactly the content its hash names. One operation, so a clerk or the IT staff run one
// check and see every kind of damage, each in plain words.
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { AuditProblem, AuditVerifyResult } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { blobIntact, blobPath } from '../evidence/blobStore';
import type { Database } from '../data/schema';
import { verifyAuditChain } from './auditLog';

/** Live rows that cite an evidence file, with what a person knows them by (also what a backup stores). */
export function citingRows(db: Kysely<Database>) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('items as i', 'i.id', 'e.itemId')
    .select((eb) => [
      'e.sha256 as sha256',
      sql<string | null>`${eb.ref('e.originalName')}`.as('name'),
      'i.title as owner',
      eb.val('事项').as('ownerKind'),
    ])
    .where('e.deletedAt', 'is', null)
    .unionAll((eb) =>
      eb
        .selectFrom('ledgerEvidence as le')
        .innerJoin('ledgerMeasures as m', 'm.id', 'le.measureId')
        .select((inner) => [
          'le.sha256 as sha256',
          sql<string | null>`${inner.ref('le.originalName')}`.as('name'),
          'm.text as owner',
          inner.val('整改措施').as('ownerKind'),
        ])
        .where('le.deletedAt', 'is', null),
    )
    .unionAll((eb) =>
      eb
        .selectFrom('indicatorValues as v')
        .innerJoin('indicators as ind', 'ind.id', 'v.indicatorId')
        .select((inner) => [
          sql<string>`${inner.ref('v.evidenceSha256')}`.as('sha256'),
          sql<string | null>`${inner.ref('v.evidenceName')}`.as('name'),
          sql<string>`${inner.ref('ind.name')} || ' ' || ${inner.ref('v.period')}`.as('owner'),
          inner.val('指标').as('ownerKind'),
        ])
        .where('v.deletedAt', 'is', null)
        .where('v.evidenceSha256', 'is not', null),
    )
    .orderBy('sha256');
}

function shortText(text: string, length = 24): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : chars.join('');
}

/** Every cited evidence file: missing, or content different from its hash. */
export async function checkEvidenceFiles(
  ctx: Pick<ServiceContext, 'db' | 'dataDir'>,
): Promise<{ checked: number; problems: AuditProblem[] }> {
  const rows = await citingRows(ctx.db).execute();
  const bySha = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = bySha.get(row.sha256) ?? [];
    list.push(row);
    bySha.set(row.sha256, list);
  }
  const problems: AuditProblem[] = [];
  for (const [sha256, citing] of bySha) {
    if (await blobIntact(ctx.dataDir, sha256)) continue;
    const missing = !fs.existsSync(blobPath(ctx.dataDir, sha256));
    const first = citing[0];
    const more = citing.length > 1 ? `等 ${citing.length} 处` : '';
    const what = `${first.ownerKind}“${shortText(first.owner)}”的佐证材料“${first.name ?? ''}”${more}`;
    problems.push(
      missing
        ? {
            seq: 0,
            kind: 'evidence-missing',
            message: `${what}的文件缺失（${sha256.slice(0, 12)}…）。可从含有它的同步包重新导入补回，或请上传者重新上传。`,
          }
        : {
            seq: 0,
            kind: 'evidence-damaged',
            message: `${what}的文件内容已被改动或损坏（${sha256.slice(0, 12)}…）。可从含有它的同步包重新导入补回。`,
          },
    );
  }
  return { checked: bySha.size, problems };
}

/** SQLite's own structural check of the database file. */
export function checkDatabaseFile(ctx: Pick<ServiceContext, 'sqlite'>): AuditProblem[] {
  const results = ctx.sqlite.pragma('quick_check') as { quick_check: string }[];
  if (results.length === 1 && results[0].quick_check === 'ok') return [];
  return [
    {
      seq: 0,
      kind: 'database',
      message: `数据库文件本身有损坏（SQLite 检查发现 ${results.length} 处问题）。请立即停止使用并联系技术人员从备份恢复。`,
    },
  ];
}

export async function verifyCourtIntegrity(
  ctx: Pick<ServiceContext, 'sqlite' | 'dataDir' | 'db'>,
): Promise<AuditVerifyResult> {
  const database = checkDatabaseFile(ctx);
  const chain = await verifyAuditChain(ctx.db);
  const evidence = await checkEvidenceFiles(ctx);
  const problems = [...database, ...chain.problems, ...evidence.problems];
  return {
    ok: problems.length === 0,
    checked: chain.checked,
    evidenceChecked: evidence.checked,
    problems,
    ...(chain.anchor ? { anchor: chain.anchor } : {}),
  };
}
