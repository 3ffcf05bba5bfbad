// npm run check:office — opens every workbook and Word document the program writes the way a court
// office does, in an office suite: builds each through buildReport() from demo court databases in a
// temp folder (tests/node/officeSamples.ts), converts it with LibreOffice headless to PDF, renders
// the pages to artifacts/office/*.png for a person to look at, and checks the PDF with poppler: no
// blank page, every cell's or paragraph's text printed, a workbook's columns on its first page.
// LibreOffice stands in for WPS and Excel. `npm test` runs it (CI installs headless LibreOffice in
// under a minute; the check itself takes about 20 s); docs/documents.md, "Office 文件 Office files".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'office');
const failures = [];

function fail(zh, en) {
  failures.push(`${zh} / ${en}`);
  console.error(`✗ ${zh} / ${en}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function need(command, purpose) {
  const found = run('sh', ['-c', `command -v ${command}`]);
  if (found.status !== 0) {
    console.error(`缺少 ${command}（${purpose}），无法检查 Office 文件。/ ${command} is missing (${purpose}).`);
    process.exit(1);
  }
}

const squeeze = (text) => text.replace(/\s+/g, '');

function zipEntry(file, name) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => resolve(''));
      zip.readEntry();
    });
  });
}

const unescapeXml = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The texts a file must show when printed: each shared string of a workbook, each paragraph of a document. */
async function expectedTexts(sample) {
  if (sample.format === 'xlsx') {
    const xml = await zipEntry(sample.file, 'xl/sharedStrings.xml');
    return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      unescapeXml([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')),
    );
  }
  const xml = await zipEntry(sample.file, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    unescapeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

async function main() {
  need('soffice', 'LibreOffice, 转换为 PDF');
  need('pdftotext', 'poppler-utils');
  need('pdftoppm', 'poppler-utils');
  need('pdfinfo', 'poppler-utils');

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'court-office-check-'));
  // LibreOffice's own profile in the temp folder: a running office (or another check) keeps its own.
  const profile = `file://${path.join(work, 'lo-profile')}`;
  try {
    const manifest = path.join(work, 'samples.json');
    const build = run(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        '-e',
        `require('./tests/node/officeSamples').writeSampleFiles(${JSON.stringify(work)}).then((w) => require('node:fs').writeFileSync(${JSON.stringify(manifest)}, JSON.stringify(w)))`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (build.status !== 0 || !fs.existsSync(manifest)) {
      console.error('示例文件生成失败。/ Building the sample files failed.');
      process.exit(1);
    }
    const samples = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    for (const sample of samples) {
      const name = `${sample.kind}-${sample.format}`;
      const label = `${sample.title}（${sample.format.toUpperCase()}）`;
      const out = path.join(work, name);
      fs.mkdirSync(out);
      const started = Date.now();
      const converted = run('soffice', [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        sample.file,
      ]);
      const pdf = path.join(out, `${path.basename(sample.file, path.extname(sample.file))}.pdf`);
      if (converted.status !== 0 || !fs.existsSync(pdf)) {
        fail(
          `${label}：LibreOffice 无法转换`,
          `${name}: LibreOffice could not convert it (${converted.stderr.trim()})`,
        );
        continue;
      }
      const info = run('pdfinfo', [pdf]).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
      const [width, height] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
      run('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTIFACTS, name)]);

      const pageTexts = [];
      for (let page = 1; page <= pages; page += 1)
        pageTexts.push(run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']).stdout);
      pageTexts.forEach((text, index) => {
        // A page with nothing but its page number is blank.
        if (squeeze(text).replace(/第\d+页共\d+页/g, '') === '')
          fail(`${label}第 ${index + 1} 页是空白页`, `${name}: page ${index + 1} is blank`);
      });
      if (sample.format === 'xlsx') {
        if (Math.abs(Math.min(width, height) - 595.3) > 2 || Math.abs(Math.max(width, height) - 841.9) > 2)
          fail(`${label}纸张不是 A4`, `${name}: the paper is not A4 (${width} x ${height})`);
        // -raw keeps a header cell's wrapped lines together (-layout interleaves neighbouring cells).
        const page1 = squeeze(run('pdftotext', ['-raw', '-f', '1', '-l', '1', pdf, '-']).stdout);
        // Fitted to the page width, the table spans most of it: a narrow strip means the scaling went wrong.
        const words = [
          ...run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).stdout.matchAll(
            /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g,
          ),
        ];
        const span = Math.max(...words.map((m) => Number(m[2]))) - Math.min(...words.map((m) => Number(m[1])));
        if (!(span > 0.6 * width))
          fail(
            `${label}第 1 页的表格只占页宽的 ${Math.round((span / width) * 100)}%`,
            `${name}: page 1's table spans only ${Math.round((span / width) * 100)}% of the page width`,
          );
        for (const column of sample.firstPageColumns)
          if (!page1.includes(squeeze(column)))
            fail(`${label}第 1 页没有“${column}”列`, `${name}: page 1 lacks the column “${column}”`);
      }
      // The page numbers ("第 1 页 共 3 页", "— 1 —") fall inside a paragraph that runs over a page.
      const flat = squeeze(
        run('pdftotext', ['-raw', pdf, '-'])
          .stdout.split('\n')
          .filter((line) => !/^\s*(—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页)\s*$/.test(line))
          .join('\n'),
      );
      const missing = (await expectedTexts(sample)).map(squeeze).filter((text) => text && !flat.includes(text));
      for (const text of missing.slice(0, 5))
        fail(`${label}打印后缺少文字“${text.slice(0, 40)}”`, `${name}: text missing when printed`);
      if (missing.length > 5)
        fail(`${label}另有 ${missing.length - 5} 处文字缺少`, `${name}: ${missing.length - 5} more texts missing`);
      console.log(`${label}：${pages} 页，${Date.now() - started} ms → artifacts/office/${name}-*.png`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(
      `\nOffice 文件检查未通过（${failures.length} 项）。/ The Office files check failed (${failures.length}).`,
    );
    process.exit(1);
  }
  console.log(
    '\nOffice 文件检查通过。请查看 artifacts/office/ 下的页面图片。/ Office files check passed; look at artifacts/office/.',
  );
}

main().catch((error) => {
  console.error(`Office 文件检查出错：${error.message} / The Office files check failed to run.`);
  process.exit(1);
});
