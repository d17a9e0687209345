// Opening the store for a command, and reporting a store or disk problem (read-only, busy, full, not a
// store…) as a coded message with the path and exit 1 or 2 — never CH900 with a stack trace.
import { diag, type Diagnostic, type Lang } from '../diagnostics.ts';
import { checkPath, openStore, storeErrorOf, StoreError, type Store, type StoreMode } from '../store/store.ts';
import { EXIT, type Io } from './common.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';

export function storeDiagnostic(e: StoreError): Diagnostic {
  const where = e.code === 'CH003' || e.code === 'CH423' ? '<command line>' : e.code === 'CH416' ? '<environment>' : String(e.args.path ?? '<store>');
  return diag(e.code, where, { line: 1, col: 1 }, e.args);
}

export function reportStoreError(e: StoreError, lang: Lang, json: boolean, io: Io): number {
  const d = storeDiagnostic(e);
  if (json) io.out(JSON.stringify({ ok: false, ...(e.exit === 2 ? { usage_error: true } : {}), diagnostics: [diagnosticJson(d, lang)] }, null, 2));
  else io.err(renderDiagnostic(d, lang, '', style(io.color)));
  return e.exit === 2 ? EXIT.usage : EXIT.problems;
}

/** The store for a command, or the exit code after reporting why it cannot be opened. */
export function openCliStore(path: string, mode: StoreMode, command: string, lang: Lang, json: boolean, io: Io): Store | number {
  try {
    return openStore(path, { mode, command });
  } catch (e) {
    const se = storeErrorOf(e, path, command);
    if (!se) throw e;
    return reportStoreError(se, lang, json, io);
  }
}

/** A store or disk problem met while a command ran (busy, full, read-only …): reported, with its exit
 * code; undefined when the exception is something else (a bug, for CH900). */
export function storeFailure(e: unknown, path: string, command: string, lang: Lang, json: boolean, io: Io): number | undefined {
  const se = storeErrorOf(e, path, command);
  return se ? reportStoreError(se, lang, json, io) : undefined;
}

/** A warning line (or JSON diagnostic) for a store opened read-only by a command that would have written. */
export function runNotRecorded(path: string, why: 'read-only' | 'busy'): Diagnostic {
  const reason = why === 'busy' ? { reason: 'another writer held it past the busy timeout', reasonZh: '数据库正被另一个写入占用，超过了等待时间' } : { reason: 'the store is read-only here', reasonZh: '数据库在此是只读的' };
  return diag('CH414', path, { line: 1, col: 1 }, { path, ...reason });
}

/** Why a store a reading command was given cannot be read, before opening it: a path under a file or a
 * folder (CH403, CH402), else a store that does not exist yet (CH423: submit first, or --db). */
export function missingStore(path: string): Diagnostic {
  try {
    checkPath(path);
  } catch (e) {
    if (e instanceof StoreError && e.exit === 2) return storeDiagnostic(e);
  }
  return diag('CH423', '<command line>', { line: 1, col: 1 }, { path });
}
