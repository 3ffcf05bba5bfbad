// Traffic-light history of ledger measures and look-backs: registers the daily sweepers with the
// shared light history (so "was red" is kept even when nobody opens the ledger on the day a
// deadline passes; this court's own records only) and settles one record's colour right after it
// changes state or date.
import type { Kysely, Transaction } from 'kysely';
import { isMeasureDone } from '../../shared/ledgerRules';
import type { Database } from '../data/schema';
import { recordLights, registerLightSweeper, type CurrentLight } from '../lights/lightHistory';

type Db = Kysely<Database> | Transaction<Database>;

interface MeasureLightRow {
  id: string;
  status: Parameters<typeof isMeasureDone>[0];
  deadline: string | null;
  yellowDays: number;
  createdAt: string;
}

interface LookbackLightRow {
  id: string;
  status: 'scheduled' | 'passed' | 'relapsed';
  dueDate: string;
  yellowDays: number;
  createdAt: string;
}

function measureCurrents(rows: MeasureLightRow[]): CurrentLight[] {
  return rows.map((row) => ({
    id: row.id,
    deadline: row.deadline,
    yellowDays: row.yellowDays,
    createdAt: row.createdAt,
    finished: isMeasureDone(row.status),
  }));
}

function lookbackCurrents(rows: LookbackLightRow[]): CurrentLight[] {
  return rows.map((row) => ({
    id: row.id,
    deadline: row.dueDate,
    yellowDays: row.yellowDays,
    createdAt: row.createdAt,
    finished: row.status !== 'scheduled',
  }));
}

function measureRows(db: Db) {
  return db
    .selectFrom('ledgerMeasures')
    .innerJoin('campaigns', 'campaigns.id', 'ledgerMeasures.campaignId')
    .select([
      'ledgerMeasures.id',
      'ledgerMeasures.status',
      'ledgerMeasures.deadline',
      'ledgerMeasures.createdAt',
      'campaigns.yellowDays',
    ])
    .where('ledgerMeasures.deletedAt', 'is', null)
    .where('campaigns.deletedAt', 'is', null);
}

function lookbackRows(db: Db) {
  return db
    .selectFrom('lookbacks')
    .innerJoin('ledgerMeasures', 'ledgerMeasures.id', 'lookbacks.measureId')
    .innerJoin('campaigns', 'campaigns.id', 'ledgerMeasures.campaignId')
    .select(['lookbacks.id', 'lookbacks.status', 'lookbacks.dueDate', 'lookbacks.createdAt', 'campaigns.yellowDays'])
    .where('lookbacks.deletedAt', 'is', null)
    .where('ledgerMeasures.deletedAt', 'is', null)
    .where('campaigns.deletedAt', 'is', null);
}

registerLightSweeper(async (trx, day, court) => {
  await recordLights(
    trx,
    'measure',
    measureCurrents(await measureRows(trx).where('ledgerMeasures.origin', '=', court).execute()),
    day,
  );
});

// Only look-backs still waiting can change colour; finished ones were settled when recorded.
registerLightSweeper(async (trx, day, court) => {
  const waiting = lookbackRows(trx).where('lookbacks.origin', '=', court).where('lookbacks.status', '=', 'scheduled');
  await recordLights(trx, 'lookback', lookbackCurrents(await waiting.execute()), day);
});

/** Settles one measure's colour right after its state or deadline changed. */
export async function settleMeasureLight(db: Db, measureId: string, day: string): Promise<void> {
  const rows = await measureRows(db).where('ledgerMeasures.id', '=', measureId).execute();
  await recordLights(db, 'measure', measureCurrents(rows), day);
}

/** Settles one look-back's colour right after it was scheduled, moved or recorded. */
export async function settleLookbackLight(db: Db, lookbackId: string, day: string): Promise<void> {
  const rows = await lookbackRows(db).where('lookbacks.id', '=', lookbackId).execute();
  await recordLights(db, 'lookback', lookbackCurrents(rows), day);
}

/** A deleted measure (or look-back) shows no colour from the day it went. */
export async function closeLights(db: Db, kind: 'measure' | 'lookback', ids: string[], day: string): Promise<void> {
  await recordLights(
    db,
    kind,
    ids.map((id) => ({ id, deadline: null, yellowDays: 0, createdAt: day, finished: true })),
    day,
  );
}
