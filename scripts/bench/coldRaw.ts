// Cold baseline: a fresh Node process that loads only better-sqlite3, opens the court database
// and runs the grouped campaign query. Prints the time since the process started.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { campaignFigures } from './rawQueries';

const dataDir = process.argv[process.argv.indexOf('--data') + 1];
const today = process.argv[process.argv.indexOf('--today') + 1];
const db = new BetterSqlite3(path.join(dataDir, 'court.sqlite3'));
const rows = campaignFigures(db, today);
const elapsed = performance.now();
db.close();
console.log(`COLD_MS=${elapsed.toFixed(2)} ROWS=${rows.length}`);
