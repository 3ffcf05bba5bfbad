// The CJK fonts the app ships (Noto Serif SC and Noto Sans SC, SIL Open Font License 1.1, from the
// @fontsource packages) and the @font-face rules that let a printed PDF embed them.
//
// Why: Debian's and most Linux distributions' Noto CJK fonts are CFF-based, and Chromium (Skia)
// embeds CFF outlines as nameless Type 3 glyphs — not searchable, not copyable. The @fontsource
// slices are TrueType outlines in WOFF2, which Chromium embeds as real "CID TrueType" fonts. They
// come last in every font stack (docs/documents.md, 字体), so a court PC with 方正小标宋 / 仿宋 /
// 黑体 / 楷体 installed prints with those, and any other PC still prints real fonts.
//
// The printers add the rules to the document right before printing (fontFaceStyle), only for the
// slices that hold a character of the document. The Electron window (sandboxed, scripts off,
// nothing loaded but the report) gets each slice inline as a data: URL; the Chromium printer of the
// command line and worker threads serves the slices from the font folder under PRINT_ORIGIN, so the
// page fetches only those its text really uses.
import fs from 'node:fs';
import path from 'node:path';

/** A shipped face: the CSS family name used in the stacks, its package folder and the weights shipped. */
export interface ShippedFace {
  family: string;
  folder: string;
  weights: readonly number[];
  /** The CSS weight the files are declared at, when not their own (the title face below). */
  declaredWeight?: number;
}

/**
 * The faces and weights the documents use: text at 400, bold section rows and labels at 700 (a face
 * loaded at 400 only would be emboldened synthetically, which Chromium prints as Type 3 glyphs).
 * Not variable fonts: Skia embeds those as Type 3 too.
 */
export const SHIPPED_FACES: readonly ShippedFace[] = [
  { family: 'Noto Serif SC', folder: 'noto-serif-sc', weights: [400, 700] },
  { family: 'Noto Sans SC', folder: 'noto-sans-sc', weights: [400, 700] },
  // The stand-in for 小标宋: titles are set at the regular weight (as 公文 titles are), and 小标宋 is
  // a heavy Song, so the serif's bold files serve as the title face's regular — a title reads
  // apart from the body, as on a PC with 方正小标宋, without a synthetic bold.
  { family: 'Noto Serif SC Title', folder: 'noto-serif-sc', weights: [700], declaredWeight: 400 },
];

/** CSS family names of the shipped faces, the last entry before the generic family in every stack. */
export const SHIPPED_SERIF = `'${SHIPPED_FACES[0].family}'`;
export const SHIPPED_SANS = `'${SHIPPED_FACES[1].family}'`;
export const SHIPPED_TITLE = `'${SHIPPED_FACES[2].family}'`;

/** One @font-face rule of a shipped face: a WOFF2 slice and the characters it holds. */
interface FontSlice {
  family: string;
  weight: number;
  file: string;
  /** The CSS unicode-range value, as written. */
  unicodeRange: string;
  ranges: Array<[number, number]>;
}

/**
 * The folder holding `<face folder>/<weight>.css`, `<face folder>/files/*.woff2` and the licence:
 * COURT_FONT_DIR if set; the built app's fonts/ next to its bundles (dist/fonts, copied there by
 * scripts/build.mjs; inside the packaged app it is unpacked from app.asar); or, running from the
 * sources (tests, tsx), the @fontsource packages in node_modules.
 */
export function fontDirectory(): string {
  const candidates = [
    process.env.COURT_FONT_DIR,
    // Bundles live in dist/main/ and dist/cli/ (worker threads too: dist/main/jobWorker.js).
    path.join(__dirname, '..', 'fonts'),
    ...nodeModulesCandidates(),
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => SHIPPED_FACES.every((face) => fs.existsSync(path.join(dir, face.folder))));
  if (!found) throw new Error(`找不到随程序提供的字体文件（已查找：${candidates.join('；')}）`);
  return found;
}

function nodeModulesCandidates(): string[] {
  const dirs: string[] = [];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    dirs.push(path.join(dir, 'node_modules', '@fontsource'));
    if (path.dirname(dir) === dir) return dirs;
  }
}

let slicesCache: { dir: string; slices: FontSlice[] } | null = null;

/** Every slice of the shipped weights, read from the packages' own @font-face CSS once per process. */
export function shippedSlices(dir = fontDirectory()): FontSlice[] {
  if (slicesCache?.dir === dir) return slicesCache.slices;
  const slices: FontSlice[] = [];
  for (const face of SHIPPED_FACES) {
    for (const weight of face.weights) {
      const css = fs.readFileSync(path.join(dir, face.folder, `${weight}.css`), 'utf8');
      for (const rule of css.match(/@font-face\s*\{[^}]*\}/g) ?? []) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
        const unicodeRange = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1].trim();
        if (!file || !unicodeRange) continue;
        slices.push({
          family: face.family,
          weight: face.declaredWeight ?? weight,
          file: path.join(dir, face.folder, 'files', file),
          unicodeRange,
          ranges: parseUnicodeRange(unicodeRange),
        });
      }
    }
  }
  slicesCache = { dir, slices };
  return slices;
}

/** "U+4e00-4e2f,U+3001" → [[0x4e00, 0x4e2f], [0x3001, 0x3001]]. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** The code points of a document's text: markup, styles and the stacks' own names left out. */
function codePointsOf(html: string): Set<number> {
  const text = html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)));
  const points = new Set<number>();
  for (const char of text) points.add(char.codePointAt(0)!);
  // Generated content the text does not spell out: page numbers (“— 1 —”, 第 X 页 共 Y 页).
  for (const char of '— 0123456789第页共') points.add(char.codePointAt(0)!);
  return points;
}

