// `charter site build --out DIR` replaces DIR with the new build, so it must never delete what Charter did
// not write. Every build leaves a marker file, `.charter-site`, listing the files it wrote; a folder is
// replaced only when it does not exist, is empty, or carries a valid marker and holds nothing beyond the
// files that marker lists. Anything else is refused with a coded error (exit 2: the folder is a path given
// on the command line) and the folder is left exactly as it was.
import { CodedError } from '../diagnostics.ts';
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const MARKER = '.charter-site';
const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface Marker {
  tool: 'charter';
  version: string;
  edition: string;
  /** The data's as-of time (not the wall clock: the same inputs give the same bytes). */
  data_as_of: string;
  /** Every file the build wrote, relative, with "/" separators; the marker itself is not listed. */
  files: string[];
}

/** A refusal to build into a folder; `code` is a CH01x catalogue code, `args` its message arguments. */
export class OutDirError extends CodedError {}

/** Every entry under dir that is not a folder (files, symlinks, sockets …), relative, sorted; symlinked
 * folders are not followed. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

export function readMarker(dir: string): Marker | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Partial<Marker>;
    if (m && m.tool === 'charter' && Array.isArray(m.files) && m.files.every((f) => typeof f === 'string')) return m as Marker;
  } catch {
    // missing, unreadable or not JSON: not a marker
  }
  return undefined;
}

/** Write the marker into a finished build folder. */
export function writeMarker(dir: string, o: { edition: string; asOf: string }): void {
  const files = listFiles(dir).filter((f) => f !== MARKER);
  const m: Marker = { tool: 'charter', version, edition: o.edition, data_as_of: o.asOf, files };
  writeFileSync(join(dir, MARKER), JSON.stringify(m, null, 1) + '\n');
}

function existingAncestor(p: string): string {
  let d = dirname(p);
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** May the build replace outDir? Throws OutDirError when it may not; returns quietly when it may. */
export function checkOutDir(outDir: string): void {
  let st;
  try {
    st = lstatSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutDirError('CH012', { path: outDir, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    // A new folder: it is created after the build, so say now if it cannot be.
    const parent = existingAncestor(outDir);
    if (!statSync(parent).isDirectory()) throw new OutDirError('CH012', { path: outDir, detail: `${parent}: not a folder` });
    try {
      accessSync(parent, constants.W_OK);
    } catch {
      throw new OutDirError('CH012', { path: outDir, detail: `${parent}: not writable` });
    }
    return;
  }
  if (st.isSymbolicLink()) throw new OutDirError('CH012', { path: outDir, detail: 'symlink' });
  if (!st.isDirectory()) throw new OutDirError('CH012', { path: outDir, detail: 'not a folder' });
  let entries: string[];
  try {
    entries = readdirSync(outDir).sort();
  } catch (e) {
    throw new OutDirError('CH012', { path: outDir, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (!entries.length) return;
  const marker = entries.includes(MARKER) ? readMarker(outDir) : undefined;
  if (!marker) throw new OutDirError('CH010', { path: outDir, entry: entries.find((e) => e !== MARKER) ?? MARKER });
  const ours = new Set(marker.files);
  let files: string[];
  try {
    files = listFiles(outDir);
  } catch (e) {
    throw new OutDirError('CH012', { path: outDir, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const foreign = files.find((f) => f !== MARKER && !ours.has(f));
  if (foreign !== undefined) throw new OutDirError('CH011', { path: outDir, entry: foreign });
}
