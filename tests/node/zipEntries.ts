// Reads every entry of a zip file into memory, in the order stored: for tests that look inside
// the files the program writes (sync bundles, diagnostics) or rewrite them.
import yauzl from 'yauzl';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

export function readZipEntries(file: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const found: ZipEntry[] = [];
    yauzl.open(file, { lazyEntries: true, strictFileNames: false, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (readError, stream) => {
          if (readError || !stream) return reject(readError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            found.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
