// The rejects file of `charter submit`: every rejected row with its row number, its reasons and its
// original cells, for the provider to correct in Excel. Written through the neutralising CSV writer
// (csv-write.ts: a provider's "=HYPERLINK(…)" cell comes back as text, never as a formula).
// The file is written under a temporary name (<file>.<pid>-<n>.partial), synced and renamed into place
// before the submission commits, so a reported success always has its rejects file. A failed run removes
// its .partial; an interrupted one (SIGINT, SIGTERM, SIGHUP) removes it before dying; one killed outright
// (kill -9) leaves it, and the next run in that folder removes it once its process is gone.
import { accessSync, closeSync, constants, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CSV_BOM, CSV_EOL, csvLine } from './csv-write.ts';
import type { RawRow } from './readers.ts';

const PARTIAL = /\.rejects\.csv(?:\.(\d+)-\d+)?\.partial$/;

/** Temporary files of this process, removed if it is interrupted or exits before finishing them. */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;
const removeLive = (): void => {
  for (const f of live) rmSync(f, { force: true });
  live.clear();
};
const onSignal = (sig: NodeJS.Signals): void => {
  removeLive();
  uninstall();
  process.kill(process.pid, sig); // die of the same signal, as without this handler
};
function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeLive);
}
function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeLive);
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
};

/** Remove the .partial rejects files in dir left by runs that are no longer running (killed with -9).
 * Files without a process id come from Charter versions that named them <file>.partial: always stale. */
export function sweepStalePartials(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (!m || (m[1] !== undefined && alive(Number(m[1])))) continue;
    const f = join(dir, name);
    if (live.has(f)) continue;
    rmSync(f, { force: true });
    removed.push(f);
  }
  return removed;
}

let seq = 0;

export class RejectsWriter {
  readonly path: string;
  readonly tmp: string;
  private readonly headers: string[];
  private fd: number | undefined;
  private buf: string[] = [];
  private state: 'empty' | 'writing' | 'placed' | 'gone' = 'empty';

  constructor(path: string, headers: string[]) {
    this.path = path;
    this.headers = headers;
    this.tmp = `${path}.${process.pid}-${++seq}.partial`;
    sweepStalePartials(dirname(path));
  }

  add(row: RawRow, reasons: string[]): void {
    if (this.state === 'empty') {
      mkdirSync(dirname(this.path), { recursive: true });
      install();
      live.add(this.tmp);
      this.fd = openSync(this.tmp, 'w');
      this.state = 'writing';
      const head = this.headers.length ? this.headers : ['record'];
      this.buf.push(CSV_BOM + csvLine(['行号 row', '问题 problems', ...head]) + CSV_EOL);
    }
    if (this.state !== 'writing') throw new Error('RejectsWriter: add after close');
    const cells = Array.isArray(row.raw) ? row.raw : [row.raw];
    this.buf.push(csvLine([row.row, reasons.join('；'), ...cells]) + CSV_EOL);
    if (this.buf.length >= 1000) this.flush();
  }

  private flush(): void {
    if (this.fd !== undefined && this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
  }

  private release(): void {
    if (this.fd !== undefined) {
      const fd = this.fd;
      this.fd = undefined;
      closeSync(fd);
    }
  }

  /** Write out, sync and move the file into place; its path, or undefined when no row was rejected. */
  close(): string | undefined {
    if (this.state === 'empty') return undefined;
    if (this.state === 'placed') return this.path;
    if (this.state !== 'writing') throw new Error('RejectsWriter: closed after discard');
    try {
      this.flush();
      fsyncSync(this.fd!);
      this.release();
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.discard();
      throw e;
    }
    live.delete(this.tmp);
    if (!live.size) uninstall();
    this.state = 'placed';
    return this.path;
  }

  /** Leave nothing behind: the temporary file, and with `placed` also a file already moved into place
   * (the submission it belongs to did not commit). Safe to call more than once. */
  discard(placed = false): void {
    try {
      this.release();
    } catch {
      // already closed by the system: nothing to release
    }
    rmSync(this.tmp, { force: true });
    live.delete(this.tmp);
    if (!live.size) uninstall();
    if (placed && this.state === 'placed') rmSync(this.path, { force: true });
    this.state = 'gone';
  }
}

/**
 * Why dir cannot hold rejects files, in both languages, or undefined when it can (an existing writable
 * folder, or a new one whose nearest existing ancestor is a writable folder).
 */
export function folderProblem(dir: string): { detailZh: string; detailEn: string } | undefined {
  let st;
  try {
    st = lstatSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') return { detailZh: `无法读取（${(e as NodeJS.ErrnoException).code}）`, detailEn: `cannot be read (${(e as NodeJS.ErrnoException).code})` };
    let up = dirname(dir);
    while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
    if (!statSync(up).isDirectory()) return { detailZh: `它位于文件 ${up} 之下`, detailEn: `it lies under the file ${up}` };
    try {
      accessSync(up, constants.W_OK);
    } catch {
      return { detailZh: `不能在 ${up} 中新建目录（没有写权限）`, detailEn: `no folder can be made in ${up} (not writable)` };
    }
    return undefined;
  }
  const target = st.isSymbolicLink() ? statSync(dir, { throwIfNoEntry: false }) : st;
  if (!target) return { detailZh: '它是指向不存在位置的链接', detailEn: 'it is a link to nowhere' };
  if (!target.isDirectory()) return { detailZh: '它是文件，不是目录', detailEn: 'it is a file, not a folder' };
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return { detailZh: '没有写权限', detailEn: 'it is not writable' };
  }
  return undefined;
}
