// Parse one YAML file into plain data plus a way back from a JSON pointer to line:col.
// Problems are collected, never thrown, so one run reports everything.
import { closeSync, fstatSync, openSync, readSync, statSync, constants as fsc } from 'node:fs';
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, type CST, type Document, type Node } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { MAX_ALIAS_COUNT, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_TOKENS } from './limits.ts';
import { findSlips } from './yaml-slips.ts';

export { MAX_ALIAS_COUNT, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_TOKENS };

export interface Position {
  line: number;
  col: number;
}

export interface LoadedYaml {
  file: string;
  source: string;
  data: unknown;
  /** Position of the value at a JSON pointer; falls back to the nearest existing parent. */
  locate(pointer: string, which?: 'value' | 'key'): Position;
  diagnostics: Diagnostic[];
}

export function decodeUtf8(bytes: Uint8Array): { text: string } | { badOffset: number } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { badOffset: firstInvalidUtf8(bytes) };
  }
}

/** Start of the first byte sequence that is not well-formed UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** What a path is when it is not a regular file, for CH119; undefined for a regular file. */
export function specialFileType(st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): { type: string; typeZh: string } | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return { type: 'a folder', typeZh: '目录' };
  if (st.isFIFO()) return { type: 'a named pipe (FIFO)', typeZh: '命名管道 FIFO' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { type: 'a device', typeZh: '设备文件' };
  if (st.isSocket()) return { type: 'a socket', typeZh: '套接字' };
  return { type: 'not a regular file', typeZh: '特殊文件' };
}

export function loadYamlFile(path: string, displayName: string = path): LoadedYaml {
  const here = { line: 1, col: 1 };
  let bytes: Uint8Array;
  try {
    // Refused before reading: a FIFO or device would block or never end, a huge file would fill memory.
    const special = specialFileType(statSync(path));
    if (special) return failed(displayName, '', [diag('CH119', displayName, here, { value: displayName, ...special })]);
    // O_NONBLOCK: if the path was swapped for a FIFO after the check, opening it does not hang.
    const fd = openSync(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
    try {
      const st = fstatSync(fd);
      const again = specialFileType(st);
      if (again) return failed(displayName, '', [diag('CH119', displayName, here, { value: displayName, ...again })]);
      if (st.size > MAX_YAML_BYTES) return failed(displayName, '', [diag('CH109', displayName, here, { size: st.size, limit: MAX_YAML_BYTES })]);
      // Read at most one byte past the limit: a file that grows while read is still refused, never loaded whole.
      const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_YAML_BYTES) + 1);
      let n = 0;
      for (let k: number; n < buf.length && (k = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += k;
      if (n > MAX_YAML_BYTES) return failed(displayName, '', [diag('CH109', displayName, here, { size: `>${MAX_YAML_BYTES}`, limit: MAX_YAML_BYTES })]);
      bytes = buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return failed(displayName, '', [diag('CH105', displayName, here, { detail })]);
  }
  const decoded = decodeUtf8(bytes);
  if ('badOffset' in decoded) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.badOffset));
    const lines = before.split('\n');
    const pos = { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
    return failed(displayName, '', [diag('CH104', displayName, pos, { offset: decoded.badOffset })]);
  }
  return loadYamlText(decoded.text, displayName);
}

