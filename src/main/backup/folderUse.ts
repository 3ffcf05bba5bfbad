// Who has a data folder open. Every process that opens one (the desktop window, the preview
// server, the command line) notes itself in <data>/in-use/<pid>-<uuid>.json and removes the note
// when it closes the folder. A restore replaces the whole database, so it is refused while any
// other live process holds the folder: that process would go on writing into data it no longer
// understands. A process killed without closing leaves its note behind; a note whose process no
// longer runs is ignored (and removed by the next process that registers).
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../api/errors';
import { processAlive } from '../durability/durableFiles';
import { currentLogProcess } from '../logging/log';

export const IN_USE_DIR = 'in-use';
const NOTE_NAME = /^(\d+)-[0-9a-f-]{36}\.json$/;

export type FolderFace = 'window' | 'preview' | 'cli' | 'worker';

export interface FolderUser {
  pid: number;
  face: FolderFace;
  /** ISO time the process opened the folder. */
  startedAt: string;
}

/** The face of this process, as the log names it (the Electron main process is the window). */
function currentFace(): FolderFace {
  const name = currentLogProcess();
  return name === 'main' ? 'window' : name;
}

export interface FolderUse {
  /** Removes this process's note (idempotent). */
  release(): void;
}

/**
 * Notes this process as a holder of `dataDir`. Best effort: a read-only folder must not keep the
 * program from opening it, so a failure to write the note is swallowed (the folder then simply
 * does not show as in use).
 */
export function registerFolderUse(dataDir: string, face: FolderFace = currentFace()): FolderUse {
  const dir = path.join(dataDir, IN_USE_DIR);
  const file = path.join(dir, `${process.pid}-${uuidv7()}.json`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    removeDeadNotes(dir);
    const note: FolderUser = { pid: process.pid, face, startedAt: new Date().toISOString() };
    fs.writeFileSync(file, JSON.stringify(note));
  } catch {
    // see above
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      fs.rmSync(file, { force: true });
    },
  };
}

function removeDeadNotes(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const match = NOTE_NAME.exec(name);
    if (match && !processAlive(Number(match[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** The live processes other than this one that hold `dataDir` open, oldest first. */
export function folderUsers(dataDir: string): FolderUser[] {
  const dir = path.join(dataDir, IN_USE_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const users: FolderUser[] = [];
  for (const name of names) {
    const match = NOTE_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || !processAlive(pid)) continue;
    let note: Partial<FolderUser> = {};
    try {
      note = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Partial<FolderUser>;
    } catch {
      // a note being written this instant: the pid in its name is enough
    }
    users.push({ pid, face: note.face ?? 'window', startedAt: note.startedAt ?? '' });
  }
  return users.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

const FACE_NAMES: Record<FolderFace, string> = {
  window: '督导台窗口',
  preview: '浏览器预览',
  cli: '命令行',
  worker: '后台任务',
};

function describeUser(user: FolderUser): string {
  const since = user.startedAt ? `，${dayjs(user.startedAt).format('YYYY-MM-DD HH:mm')} 起` : '';
  return `${FACE_NAMES[user.face] ?? '另一个程序'}（进程 ${user.pid}${since}）`;
}

export function inUseError(what: string): ApiError {
  return new ApiError('E_IN_USE', `数据文件夹正被另一个窗口或命令行使用（${what}），请先关闭它再恢复，数据没有改动。`);
}

/** Refuses (E_IN_USE) while another live process holds the folder. */
export function refuseIfFolderInUse(dataDir: string): void {
  const users = folderUsers(dataDir);
  if (users.length > 0) throw inUseError(users.map(describeUser).join('、'));
}
export const foldersUsers = folderUsers;
