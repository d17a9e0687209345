// Turn a raw row into a canonical record, cell by cell, naming the column, value and reason of each problem.
import type { MappingColumn, MappingFile, RegisterFile } from '../model/types.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import { compileFormat, parseBoolean, parseDate, parseIso, parseNumber, type DateFormat } from './convert.ts';
import { RECORD_SCHEMAS } from './records.ts';

export interface CellProblem {
  code: string;
  column: string;
  value: string;
  args: Record<string, string | number>;
}

interface PropSchema {
  type?: string | string[];
  enum?: string[];
  pattern?: string;
}

/** Id and name lookups from the campus register (a name or an id is accepted, case-insensitive for ids). */
export interface RegisterIndex {
  campus: Map<string, string>;
  building: Map<string, string>;
  provider: Map<string, string>;
  place: Map<string, string>;
  buildingCampus: Map<string, string>;
  placeCampus: Map<string, string>;
}

export function indexRegister(reg: RegisterFile | undefined): RegisterIndex {
  const idx: RegisterIndex = { campus: new Map(), building: new Map(), provider: new Map(), place: new Map(), buildingCampus: new Map(), placeCampus: new Map() };
  if (!reg) return idx;
  const put = (m: Map<string, string>, id: string, ...names: string[]): void => {
    m.set(id, id);
    m.set(id.toLowerCase(), id);
    for (const n of names) m.set(n, id);
  };
  for (const c of reg.campuses) put(idx.campus, c.id, c.name.zh, ...(c.name.en ? [c.name.en] : []));
  for (const p of reg.providers) put(idx.provider, p.id, p.name);
  for (const b of reg.buildings) {
    put(idx.building, b.id, b.name);
    idx.buildingCampus.set(b.id, b.campus);
  }
  for (const p of reg.places ?? []) {
    put(idx.place, p.id, p.name);
    idx.placeCampus.set(p.id, p.campus);
  }
  return idx;
}

interface CompiledColumn {
  col: MappingColumn;
  headers: string[];
  header?: string;
  format?: DateFormat;
  prop: PropSchema;
  isTime: boolean;
  isDate: boolean;
}

export interface CompiledMapping {
  kind: RecordKind;
  columns: CompiledColumn[];
  /** Headers the mapping needs but the file lacks. */
  missing: { field: string; headers: string[] }[];
  /** Headers present in the file that nothing maps (reported once, not per row). */
  unused: string[];
}

/** Identity mapping for canonical files: headers are the field names, times are ISO 8601. */
export function canonicalMapping(kind: RecordKind): MappingFile {
  const props = (RECORD_SCHEMAS[kind] as { properties: Record<string, unknown> }).properties;
  return { kind: 'mapping', id: `canonical-${kind}`, title: { zh: `标准格式 ${kind}` }, record_kind: kind, columns: Object.keys(props).map((field) => ({ field, header: field })) };
}

