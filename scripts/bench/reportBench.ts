// Report bench: a 1,000-item checklist report (推进清单) from a real court database to PDF
// (Chromium via playwright-core; target under 1.5 s with the browser and its printing page already
// running, as the app's worker and printer keep them between prints) and to XLSX (exceljs; target under 2 s), and the
// written 活动总结 of the same campaign (drafted from the data, one item in ten marked 亮点) to PDF
// (target under 3 s) and to Word. Each run covers reading the data, building the document and
// producing the file's bytes. The first PDF, which launches the browser, is timed on its own
// ("cold": what the first PDF after the app starts costs) and left out of the warm runs.
// Run: npx tsx scripts/bench/reportBench.ts [--runs 5]; `npm run bench` runs it too (rows r1, r2)
// and reads the last line, REPORT_JSON=….
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../../src/main/app/services';
import { checklistReport } from '../../src/main/reports/checklistReport';
import { checklistReportHtml } from '../../src/main/reports/reportHtml';
import { ChromiumPdfPrinter, pdfPageCount } from '../../src/main/reports/reportPdf';
import { checklistReportXlsx } from '../../src/main/reports/reportXlsx';
import { buildReport } from '../../src/main/reports/reportKinds';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/data/database';
import { setupCourt, writeFixture } from './fixtures';

const TODAY = '2026-11-24';
const ITEMS = 1000;
const PDF_TARGET_MS = 1500;
const XLSX_TARGET_MS = 2000;
const SUMMARY_PDF_TARGET_MS = 3000;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-report-bench-'));
  try {
    await setupCourt(dataDir);
    const { campaignIds } = writeFixture(dataDir, {
      campaigns: 1,
      itemsPerCampaign: ITEMS,
      topSections: 4,
      childSections: 2,
      noteEvery: 2,
      today: TODAY,
      titlePrefix: '',
    });
    // 亮点 on one item in ten and on their notes, so 主要做法和成效 is drafted from real notes.
    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    raw.exec(`UPDATE items SET highlight = 1 WHERE sort_order % 10 = 3;
      UPDATE progress_notes SET highlight = 1 WHERE item_id IN (SELECT id FROM items WHERE highlight = 1);`);
    raw.close();
    const services = createServices({ dataDir, now: () => new Date(`${TODAY}T10:00:00+08:00`) });
    const printer = new ChromiumPdfPrinter();
    try {
      const campaignId = campaignIds[0];
      // The first print launches the browser (and loads playwright-core): timed on its own.
      const coldStarted = performance.now();
      const coldReport = await checklistReport(services.ctx, campaignId);
      await printer.print(checklistReportHtml(coldReport));
      const pdfColdMs = performance.now() - coldStarted;
      const pdfTimes: number[] = [];
      const xlsxTimes: number[] = [];
      const summaryPdfTimes: number[] = [];
      const summaryDocxTimes: number[] = [];
      let pages: number | null = null;
      let summaryPages: number | null = null;
      let bytes = 0;
      for (let run = 0; run < RUNS; run += 1) {
        let started = performance.now();
        const report = await checklistReport(services.ctx, campaignId);
        if (report.itemCount !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${report.itemCount}`);
        const pdf = await printer.print(checklistReportHtml(report));
        pdfTimes.push(performance.now() - started);
        pages = pdfPageCount(pdf);

        started = performance.now();
        const xlsx = await checklistReportXlsx(await checklistReport(services.ctx, campaignId));
        xlsxTimes.push(performance.now() - started);
        bytes = xlsx.length;

        started = performance.now();
        const summary = await buildReport(services.ctx, { campaignId, kind: 'summary' });
        const summaryPdf = await printer.print(summary.html);
        summaryPdfTimes.push(performance.now() - started);
        summaryPages = pdfPageCount(summaryPdf);

        started = performance.now();
        const written = await buildReport(services.ctx, { campaignId, kind: 'summary' });
        if (!written.document) throw new Error('活动总结没有 Word 格式');
        await written.document();
        summaryDocxTimes.push(performance.now() - started);
      }
      if (printer.launches !== 1) throw new Error(`the printer launched Chromium ${printer.launches} times, not once`);
      const pdfMs = median(pdfTimes);
      const xlsxMs = median(xlsxTimes);
      console.log(`checklist report, ${ITEMS} items, median of ${RUNS} runs`);
      console.log(
        `  PDF : ${pdfMs.toFixed(0)} ms (${pages} pages, browser running; target < ${PDF_TARGET_MS} ms) ${pdfMs < PDF_TARGET_MS ? 'OK' : 'SLOW'}`,
      );
      console.log(`  PDF, first print (launches the browser): ${pdfColdMs.toFixed(0)} ms`);
      console.log(
        `  XLSX: ${xlsxMs.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB; target < ${XLSX_TARGET_MS} ms) ${xlsxMs < XLSX_TARGET_MS ? 'OK' : 'SLOW'}`,
      );
      const summaryMs = median(summaryPdfTimes);
      console.log(
        `  written summary PDF: ${summaryMs.toFixed(0)} ms (${summaryPages} pages; target < ${SUMMARY_PDF_TARGET_MS} ms) ${summaryMs < SUMMARY_PDF_TARGET_MS ? 'OK' : 'SLOW'}`,
      );
      console.log(`  written summary DOCX: ${median(summaryDocxTimes).toFixed(0)} ms`);
      console.log(`REPORT_PDF_MS=${pdfMs.toFixed(0)} REPORT_XLSX_MS=${xlsxMs.toFixed(0)}`);
      // For scripts/bench.mjs: every sample, so it prints its own rows.
      console.log(
        `REPORT_JSON=${JSON.stringify({
          items: ITEMS,
          pdf: pdfTimes,
          pdfCold: pdfColdMs,
          xlsx: xlsxTimes,
          pages,
          bytes,
          summaryPdf: summaryPdfTimes,
          summaryDocx: summaryDocxTimes,
          summaryPages,
        })}`,
      );
    } finally {
      await printer.close();
      await services.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