/**
 * Code point → the slices (of one face and weight) holding it, built once per slice list: looking
 * each of a long report's thousands of characters up in every slice's ranges took tens of
 * milliseconds per print.
 */
const holderIndexes = new WeakMap<FontSlice, Map<number, FontSlice[]>>();
function holderIndex(slices: FontSlice[]): Map<number, FontSlice[]> {
  const cached = slices.length > 0 ? holderIndexes.get(slices[0]) : undefined;
  if (cached) return cached;
  const index = new Map<number, FontSlice[]>();
  for (const slice of slices) {
    for (const [from, to] of slice.ranges) {
      for (let point = from; point <= to; point += 1) {
        const holders = index.get(point);
        if (!holders) index.set(point, [slice]);
        else if (holders[holders.length - 1] !== slice) holders.push(slice);
      }
    }
  }
  if (slices.length > 0) holderIndexes.set(slices[0], index);
  return index;
}

/**
 * The fewest slices of one face and weight that hold the document's characters. A CJK character
 * sits in one slice only; Latin letters, digits and punctuation sit in several (the Latin slice and
 * CJK slices alike): the slices needed anyway are used for them, else the smallest that holds them.
 * Every slice added is one more font the PDF embeds, and the page footer repeats on every page.
 */
function coveringSlices(slices: FontSlice[], points: Set<number>): FontSlice[] {
  const holdersOf = holderIndex(slices);
  const chosen = new Set<FontSlice>();
  const shared: FontSlice[][] = [];
  for (const point of points) {
    const holders = holdersOf.get(point);
    if (holders?.length === 1) chosen.add(holders[0]);
    else if (holders && holders.length > 1) shared.push(holders);
  }
  for (const holders of shared) {
    if (holders.some((slice) => chosen.has(slice))) continue;
    chosen.add(holders.reduce((a, b) => (fileSize(a) <= fileSize(b) ? a : b)));
  }
  // In the packages' order: where ranges overlap, the browser takes the last rule that holds a character.
  return slices.filter((slice) => chosen.has(slice));
}

const fileSizes = new Map<string, number>();
function fileSize(slice: FontSlice): number {
  let size = fileSizes.get(slice.file);
  if (size === undefined) {
    size = fs.statSync(slice.file).size;
    fileSizes.set(slice.file, size);
  }
  return size;
}

const dataUrlCache = new Map<string, string>();

function dataUrl(file: string): string {
  let url = dataUrlCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrlCache.set(file, url);
  }
  return url;
}

/** Where the Chromium printer serves the document and the font files (playwright's page.route; never the network). */
export const PRINT_ORIGIN = 'http://print.local';

export interface FontFaceOptions {
  /** The font folder (fontDirectory() by default). */
  dir?: string;
  /**
   * 'inline': each slice a data: URL in the rules (the Electron window, which loads nothing else). 'served': URLs under PRINT_ORIGIN, fetched only for the slices the page's
   * text really uses (servedFontFile answers them) — a far smaller document to print.
   */
  source?: 'inline' | 'served';
}

/**
 * The @font-face rules for a document: of each shipped face its stacks name, the slices holding
 * the document's characters. Empty when the document names no shipped face.
 */
export function fontFaceStyle(html: string, options: FontFaceOptions = {}): string {
  const { dir = fontDirectory(), source = 'inline' } = options;
  // The stacks quote every family name, so 'Noto Serif SC' does not match 'Noto Serif SC Title'.
  const faces = SHIPPED_FACES.filter((face) => html.includes(`'${face.family}'`)).map((face) => face.family);
  if (faces.length === 0) return '';
  const points = codePointsOf(html);
  const wanted = shippedSlices(dir).filter((slice) => faces.includes(slice.family));
  const groups = new Map<string, FontSlice[]>();
  for (const slice of wanted) {
    const key = `${slice.family}/${slice.weight}`;
    groups.set(key, [...(groups.get(key) ?? []), slice]);
  }
  const url = (slice: FontSlice) =>
    source === 'inline' ? dataUrl(slice.file) : `${PRINT_ORIGIN}/fonts/${servedName(dir, slice.file)}`;
  return [...groups.values()]
    .flatMap((slices) => coveringSlices(slices, points))
    .map(
      (slice) =>
        `@font-face{font-family:'${slice.family}';font-style:normal;font-weight:${slice.weight};font-display:block;` +
        `src:url(${url(slice)}) format('woff2');unicode-range:${slice.unicodeRange};}`,
    )
    .join('\n');
}

/** "noto-serif-sc/files/noto-serif-sc-4-400-normal.woff2": a slice's path inside the font folder. */
function servedName(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** The file behind a served font URL — only a slice of the shipped fonts, nothing else on disk. */
export function servedFontFile(url: string, dir = fontDirectory()): string | null {
  const prefix = `${PRINT_ORIGIN}/fonts/`;
  if (!url.startsWith(prefix)) return null;
  const name = decodeURIComponent(url.slice(prefix.length));
  return shippedSlices(dir).find((slice) => servedName(dir, slice.file) === name)?.file ?? null;
}

/** The document with a tag added at the start of its <head> (or in front of a fragment without one:
 * a style applies all the same). */
export function addToHead(html: string, tag: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return tag + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + tag + html.slice(end);
}

/** The document with the shipped fonts' rules added at the start of its <head> (the printers call this). */
export function withShippedFonts(html: string, options: FontFaceOptions = {}): string {
  const style = fontFaceStyle(html, options);
  return style ? addToHead(html, `<style data-court-fonts>\n${style}\n</style>`) : html;
}
