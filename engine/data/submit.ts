// `charter submit` as a plain function: a file in, a recorded submission (or a refusal) out.
// All-or-nothing by default; with acceptValid the valid rows are stored and every rejected row goes
// to a rejects file with its reasons. A record submitted before is replaced and its old version kept.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import { diag, message, type Diagnostic, type Lang } from '../diagnostics.ts';
import type { MappingFile } from '../model/types.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { applyMapping, canonicalMapping, compileMapping, type CellProblem, type RegisterIndex } from './mapping.ts';
import { checkDataFile, openTable, ReadError, type RawRow } from './readers.ts';
import { encodingReason } from './encoding.ts';
import { limits } from './limits.ts';
import { RejectsWriter } from './rejects.ts';
import { instantToIso } from './convert.ts';
import { ColumnEncoder, hasColumns, monthOf, rebuildColumns, writeColumns } from '../store/columns.ts';
import { EVENT_FIELD, recordKey, recordValidator, TIME_ORDER } from './records.ts';

export interface SubmitOptions {
  file: string;
  /** How the file is named in messages. */
  display: string;
  kind: RecordKind;
  mapping?: MappingFile;
  provider?: string;
  period?: string;
  encoding?: string;
  sheet?: string;
  acceptValid: boolean;
  rejectsDir: string;
  now: Date;
  tz: string;
  register: RegisterIndex;
  activities: Set<string>;
  store: Store;
  /** Language of the reasons written to the rejects file. */
  lang?: Lang;
  /** How many problems to keep in memory for the report; all of them go to the rejects file. */
  keep?: number;
  onProgress?: (rows: number) => void;
  /** Checks of one kind of file beyond its mapping (the inspection round workbook: result words, rounds). */
  rowHook?: RowHook;
}

/** Row checks a file format adds to the mapping's, e.g. the inspection round workbook's (engine/inspections/readback.ts). */
export interface RowHook {
  /** Before mapping. `skip` leaves the row out, counted under that group (a round's rows left blank: not
   *  inspected, not an error); `problems` reject it, and the mapping adds no second problem for the same column. */
  before?(raw: RawRow): { skip?: string; problems?: CellProblem[] } | undefined;
  /** After mapping, for a row with no other problem. */
  after?(record: Record<string, unknown>, raw: RawRow): CellProblem[];
}

