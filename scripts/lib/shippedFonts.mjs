// Copies the fonts the app ships into the build (dist/fonts/), as src/main/reports/fonts/shippedFonts.ts
// reads them: per face its @fontsource package's <weight>.css, the WOFF2 slices those rules name,
// and the licence (SIL Open Font License 1.1, which lets the fonts be redistributed with the program).
// Only the weights the documents use; the faces and weights must match SHIPPED_FACES there
// (tests/node/reportFonts.test.ts checks that every slice the printer may use is copied).
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './processes.mjs';

export const SHIPPED_FONT_PACKAGES = [
  { folder: 'noto-serif-sc', weights: [400, 700] },
  { folder: 'noto-sans-sc', weights: [400, 700] },
];

/** Copies the shipped fonts into `<out>/fonts/`; returns the number of files and bytes copied. */
export function copyShippedFonts(out, packagesDir = path.join(projectRoot, 'node_modules', '@fontsource')) {
  let files = 0;
  let bytes = 0;
  const copy = (from, to) => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    files += 1;
    bytes += fs.statSync(to).size;
  };
  for (const { folder, weights } of SHIPPED_FONT_PACKAGES) {
    const source = path.join(packagesDir, folder);
    const target = path.join(out, 'fonts', folder);
    copy(path.join(source, 'LICENSE'), path.join(target, 'LICENSE'));
    for (const weight of weights) {
      const css = fs.readFileSync(path.join(source, `${weight}.css`), 'utf8');
      copy(path.join(source, `${weight}.css`), path.join(target, `${weight}.css`));
      for (const [, file] of css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g))
        copy(path.join(source, 'files', file), path.join(target, 'files', file));
    }
  }
  return { files, bytes };
}
