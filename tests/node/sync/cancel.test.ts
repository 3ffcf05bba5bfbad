// A cancel in the middle of an import leaves nothing half-written: the rows already applied in
// the open transaction are rolled back, staged evidence files are removed, and the same bundle
// imports completely afterwards. Also through the API: the job runs in a worker thread and
// the window's cancel reaches it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobCancelled, type JobControl } from '../../../src/main/jobs/jobRegistry';
import { exportReportUp, importBundle, courtFingerprint } from '../../../src/main/sync/syncService';
import { readHistory } from '../../../src/main/sync/syncHistory';
import type { Harness } from '../harness';
import {
  BASIC,
  INTERMEDIATE,
  bulkWork,
  countRows,
  databaseFile,
  engineCtx,
  fileHash,
  openSyncCourt,
  outFolder,
  ROSTER,
} from './syncFixtures';
import { leftoverTemps } from './syncFixtures';

let basic: Harness;
let middle: Harness;
let bundle: string;
let fingerprint: string;
let rows: number;

beforeAll(async () => {
  basic = await openSyncCourt(BASIC);
  middle = await openSyncCourt(INTERMEDIATE);
  const campaign = await basic.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
  rows = bulkWork(basic, campaign.id, 1500, 12);
  bundle = (await exportReportUp(await engineCtx(basic), { folder: outFolder(), full: true })).filePath;
  fingerprint = await courtFingerprint(await engineCtx(basic));
});

afterAll(async () => {
  await basic.close();
  await middle.close();
});

function snapshot(h: Harness): string {
  h.services.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fileHash(databaseFile(h));
}

describe('cancelling an import', () => {
  it('rolls back rows already applied in the transaction', async () => {
    const before = snapshot(middle);
    let reports = 0;
    const control: JobControl = {
      progress(done) {
        if (done > 0) reports += 1;
      },
      // Cancel once a few thousand rows are in the open transaction.
      get cancelled() {
        return reports >= 3;
      },
    };
    await expect(
      importBundle(
        await engineCtx(middle),
        { file: bundle, dryRun: false, addToRoster: ROSTER, trust: [fingerprint] },
        control,
      ),
    ).rejects.toBeInstanceOf(JobCancelled);
    expect(reports).toBeGreaterThanOrEqual(3);
    expect(snapshot(middle)).toBe(before);
    expect(countRows(middle, 'items', 'origin = ?', 'J230201')).toBe(0);
    expect(leftoverTemps(middle.dataDir)).toEqual([]);
    expect(readHistory(middle.dataDir, 1)[0]).toMatchObject({
      result: 'cancelled',
      message: '已取消，没有写入任何数据',
    });

    const report = await importBundle(await engineCtx(middle), {
      file: bundle,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [fingerprint],
    });
    expect(report.totals.added).toBe(
      rows +
        countRows(basic, 'courts') +
        countRows(basic, 'campaigns') +
        countRows(basic, 'departments') +
        countRows(basic, 'people'),
    );
    expect(countRows(middle, 'progress_notes', 'origin = ?', 'J230201')).toBe(1500 * 12);
  });

  it('through the API: the worker stops when the job is cancelled', async () => {
    const other = await openSyncCourt({ ...INTERMEDIATE });
    try {
      const bytes = fs.readFileSync(bundle);
      const { uploadId } = await other.ok('sync.upload', {
        uploadId: null,
        fileName: path.basename(bundle),
        chunkBase64: bytes.toString('base64'),
        final: true,
      });
      const { jobId } = await other.ok('sync.import', { uploadId, trust: [fingerprint], addToRoster: ROSTER });
      // Wait until the worker is writing rows, then cancel from "the window".
      for (let i = 0; i < 400; i += 1) {
        const status = await other.ok('jobs.get', { jobId });
        if (status.done > 0 || status.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await other.ok('jobs.cancel', { jobId });
      const status = await other.services.ctx.jobs.waitFor(jobId);
      expect(status?.state).toBe('cancelled');
      expect(status?.message).toBe('已取消，没有写入任何数据');
      expect(countRows(other, 'items', 'origin = ?', 'J230201')).toBe(0);
      expect(countRows(other, 'sync_courts')).toBe(0);
    } finally {
      await other.close();
    }
  });
});
