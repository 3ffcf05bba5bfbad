// Writing files so that they survive a crash or a power cut: the bytes go to a temporary name in
// the same folder, are flushed to the disk (fsync), and only then take their final name by an
// atomic rename, after which the folder entry itself is flushed. A reader therefore sees either
// no file or the whole file under the final name, never part of one.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';

/** Flushes a file's bytes to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename or a new file) to the disk. Windows cannot open a folder
 * for this and orders renames itself, so there the call does nothing. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch (error) {
    if (isUnsupported(error)) return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

function isUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EACCES' || code === 'ENOTSUP';
}

/** A temporary name beside `target`, in the same folder so the final rename is atomic. */
export function siblingTemp(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${uuidv7()}.part`);
}

/** Renames a flushed file into place and flushes the folder. */
export function renameDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
}

/** True while a process with this id runs on this machine (EPERM: it runs as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The JSON lines of an append-only file (a journal, the sync history). A line cut short by a
 * crash — only ever the last — is skipped rather than hiding the rest; no file, no lines. */
export function readJsonLines<T>(file: string): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const lines: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      lines.push(JSON.parse(line) as T);
    } catch {
      // torn by a crash
    }
  }
  return lines;
}
