// Real files of every kind the evidence check meets, built here from their formats (no fixtures on
// disk): documents it must accept and programs it must refuse. Used by the node tests and the
// browser test of evidence uploads.
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import yazl from 'yazl';

/** A minimal but well-formed PDF (one empty page) carrying `text` in a comment. */
export function pdfFile(text = '会议记录'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = `%PDF-1.4\n%${text}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'utf8');
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a JPEG (SOI, JFIF APP0). */
export const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(200, 0x11),
  Buffer.from('ffd9', 'hex'),
]);

export async function docxFile(text = '整改情况报告'): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(doc);
}

export async function xlsxFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('台账').addRow(['序号', '事项']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The header of an OLE compound file (old .doc/.xls/.ppt and WPS .wps/.et/.dps). */
export function oleFile(): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  return header;
}

/** A zip of the given entries (names and contents). */
export function zipOf(entries: Array<[string, Buffer | string]>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of entries)
      zip.addBuffer(typeof content === 'string' ? Buffer.from(content) : content, name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** An OFD document: a zip with OFD.xml at its root. */
export function ofdFile(): Promise<Buffer> {
  return zipOf([
    [
      'OFD.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>',
    ],
    ['Doc_0/Document.xml', '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>'],
  ]);
}

/** A Windows program: DOS stub ("MZ") pointing at a PE header. */
export function peFile(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84); // i386
  return bytes;
}

/** A Linux program's ELF header. */
export function elfFile(): Buffer {
  const bytes = Buffer.alloc(256);
  Buffer.from('7f454c46020101', 'hex').copy(bytes, 0);
  bytes.writeUInt16LE(2, 16); // executable
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

/** MP3 audio: an ID3 tag then a frame header. */
export const MP3 = Buffer.concat([
  Buffer.from('49443303000000000000', 'hex'),
  Buffer.from('fffb9064', 'hex'),
  Buffer.alloc(400, 0),
]);

/** MP4 video: an ftyp box (isom). */
export const MP4 = Buffer.concat([
  Buffer.from('000000206674797069736f6d0000020069736f6d69736f32617663316d703431', 'hex'),
  Buffer.alloc(400, 0),
]);
