// One Ajv instance, one compiled validator per kind, made once (compiling per file is a known trap).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { diag, type Diagnostic } from '../diagnostics.ts';
import type { LoadedYaml } from '../load/yaml.ts';
import { fixedLine } from '../load/fixed-line.ts';
import { closest } from '../model/spelling.ts';
import { FILE_KINDS, TYPE_NAMES_ZH, type FileKind } from '../model/vocabulary.ts';
import { CODE_PATTERN, ID_PATTERN, SCHEMAS } from './definitions.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let validators: Map<FileKind, ValidateFunction> | undefined;

function compiled(): Map<FileKind, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  validators = new Map(FILE_KINDS.map((k) => [k, ajv.compile(SCHEMAS[k])]));
  return validators;
}

const FORMAT_EXAMPLES: Record<string, { zh: string; en: string; example: string }> = {
  date: { zh: '日期 YYYY-MM-DD', en: 'a date YYYY-MM-DD', example: '2025-09-01' },
};

export function kindOf(data: unknown): FileKind | undefined {
  const k = (data as { kind?: unknown } | null)?.kind;
  return typeof k === 'string' && (FILE_KINDS as readonly string[]).includes(k) ? (k as FileKind) : undefined;
}

/** Schema-check one loaded file. Returns diagnostics; an empty list means the shape is right. */
export function validateShape(file: LoadedYaml): { kind?: FileKind; diagnostics: Diagnostic[] } {
  const data = file.data;
  const kind = kindOf(data);
  if (!kind) {
    const value = (data as { kind?: unknown } | null)?.kind;
    const pos = data && typeof data === 'object' && 'kind' in data ? file.locate('/kind') : { line: 1, col: 1 };
    return { diagnostics: [diag('CH110', file.file, pos, { value: value === undefined ? '' : String(value), allowed: FILE_KINDS.join(', ') }, '/kind')] };
  }
  const validate = compiled().get(kind)!;
  if (validate(data)) return { kind, diagnostics: [] };
  return { kind, diagnostics: toDiagnostics(validate.errors ?? [], file) };
}

function toDiagnostics(errors: ErrorObject[], file: LoadedYaml): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // A misspelled required key (obligaton: for obligation:) is one slip: the unknown key says "did you mean",
  // and the "missing" report for the key it was meant to be is dropped.
  const meant = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const suggest = suggestKey(e);
    if (suggest) meant.add(`${e.instancePath}|${suggest}`);
  }
  for (const e of errors) {
    if (e.keyword === 'required' && meant.has(`${e.instancePath}|${(e.params as { missingProperty: string }).missingProperty}`)) continue;
    const d = one(e, file);
    if (!d) continue;
    const key = `${d.code}|${d.pointer}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function one(e: ErrorObject, file: LoadedYaml): Diagnostic | undefined {
  const p = e.instancePath;
  const parent = e.parentSchema as { properties?: Record<string, unknown>; enum?: unknown[] } | undefined;
  switch (e.keyword) {
    case 'required': {
      const property = (e.params as { missingProperty: string }).missingProperty;
      return diag('CH111', file.file, file.locate(p), { property }, p);
    }
    case 'additionalProperties': {
      const property = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(parent?.properties ?? {}).join(', ');
      const ptr = `${p}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const pos = file.locate(ptr, 'key');
      // In a flow map {…}, an unquoted comma inside text splits it into a bogus key.
      const before = (file.source.split('\n')[pos.line - 1] ?? '').slice(0, pos.col - 1);
      // A key close to an allowed one is a misspelling rather than the tail of unquoted text.
      const suggest = suggestKey(e);
      const comma = !suggest && /\{[^}]*,\s*$/.test(before) && !/:\s*$/.test(before) ? 1 : 0;
      const args: Record<string, string | number> = { property, allowed, comma };
      if (suggest) {
        args.suggest = suggest;
        args.fixed = fixedLine(file.source, pos.line, pos.col, property, suggest);
      }
      return diag('CH112', file.file, pos, args, ptr);
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const types = Array.isArray(t) ? t : t.split(',');
      const actual = e.data === null ? 'null' : Array.isArray(e.data) ? 'array' : typeof e.data;
      return diag(
        'CH113',
        file.file,
        file.locate(p),
        { expected: types.join(' or '), expectedZh: types.map((x) => TYPE_NAMES_ZH[x] ?? x).join('或'), actual: `${actual} ${preview(e.data)}` },
        p,
      );
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      return diag('CH114', file.file, file.locate(p), { value: preview(e.data), allowed: allowed.map(String).join(', ') }, p);
    }
    case 'pattern':
    case 'format': {
      const fmt = e.keyword === 'format' ? (e.params as { format: string }).format : 'pattern';
      const known = FORMAT_EXAMPLES[fmt];
      const pattern = String(e.schema);
      const idLike = pattern === ID_PATTERN;
      const info =
        known ??
        (idLike
          ? { zh: '编号：数字与点（如 5.1.2.6）、子项（如 4.3-1）或“方案:代码”', en: 'an id: a clause number (5.1.2.6), a sub-item (4.3-1) or "profile:code"', example: '5.1.2.6-2' }
          : pattern === CODE_PATTERN
            ? { zh: '代码：小写字母开头，只含小写字母、数字和连字符', en: 'a code: lower-case letters, digits and hyphens, starting with a letter', example: 'fire-patrol' }
            : { zh: `匹配 ${pattern}`, en: `matching ${pattern}`, example: '1.0.0' });
      return diag('CH115', file.file, file.locate(p), { value: preview(e.data), format: info.en, formatZh: info.zh, example: info.example }, p);
    }
    default: {
      const detail = `${p || '/'} ${e.message ?? e.keyword}`;
      return diag('CH116', file.file, file.locate(p), { detail }, p);
    }
  }
}

/** The allowed key an unknown key was plausibly meant to be (paramters → parameters), or ''. */
function suggestKey(e: ErrorObject): string {
  const property = (e.params as { additionalProperty: string }).additionalProperty;
  const keys = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
  return closest(property, keys);
}

function preview(v: unknown): string {
  // JSON has no infinity or NaN (it would print null): show them as YAML spells them.
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 40 ? s.slice(0, 37) + '…' : s;
}