export function loadYamlText(source: string, file: string): LoadedYaml {
  const here = { line: 1, col: 1 };
  if (source.length > MAX_YAML_BYTES) return failed(file, '', [diag('CH109', file, here, { size: Buffer.byteLength(source), limit: MAX_YAML_BYTES })]);
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  // The concrete syntax tree is built without recursion; its depth is checked before the composer
  // (which recurses) sees it, so deep nesting is a coded refusal instead of a stack overflow.
  // The parser's own stack is watched lexeme by lexeme, so 2 MB of "[" stops at level 65 rather than
  // after a CST of millions of nodes has been built.
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(source)) {
    if (++lexemes > MAX_YAML_TOKENS) return failed(file, source, [diag('CH125', file, at(parser.offset), { limit: MAX_YAML_TOKENS })]);
    for (const t of parser.next(lexeme)) tokens.push(t);
    if (parser.stack.length > MAX_YAML_DEPTH) {
      const open = parser.stack.filter(isCollectionToken);
      if (open.length > MAX_YAML_DEPTH) return failed(file, source, [diag('CH108', file, at((open[MAX_YAML_DEPTH] as { offset: number }).offset), { limit: MAX_YAML_DEPTH })]);
    }
  }
  for (const t of parser.end()) tokens.push(t);
  const deep = tooDeep(tokens, MAX_YAML_DEPTH);
  if (deep !== undefined) return failed(file, source, [diag('CH108', file, at(deep), { limit: MAX_YAML_DEPTH })]);
  // Duplicate keys are found below with one Set per map: the library's uniqueKeys compares every pair of
  // keys, and a 55,000-key map took over two minutes.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  const list = [...composer.compose(tokens)] as Document.Parsed[];
  if (list.length > 1) diagnostics.push(diag('CH106', file, at(list[1]!.range[0])));
  const doc = list[0];
  // A typing slip (a tab, a full-width colon or space, a missing space after a colon, an open quote) is one
  // message naming it with the corrected line, instead of the parser's cascade; such a file yields no data.
  const parserFailed = doc ? doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') : composer.streamInfo().errors.length > 0;
  const slips = findSlips(source, parserFailed);
  if (slips.length) return failed(file, source, slips.map((x) => diag('CH127', file, { line: x.line, col: x.col }, { cause: x.cause, fixed: x.fixed })));
  if (!doc || (doc.errors.length === 0 && isNullContent(doc.contents))) {
    const streamErrors = doc ? [] : composer.streamInfo().errors;
    for (const err of streamErrors) diagnostics.push(diag('CH101', file, at(err.pos[0]), { detail: firstLine(err.message), yamlCode: err.code }));
    // Empty, whitespace, comments only, a bare null (~): an error, never a file that silently holds nothing.
    if (!streamErrors.length) diagnostics.push(diag('CH107', file, here, emptiness(source)));
    return failed(file, source, diagnostics);
  }
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = source.slice(err.pos[0]).split(/[:\n]/)[0]?.trim() ?? '';
      diagnostics.push(diag('CH102', file, at(err.pos[0]), { key }));
    } else {
      diagnostics.push(diag('CH101', file, at(err.pos[0]), { detail: firstLine(err.message), yamlCode: err.code }));
    }
  }
  let data: unknown = null;
  const dups = doc.errors.length === 0 ? duplicateKeys(doc) : [];
  for (const d of dups) diagnostics.push(diag('CH102', file, at(d.offset), { key: d.key }));
  const cycle = doc.errors.length === 0 && !dups.length ? aliasCycle(doc) : undefined;
  if (dups.length) {
    // As before: a file with a duplicate key yields no data.
  } else if (cycle) {
    diagnostics.push(diag(cycle.unknown ? 'CH126' : 'CH118', file, at(cycle.offset), { anchor: cycle.anchor }));
  } else if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = String((e as Error).message ?? e);
      if (/alias/i.test(msg)) {
        const offset = findFirstAlias(doc) ?? 0;
        diagnostics.push(diag('CH103', file, at(offset), { limit: MAX_ALIAS_COUNT }));
      } else {
        diagnostics.push(diag('CH101', file, { line: 1, col: 1 }, { detail: firstLine(msg) }));
      }
      data = null;
    }
  }
  const locate = (pointer: string, which: 'value' | 'key' = 'value'): Position => {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = doc.contents;
    let best: [number, number] | undefined = rangeOf(node);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const last = i === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        if (last && which === 'key' && keyRange) return at(keyRange[0]);
        node = pair.value;
        const vr = rangeOf(node);
        // A key with an empty value has no (or a zero-length) value range: point at the key.
        best = vr && vr[1] > vr[0] ? vr : keyRange ?? best;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        node = item;
        best = rangeOf(node) ?? best;
      } else break;
    }
    return best ? at(best[0]) : { line: 1, col: 1 };
  };
  return { file, source, data, locate, diagnostics };
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