export function compileMapping(m: MappingFile, fileHeaders: string[] | undefined): CompiledMapping {
  const props = (RECORD_SCHEMAS[m.record_kind] as { properties: Record<string, PropSchema> }).properties;
  const present = fileHeaders ? new Set(fileHeaders) : undefined;
  const missing: CompiledMapping['missing'] = [];
  const used = new Set<string>();
  const columns = m.columns.map((col) => {
    const prop = props[col.field] ?? {};
    const isTime = typeof prop.pattern === 'string' && prop.pattern.includes('T\\d{2}');
    const isDate = typeof prop.pattern === 'string' && !isTime && prop.pattern.startsWith('^\\d{4}-\\d{2}-\\d{2}$');
    const headers = col.header === undefined ? [] : Array.isArray(col.header) ? col.header : [col.header];
    const c: CompiledColumn = { col, headers, prop, isTime, isDate };
    if (headers.length) {
      const found = present ? headers.find((h) => present.has(h)) : headers[0];
      if (found) {
        c.header = found;
        used.add(found);
      } else if (present && !col.optional) missing.push({ field: col.field, headers });
    }
    const fmt = col.format ?? (isTime ? 'iso' : undefined);
    // A format that does not compile reads no cell (each is reported), never silently as ISO 8601; validate refuses it first (CH246).
    if (fmt) c.format = compileFormat(fmt) ?? { source: fmt, parse: () => undefined };
    return c;
  });
  // A canonical file need not carry every optional column.
  const realMissing = m.id.startsWith('canonical-') ? missing.filter((x) => (RECORD_SCHEMAS[m.record_kind] as { required: string[] }).required.includes(x.field)) : missing;
  for (const h of m.ignore ?? []) used.add(h);
  return { kind: m.record_kind, columns, missing: realMissing, unused: fileHeaders ? fileHeaders.filter((h) => h && !used.has(h)) : [] };
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function applyMapping(
  cm: CompiledMapping,
  values: Record<string, unknown>,
  ctx: { tz: string; register: RegisterIndex; byObject: boolean; titleBlock?: Record<string, unknown> },
): { record: Record<string, unknown>; problems: CellProblem[] } {
  const record: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const c of cm.columns) {
    const col = c.col;
    let v: unknown = col.constant !== undefined ? col.constant : c.header !== undefined ? values[c.header] : col.title_block !== undefined ? ctx.titleBlock?.[col.title_block] : undefined;
    const column = c.header ?? col.title_block ?? col.field;
    if (isBlank(v)) {
      if (col.required) problems.push({ code: 'CH302', column, value: '', args: { field: col.field } });
      continue;
    }
    const original = v;
    const shownOf = (): string => (typeof original === 'object' ? JSON.stringify(original) : String(original));
    if (typeof v === 'string') {
      v = v.trim();
      if (col.transform === 'lower') v = (v as string).toLowerCase();
      else if (col.transform === 'upper') v = (v as string).toUpperCase();
    }
    if (col.values) {
      const key = String(v);
      if (Object.hasOwn(col.values, key)) v = col.values[key];
      else {
        // The mapping's own words are the file's words: listed as they are (mapped).
        problems.push({ code: 'CH303', column, value: shownOf(), args: { field: col.field, allowed: Object.keys(col.values).join('、'), mapped: 1 } });
        continue;
      }
    }
    if (col.lookup) {
      const m = ctx.register[col.lookup];
      const id = m.get(String(v)) ?? m.get(String(v).toLowerCase());
      if (!id) {
        problems.push({ code: 'CH306', column, value: shownOf(), args: { field: col.field, what: col.lookup } });
        continue;
      }
      v = id;
    }
    if (c.isTime) {
      const iso = c.format ? c.format.parse(typeof v === 'number' ? String(v) : String(v), ctx.tz) : parseIso(String(v), ctx.tz);
      if (!iso) {
        problems.push({ code: 'CH304', column, value: shownOf(), args: { field: col.field, format: c.format?.source ?? 'iso' } });
        continue;
      }
      v = iso;
    } else if (c.isDate) {
      const d = typeof v === 'number' && c.format ? c.format.parse(String(v), 'UTC')?.slice(0, 10) : parseDate(String(v));
      if (!d) {
        problems.push({ code: 'CH304', column, value: shownOf(), args: { field: col.field, format: c.format?.source ?? 'yyyy-MM-dd' } });
        continue;
      }
      v = d;
    } else {
      const t = c.prop.type;
      if (t === 'integer' || t === 'number') {
        const n = parseNumber(v, t === 'integer');
        if (n === undefined) {
          problems.push({ code: 'CH305', column, value: shownOf(), args: { field: col.field, expected: t === 'integer' ? 'integer' : 'number', expectedZh: t === 'integer' ? '整数' : '数字' } });
          continue;
        }
        v = n;
      } else if (t === 'boolean') {
        const b = parseBoolean(v);
        if (b === undefined) {
          problems.push({ code: 'CH305', column, value: shownOf(), args: { field: col.field, expected: 'true/false', expectedZh: '是/否（true/false）' } });
          continue;
        }
        v = b;
      } else if (t === 'string' && typeof v === 'number') v = String(v);
      if (c.prop.enum && !c.prop.enum.includes(String(v))) {
        problems.push({ code: 'CH303', column, value: shownOf(), args: { field: col.field, allowed: c.prop.enum.filter(Boolean).join(', ') } });
        continue;
      }
    }
    record[col.field] = v;
  }
  // JSON input may carry fields the mapping does not list: they are errors, not silently dropped.
  if (ctx.byObject) {
    const known = new Set(cm.columns.map((c) => c.header ?? c.col.field));
    for (const k of Object.keys(values)) if (!known.has(k)) problems.push({ code: 'CH319', column: k, value: shorten(values[k]), args: { field: k } });
  }
  return { record, problems };
}

function shorten(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}