export interface SubmitResult {
  status: 'stored' | 'refused' | 'partial';
  submissionId?: number;
  format: string;
  encoding?: string;
  /** How the encoding was decided, e.g. "UTF-8（BOM）" (CSV only). */
  encodingReason?: { zh: string; en: string };
  sha256: string;
  total: number;
  accepted: number;
  rejected: number;
  replaced: number;
  flagged: number;
  /** File-level problems (a missing column, an unreadable file): nothing was stored. */
  fileProblems: Diagnostic[];
  /** Row problems, the first `keep` of them. */
  problems: Diagnostic[];
  problemCount: number;
  warnings: Diagnostic[];
  rejectsFile?: string;
  /** Rows a row hook left out, per group (a round's blank result rows), in the order first seen. */
  skipped: { group: string; rows: number }[];
  /** Rows whose cells were all empty: left out, not counted in `total`, never rejected. */
  blank: number;
}

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function submit(o: SubmitOptions): Promise<SubmitResult> {
  const keep = o.keep ?? 1000;
  const lim = limits();
  // Before a byte is read: a folder, FIFO or device, or a file over the size limit, is refused.
  const notFile = checkDataFile(o.file, lim);
  if (notFile) return { status: 'refused', format: '', sha256: '', total: 0, accepted: 0, rejected: 0, replaced: 0, flagged: 0, fileProblems: [diag(notFile.code, o.display, { line: 1, col: 1 }, { ...notFile.args, value: o.display })], problems: [], problemCount: 0, warnings: [], skipped: [], blank: 0 };
  const hash = await sha256(o.file);
  const result: SubmitResult = { status: 'refused', format: '', sha256: hash, total: 0, accepted: 0, rejected: 0, replaced: 0, flagged: 0, fileProblems: [], problems: [], problemCount: 0, warnings: [], skipped: [], blank: 0 };
  const mapping = o.mapping ?? canonicalMapping(o.kind);
  if (mapping.record_kind !== o.kind) {
    result.fileProblems.push(diag('CH320', o.display, { line: 1, col: 1 }, { mapping: mapping.id, mappingKind: mapping.record_kind, kind: o.kind }));
    return result;
  }
  let table;
  try {
    const opts: { encoding?: string; legacyEncoding?: string; sheet?: string; headerRow?: number } = {};
    if (o.encoding) opts.encoding = o.encoding;
    if (mapping.encoding) opts.legacyEncoding = mapping.encoding;
    const sheet = o.sheet ?? mapping.sheet;
    if (sheet) opts.sheet = sheet;
    if (mapping.header_row) opts.headerRow = mapping.header_row;
    table = await openTable(o.file, opts, lim);
  } catch (e) {
    if (e instanceof ReadError) {
      result.fileProblems.push(diag(e.code, o.display, { line: e.line, col: e.col }, e.args));
      return result;
    }
    throw e;
  }
  result.format = table.format;
  if (table.encoding) result.encoding = table.encoding;
  if (table.detected) result.encodingReason = encodingReason(table.detected);
  const tabular = table.format === 'csv' || table.format === 'xlsx';
  const cm = compileMapping(mapping, tabular ? table.headers : undefined);
  const headerLine = mapping.header_row ?? 1;
  for (const m of cm.missing) {
    result.fileProblems.push(diag('CH301', o.display, { line: headerLine, col: 1 }, { field: m.field, header: m.headers.join(' / '), present: table.headers.join(', ') }));
  }
  if (result.fileProblems.length) return result;
  for (const h of cm.unused) {
    result.warnings.push(diag('CH322', o.display, { line: headerLine, col: table.headers.indexOf(h) + 1 }, { header: h }));
  }
  const colOf = (column: string): number => (tabular ? table.headers.indexOf(column) + 1 : 0);
  const headerOf = new Map(cm.columns.map((c) => [c.col.field, c.header ?? c.col.field]));
  const cellOf = (field: string): string => headerOf.get(field) ?? field;
  // Messages quote the value as the user wrote it (2026/3/5 8:10, an Excel serial), never the converted one.
  const written = (raw: RawRow, field: string, record: Record<string, unknown>): string => {
    const h = headerOf.get(field);
    // A value from a mapping constant or --provider was not written in the file: show it as stored.
    const v = h !== undefined && Object.hasOwn(raw.values, h) ? raw.values[h] : record[field];
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

  const db = o.store.db;
  const rejects = new RejectsWriter(join(o.rejectsDir, `${basename(o.file).replace(/\.[^.]+$/, '')}.${hash.slice(0, 8)}.rejects.csv`), table.headers);
  const insert = db.prepare('INSERT INTO records (kind, record_key, provider, campus, event_at, data, flags, submission_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, record_key) DO NOTHING');
  const owner = db.prepare('SELECT submission_id AS s, event_at AS e FROM records WHERE kind = ? AND record_key = ?');
  // The columnar projection of the months this submission writes: a month that held no records is built
  // from the rows in hand; a month that did (or loses a replaced record) is rebuilt from the table at the end.
  const fresh = new Map<string, ColumnEncoder>();
  const rebuild = new Set<string>();
  const project = (month: string, key: string, ev: string | null, record: Record<string, unknown>, data: string): void => {
    let e = fresh.get(month);
    if (!e && !rebuild.has(month)) {
      if (hasColumns(db, o.kind, month)) rebuild.add(month);
      else fresh.set(month, (e = new ColumnEncoder(o.kind)));
    }
    e?.add(key, ev, record, data);
  };
  const keepOld = db.prepare('INSERT INTO record_history (kind, record_key, data, flags, submission_id, replaced_by) SELECT kind, record_key, data, flags, submission_id, ? FROM records WHERE kind = ? AND record_key = ?');
  const replace = db.prepare('UPDATE records SET provider = ?, campus = ?, event_at = ?, data = ?, flags = ?, submission_id = ? WHERE kind = ? AND record_key = ?');
  const validateRecord = recordValidator(o.kind);
  const eventField = EVENT_FIELD[o.kind];
  const order = TIME_ORDER[o.kind] ?? [];
  const ctx = { tz: o.tz, register: o.register, byObject: !tabular };
  const reg = o.register;
  const checkRefs = reg.campus.size > 0;

  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const sub = db
      .prepare('INSERT INTO submissions (submitted_at, file_name, file_sha256, format, encoding, kind, provider, period, mapping, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(instantToIso(o.now.getTime(), o.tz), basename(o.file), hash, table.format, table.encoding ?? null, o.kind, o.provider ?? null, o.period ?? null, o.mapping?.id ?? null, o.acceptValid ? 'accept-valid' : 'all-or-nothing');
    const subId = Number(sub.lastInsertRowid);

    // A workbook read sheet by sheet names the sheet with the file: book.xlsx[sheet]:row:col.
    let shownFile = o.display;
    const problem = (row: number, p: CellProblem): Diagnostic => diag(p.code, shownFile, { line: row, col: colOf(p.column) }, { ...p.args, column: p.column, value: p.value, row });
    const skipped = new Map<string, number>();
    for await (const batch of table.rows) for (const raw of batch) {
      result.total++;
      shownFile = raw.sheet !== undefined ? `${o.display}[${raw.sheet}]` : o.display;
      if (result.total > lim.rows) throw new ReadError('CH331', { limit: lim.rows }, raw.row);
      if (o.onProgress && result.total % 50000 === 0) o.onProgress(result.total);
      const found: Diagnostic[] = [];
      let record: Record<string, unknown> = {};
      const pre = raw.problem ? undefined : o.rowHook?.before?.(raw);
      if (pre?.skip !== undefined) {
        skipped.set(pre.skip, (skipped.get(pre.skip) ?? 0) + 1);
        continue;
      }
      // Problems with the row as read: each cell at fault. A row whose cells do not line up with the header
      // (CH315) or that is not a record at all (bad JSON) cannot be read further; otherwise the mapping still
      // reads the row's other cells, so the provider sees every problem of the row at once.
      const structural = raw.problems ?? (raw.problem ? [raw.problem] : []);
      for (const p of structural) {
        const header = tabular && p.col !== undefined ? table.headers[p.col - 1] : undefined;
        found.push(diag(p.code, shownFile, { line: raw.row, col: p.col ?? 1 }, { ...p.args, ...(header && p.args?.column === undefined ? { column: header } : {}), detail: p.detail, row: raw.row }));
      }
      const readable = structural.every((p) => p.col !== undefined);
      if (readable) {
        const mapped = applyMapping(cm, raw.values, raw.titleBlock ? { ...ctx, titleBlock: raw.titleBlock } : ctx);
        record = mapped.record;
        const claimed = new Set((pre?.problems ?? []).map((p) => p.column));
        for (const p of structural) if (tabular && p.col !== undefined && table.headers[p.col - 1]) claimed.add(table.headers[p.col - 1]!);
        for (const p of pre?.problems ?? []) found.push(problem(raw.row, p));
        for (const p of mapped.problems) if (!claimed.has(p.column)) found.push(problem(raw.row, p));
        for (const p of mapped.problems) claimed.add(p.column);
        const at = (field: string, code: string, args: Record<string, string | number>): void => {
          claimed.add(cellOf(field));
          found.push(problem(raw.row, { code, column: cellOf(field), value: written(raw, field, record), args: { field, ...args } }));
        };
        if (o.provider !== undefined) {
          if (record.provider === undefined) record.provider = o.provider;
          else if (record.provider !== o.provider) at('provider', 'CH314', { expected: o.provider });
        }
        if (checkRefs) {
          if (record.provider !== undefined && !reg.provider.has(String(record.provider))) at('provider', 'CH306', { what: 'provider' });
          if (record.campus !== undefined && reg.campus.get(String(record.campus)) !== record.campus) at('campus', 'CH306', { what: 'campus' });
          if (record.building !== undefined) {
            const campus = reg.buildingCampus.get(String(record.building));
            if (campus === undefined) at('building', 'CH306', { what: 'building' });
            else if (record.campus !== undefined && campus !== record.campus) at('building', 'CH321', { campus: String(record.campus), actual: campus });
          }
          if (record.area !== undefined && !reg.placeCampus.has(String(record.area))) at('area', 'CH306', { what: 'place' });
          if (record.station !== undefined && !reg.placeCampus.has(String(record.station))) at('station', 'CH306', { what: 'place' });
        }
        if (record.activity !== undefined && !o.activities.has(String(record.activity))) at('activity', 'CH306', { what: 'activity' });
        // Every problem of the row, not only the first: the record's own checks run too, except on a column
        // already reported (a value that could not be read is not also "missing").
        // A row a file format's hook refused (a round workbook row left without its result) is not also checked
        // as a record: its other cells are blank by design, and the hook's message says what to do.
        if (!pre?.problems?.length && !validateRecord(record)) {
          for (const e of validateRecord.errors ?? []) {
            // Alternatives (inspection-results: `result` or the older `passed`): name the first, once.
            if (e.keyword === 'anyOf' || (e.keyword === 'required' && /^#\/anyOf\/[1-9]/.test(e.schemaPath))) continue;
            if (e.keyword === 'required') {
              const field = (e.params as { missingProperty: string }).missingProperty;
              if (claimed.has(cellOf(field))) continue;
              claimed.add(cellOf(field));
              found.push(problem(raw.row, { code: 'CH302', column: cellOf(field), value: '', args: { field } }));
            } else {
              const field = e.instancePath.slice(1).split('/')[0] ?? '';
              if (claimed.has(cellOf(field))) continue;
              claimed.add(cellOf(field));
              found.push(problem(raw.row, { code: 'CH308', column: cellOf(field), value: String(record[field] ?? ''), args: { field, detail: e.message ?? e.keyword } }));
            }
          }
        }
        if (found.length === 0 && o.rowHook?.after) for (const p of o.rowHook.after(record, raw)) found.push(problem(raw.row, p));
        if (o.period !== undefined && record[eventField] !== undefined && !claimed.has(cellOf(eventField))) {
          const ev = String(record[eventField]);
          if (ev.slice(0, 7) !== o.period) at(eventField, 'CH313', { period: o.period });
        }
      }
      if (found.length) {
        result.rejected++;
        result.problemCount += found.length;
        for (const d of found) if (result.problems.length < keep) result.problems.push(d);
        rejects.add(raw, found.map((d) => `${d.code} ${message(d, o.lang ?? 'zh').message}`));
        continue;
      }
      // Impossible times are kept and flagged, never fixed.
      const flags: string[] = [];
      for (const [a, b] of order) {
        const va = record[a];
        const vb = record[b];
        // Canonical times share the zone's offset, so text order is time order; otherwise parse.
        if (typeof va === 'string' && typeof vb === 'string' && (va.length === vb.length && va.slice(19) === vb.slice(19) ? vb < va : Date.parse(vb) < Date.parse(va))) {
          flags.push(`impossible-time:${b}<${a}`);
          // Named by the file's columns and read as local times (an Excel serial is shown as the time it is).
          const beforeColumn = headerOf.has(a) && headerOf.get(a) !== a ? headerOf.get(a)! : '';
          if (result.warnings.length < keep) result.warnings.push(problem(raw.row, { code: 'CH309', column: cellOf(b), value: written(raw, b, record), args: { field: b, before: a, beforeValue: written(raw, a, record), valueAt: vb, beforeValueAt: va, beforeColumn } }));
        }
      }
      if (flags.length) result.flagged++;
      const key = recordKey(o.kind, record);
      const data = JSON.stringify(record);
      const flagText = flags.length ? JSON.stringify(flags) : null;
      const provider = (record.provider as string | undefined) ?? null;
      const campus = (record.campus as string | undefined) ?? null;
      // Surveys are dated by month; store them at its first day so month ranges find them.
      const evRaw = (record[eventField] as string | undefined) ?? null;
      const ev = evRaw !== null && o.kind === 'surveys' ? `${evRaw}-01` : evRaw;
      if (Number(insert.run(o.kind, key, provider, campus, ev, data, flagText, subId).changes) === 0) {
        const prev = owner.get(o.kind, key) as { s: number; e: string | null };
        if (prev.s === subId) {
          const d = problem(raw.row, { code: 'CH307', column: cellOf(o.kind === 'equipment-counts' || o.kind === 'surveys' ? eventField : 'id'), value: key, args: { key } });
          result.rejected++;
          result.problemCount++;
          if (result.problems.length < keep) result.problems.push(d);
          rejects.add(raw, [`CH307 ${message(d, o.lang ?? 'zh').message}`]);
          continue;
        }
        keepOld.run(subId, o.kind, key);
        replace.run(provider, campus, ev, data, flagText, subId, o.kind, key);
        rebuild.add(monthOf(prev.e));
        result.replaced++;
      }
      project(monthOf(ev), key, ev, record, data);
      result.accepted++;
    }

    result.skipped = [...skipped].map(([group, rows]) => ({ group, rows }));
    result.blank = table.blank.rows;
    // The rejects file is complete and in place before the commit: a success is never reported without it.
    const rejectsPath = rejects.close();
    if (result.rejected > 0 && !o.acceptValid) {
      db.exec('ROLLBACK');
      result.status = 'refused';
      result.accepted = 0;
      result.replaced = 0;
    } else {
      db.prepare('UPDATE submissions SET rows_total = ?, rows_accepted = ?, rows_rejected = ?, rows_replaced = ?, rows_flagged = ? WHERE id = ?').run(result.total, result.accepted, result.rejected, result.replaced, result.flagged, subId);
      for (const [month, e] of fresh) writeColumns(db, o.kind, month, e);
      rebuildColumns(db, o.kind, rebuild);
      db.exec('COMMIT');
      result.submissionId = subId;
      result.status = result.rejected ? 'partial' : 'stored';
    }
    committed = true;
    if (rejectsPath) result.rejectsFile = rejectsPath;
  } catch (e) {
    rejects.discard(!committed); // first: a failing ROLLBACK must not leave the .partial behind
    // SQLite rolls back by itself on SQLITE_FULL and some I/O errors: a second ROLLBACK would hide the cause.
    if (!committed && db.isTransaction) db.exec('ROLLBACK');
    if (e instanceof ReadError) {
      result.fileProblems.push(diag(e.code, o.display, { line: e.line, col: e.col }, e.args));
      result.status = 'refused';
      result.accepted = 0;
      return result;
    }
    throw e;
  }
  return result;
}