function findFirstAlias(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const walk = (n: unknown): void => {
    if (found !== undefined || !n || typeof n !== 'object') return;
    const node = n as { type?: string; range?: [number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    if ((n as { source?: unknown }).source !== undefined && node.range && !isScalar(n) && !isMap(n) && !isSeq(n) && !isPair(n)) {
      found = node.range[0];
      return;
    }
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
    } else if (node.items) node.items.forEach(walk);
  };
  walk(doc.contents);
  return found;
}

function isCollectionToken(t: { type?: string }): boolean {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

/** Offset of the first collection nested deeper than `limit`, walking the CST with an explicit stack. */
function tooDeep(tokens: CST.Token[], limit: number): number | undefined {
  const stack: [unknown, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, d] = stack.pop()!;
    if (!t || typeof t !== 'object') continue;
    const tok = t as { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
    const collection = isCollectionToken(tok);
    const depth = collection ? d + 1 : d;
    if (depth > limit) return tok.offset ?? 0;
    if (tok.value && typeof tok.value === 'object') stack.push([tok.value, depth]);
    for (const it of tok.items ?? []) {
      if (it.key) stack.push([it.key, depth]);
      if (it.value) stack.push([it.value, depth]);
    }
  }
  return undefined;
}

function isNullContent(contents: unknown): boolean {
  return contents === null || (isScalar(contents) && contents.value === null);
}

function emptiness(source: string): { what: string; whatZh: string } {
  if (source.trim() === '') return source === '' ? { what: 'empty', whatZh: '空文件' } : { what: 'whitespace only', whatZh: '只有空白' };
  const lines = source.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && l !== '---' && l !== '...');
  if (lines.length && lines.every((l) => l.startsWith('#'))) return { what: 'comments only', whatZh: '只有注释' };
  return { what: 'a null value', whatZh: '值为空 null' };
}

/** Keys repeated within one map, in document order; linear in the number of keys. */
function duplicateKeys(doc: Document.Parsed): { key: string; offset: number }[] {
  const out: { key: string; offset: number }[] = [];
  // Depth is bounded by MAX_YAML_DEPTH (checked on the CST), so recursion is safe here.
  const walk = (n: unknown): void => {
    if (isMap(n)) {
      // Compared as the property names they become: 1 and "1" would silently overwrite each other.
      const seen = new Set<string>();
      for (const p of n.items) {
        if (isScalar(p.key)) {
          const key = String(p.key.value);
          if (seen.has(key)) out.push({ key, offset: p.key.range?.[0] ?? 0 });
          seen.add(key);
        }
        walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(n)) n.items.forEach(walk);
  };
  walk(doc.contents);
  return out;
}

/**
 * An alias inside the node its anchor names (toJS would build a cyclic object that later stages recurse
 * into), or one naming no anchor set before it (the library reports that as an alias error, read as CH103).
 */
function aliasCycle(doc: Document.Parsed): { anchor: string; offset: number; unknown?: boolean } | undefined {
  const anchors = new Map<string, unknown>();
  const open = new Set<unknown>();
  let found: { anchor: string; offset: number; unknown?: boolean } | undefined;
  // Depth is bounded by MAX_YAML_DEPTH (checked on the CST), so recursion is safe here.
  const walk = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) found = { anchor: n.source, offset: n.range?.[0] ?? 0, unknown: true };
      else if (open.has(target)) found = { anchor: n.source, offset: n.range?.[0] ?? 0 };
      return;
    }
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
      return;
    }
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, n);
    if (isMap(n) || isSeq(n)) {
      open.add(n);
      for (const it of n.items) walk(it);
      open.delete(n);
    }
  };
  walk(doc.contents);
  return found;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function failed(file: string, source: string, diagnostics: Diagnostic[]): LoadedYaml {
  return { file, source, data: null, locate: () => ({ line: 1, col: 1 }), diagnostics };
}
