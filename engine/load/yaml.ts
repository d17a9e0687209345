// Parse one YAML file into plain data plus a way back from a JSON pointer to line:col.
// Problems are collected, never thrown, so one run reports everything.
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.ts';

export const MAX_ALIAS_COUNT = 100;

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

export function loadYamlFile(path: string, displayName: string = path): LoadedYaml {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return failed(displayName, '', [diag('CH105', displayName, { line: 1, col: 1 }, { detail })]);
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
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // parseAllDocuments returns an EmptyStream for an empty file.
    return { file, source, data: null, locate: () => ({ line: 1, col: 1 }), diagnostics };
  }
  if (list.length > 1) diagnostics.push(diag('CH106', file, at(list[1]!.range[0])));
  const doc = list[0] as Document.Parsed | undefined;
  if (!doc) return { file, source, data: null, locate: () => ({ line: 1, col: 1 }), diagnostics };
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = source.slice(err.pos[0]).split(/[:\n]/)[0]?.trim() ?? '';
      diagnostics.push(diag('CH102', file, at(err.pos[0]), { key }));
    } else {
      diagnostics.push(diag('CH101', file, at(err.pos[0]), { detail: firstLine(err.message), yamlCode: err.code }));
    }
  }
  let data: unknown = null;
  if (doc.errors.length === 0) {
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

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function failed(file: string, source: string, diagnostics: Diagnostic[]): LoadedYaml {
  return { file, source, data: null, locate: () => ({ line: 1, col: 1 }), diagnostics };
}
