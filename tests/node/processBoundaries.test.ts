// Each source file belongs to one process and never imports across (Signal Desktop's rule):
// the renderer has no Node, no SQL, no Electron; shared code is pure; SQL lives only in main.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

function resolvedArea(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.relative('src', path.resolve(path.dirname(file), specifier));
  return target.split(path.sep)[0];
}

function violations(area: string, rule: (file: string, specifier: string) => boolean): string[] {
  return sourceFiles(path.join('src', area)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => rule(file, specifier))
      .map((specifier) => `${file} → ${specifier}`),
  );
}

const NODE_OR_DATA = /^(node:|fs$|path$|child_process$|crypto$|os$|electron$|better-sqlite3$|kysely$|electron-store$)/;

describe('process boundaries', () => {
  it('renderer imports neither Node, Electron, SQL libraries nor main/preload code', () => {
    expect(
      violations(
        'renderer',
        (file, s) => NODE_OR_DATA.test(s) || ['main', 'preload'].includes(resolvedArea(file, s) ?? ''),
      ),
    ).toEqual([]);
  });

  it('shared code is pure: no Node, Electron, SQL, and no process-specific code', () => {
    expect(
      violations(
        'shared',
        (file, s) => NODE_OR_DATA.test(s) || ['main', 'preload', 'renderer'].includes(resolvedArea(file, s) ?? ''),
      ),
    ).toEqual([]);
  });

  it('main never imports renderer or preload code', () => {
    expect(violations('main', (file, s) => ['renderer', 'preload'].includes(resolvedArea(file, s) ?? ''))).toEqual([]);
  });

  it('preload scripts use only shared code (and electron for the Electron preload)', () => {
    expect(
      violations(
        'preload',
        (file, s) =>
          (NODE_OR_DATA.test(s) && s !== 'electron') || ['main', 'renderer'].includes(resolvedArea(file, s) ?? ''),
      ),
    ).toEqual([]);
  });

  it('SQL is written only in the main process data layer and services', () => {
    const sqlPattern = /\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;
    const offenders = ['renderer', 'shared', 'preload'].flatMap((area) =>
      sourceFiles(path.join('src', area)).filter((file) => sqlPattern.test(fs.readFileSync(file, 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });
});
