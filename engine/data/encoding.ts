// Text encodings of the CSV (and NDJSON) files providers send, decided from the bytes and explained.
// A file that is UTF-8 apart from a few damaged bytes stays UTF-8: decoding all of it as GB18030 would turn
// every Chinese character into mojibake without a single error. Damaged bytes become BAD in the text, and
// the readers reject the rows holding BAD (CH310) rather than store a silently changed value.
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';

/** Marks bytes that are not valid in the file's encoding: a noncharacter, never text a provider meant. */
export const BAD = '\uFDD0';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Detected {
  encoding: TextEncoding;
  /** Why this encoding: shown in the submit summary. */
  why: 'explicit' | 'bom' | 'utf8-valid' | 'utf8-mostly' | 'not-utf8' | 'utf16-zeros' | 'ascii';
  /** Only the first megabyte was looked at (a damaged byte later still rejects its row). */
  sampled?: boolean;
  /** For utf8-mostly: damaged bytes and valid multi-byte characters in the first megabyte. */
  badBytes?: number;
  multiByte?: number;
}

/** The summary line's text, e.g. "UTF-8（BOM）". */
export function encodingReason(d: Detected): { zh: string; en: string } {
  const name = { 'utf-8': 'UTF-8', gb18030: 'GB18030', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' }[d.encoding];
  const r = {
    explicit: { zh: '由 --encoding 指定', en: 'given with --encoding' },
    bom: { zh: 'BOM', en: 'BOM' },
    'utf8-valid': d.sampled ? { zh: '文件开头 1 MB 是有效的 UTF-8', en: 'the first megabyte is valid UTF-8' } : { zh: '文件是有效的 UTF-8', en: 'the file is valid UTF-8' },
    ascii: d.sampled ? { zh: '文件开头 1 MB 只含 ASCII 字符', en: 'the first megabyte holds ASCII only' } : { zh: '文件只含 ASCII 字符', en: 'the file holds ASCII only' },
    'utf8-mostly': {
      zh: `文件基本是 UTF-8（${d.multiByte ?? 0} 个多字节字符），但有 ${d.badBytes ?? 0} 个无效字节；含无效字节的行拒收`,
      en: `the file is mostly UTF-8 (${d.multiByte ?? 0} multi-byte characters) but has ${d.badBytes ?? 0} invalid bytes; rows holding them are rejected`,
    },
    'not-utf8': { zh: '文件不是有效的 UTF-8，且其中的字节不像 UTF-8 文本，按中文 Excel 的 GB18030（GBK）读取', en: 'the file is not valid UTF-8 and its bytes do not look like UTF-8 text, so it is read as GB18030 (GBK), as Chinese Excel saves it' },
    'utf16-zeros': { zh: '无 BOM，但每隔一个字节为零', en: 'no BOM, but every other byte is zero' },
  }[d.why];
  return { zh: `${name}（${r.zh}）`, en: `${name} (${r.en})` };
}

interface Scan {
  text: string;
  /** Bytes consumed: a character cut off at the end of a chunk is left for the next one. */
  consumed: number;
  bad: number;
  multi: number;
  /** Offset of the first invalid byte, or -1. */
  firstBad: number;
}

/** Decode UTF-8, each invalid byte becoming BAD; with `final` false an incomplete tail is not consumed. */
export function scanUtf8(buf: Uint8Array, final: boolean): Scan {
  const parts: string[] = [];
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let bad = 0;
  let multi = 0;
  let firstBad = -1;
  let run = 0; // start of the current valid run
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    }
    let ok = len > 0;
    if (ok) {
      if (i + len > n) {
        // Cut off by the chunk end: keep it for the next chunk if what is there so far is valid.
        let prefixOk = true;
        for (let k = 1; i + k < n; k++) {
          const x = b[i + k]!;
          if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) prefixOk = false;
        }
        if (prefixOk && !final) break;
        ok = false;
      } else {
        const x = b[i + 1]!;
        if (x < lo || x > hi) ok = false;
        for (let k = 2; ok && k < len; k++) if (b[i + k]! < 0x80 || b[i + k]! > 0xbf) ok = false;
      }
    }
    if (ok) {
      multi++;
      i += len;
    } else {
      if (run < i) parts.push(b.toString('utf8', run, i));
      parts.push(BAD);
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
      run = i;
    }
  }
  if (run < i) parts.push(b.toString('utf8', run, i));
  return { text: parts.join(''), consumed: i, bad, multi, firstBad };
}

/** Streaming decoder: text out, invalid bytes as BAD (never an exception, never a silent U+FFFD). */
export function decodeStream(encoding: TextEncoding): Transform {
  if (encoding === 'utf-8') {
    let carry: Buffer | undefined;
    let start = true;
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        let buf = carry ? Buffer.concat([carry, chunk]) : chunk;
        // A UTF-8 BOM is not text (TextDecoder drops it too); wait for three bytes to know.
        if (start) {
          if (buf.length < 3 && buf.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
            carry = Buffer.from(buf);
            done(null, '');
            return;
          }
          start = false;
          if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
        }
        // Fast path: a chunk that is valid UTF-8 up to a clean character boundary.
        let cut = buf.length;
        for (let k = 1; k <= 3 && k <= buf.length; k++) {
          const c = buf[buf.length - k]!;
          if (c >= 0xc0) {
            const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (need > k) cut = buf.length - k;
            break;
          }
          if (c < 0x80) break;
        }
        if (isUtf8(buf.subarray(0, cut))) {
          carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : undefined;
          done(null, buf.toString('utf8', 0, cut));
          return;
        }
        const s = scanUtf8(buf, false);
        carry = s.consumed < buf.length ? Buffer.from(buf.subarray(s.consumed)) : undefined;
        done(null, s.text);
      },
      flush(done) {
        done(null, carry ? scanUtf8(carry, true).text : '');
      },
    });
  }
  // TextDecoder's own replacement character stands for the bytes it could not decode.
  const dec = new TextDecoder(encoding);
  const mark = (t: string): string => (t.includes('\uFFFD') ? t.replaceAll('\uFFFD', BAD) : t);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, mark(dec.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, mark(dec.decode()));
    },
  });
}

/** Decode a whole buffer (JSON files): the text, and the line of the first invalid byte if any. */
export function decodeUtf8Whole(bytes: Buffer): { text: string; badLine?: number } {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const s = scanUtf8(bytes, true);
  let line = 1;
  for (let i = 0; i < s.firstBad; i++) if (bytes[i] === 10) line++;
  return { text: s.text, badLine: line };
}

function head(file: string, size: number): { bytes: Buffer; whole: boolean } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, 0);
    return { bytes: buf.subarray(0, n), whole: n < size };
  } finally {
    closeSync(fd);
  }
}

/**
 * BOM first (UTF-8, UTF-16 LE/BE); then UTF-16 without a BOM (every other byte zero); then UTF-8 if the
 * first megabyte is valid; then "mostly UTF-8" if its valid multi-byte characters outnumber the invalid
 * bytes (GBK text almost never forms valid UTF-8 sequences, so the two are far apart); else GB18030, or
 * the mapping's declared legacy encoding.
 */
export function detectEncoding(file: string, explicit?: string, legacy?: string): Detected {
  if (explicit) return { encoding: normal(explicit), why: 'explicit' };
  const { bytes, whole } = head(file, 1 << 20);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', why: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', why: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', why: 'bom' };
  const probe = bytes.subarray(0, 4096 & ~1);
  if (probe.length >= 4) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < probe.length; i += 2) {
      if (probe[i] === 0) even++;
      if (probe[i + 1] === 0) odd++;
    }
    const half = probe.length / 2;
    if (odd > half * 0.3 && even < half * 0.05) return { encoding: 'utf-16le', why: 'utf16-zeros' };
    if (even > half * 0.3 && odd < half * 0.05) return { encoding: 'utf-16be', why: 'utf16-zeros' };
  }
  const s = scanUtf8(bytes, whole);
  if (s.bad === 0) return { encoding: 'utf-8', why: s.multi ? 'utf8-valid' : 'ascii', sampled: !whole };
  if (s.multi >= s.bad) return { encoding: 'utf-8', why: 'utf8-mostly', badBytes: s.bad, multiByte: s.multi };
  return { encoding: legacy && normal(legacy) !== 'utf-8' ? normal(legacy) : 'gb18030', why: 'not-utf8' };
}

function normal(e: string): TextEncoding {
  const x = e.toLowerCase().replace(/_/g, '-');
  if (x === 'gbk' || x === 'gb2312' || x === 'gb18030') return 'gb18030';
  if (x === 'utf-16le' || x === 'utf-16' || x === 'ucs-2') return 'utf-16le';
  if (x === 'utf-16be') return 'utf-16be';
  return 'utf-8';
}

/** Tab-separated if the first lines have more tabs than commas (Excel's "Unicode text" and "Text (tab delimited)"). */
export function sniffDelimiter(file: string, encoding: TextEncoding): ',' | '\t' {
  const { bytes } = head(file, 1 << 16);
  const text = encoding === 'utf-8' ? scanUtf8(bytes, false).text : new TextDecoder(encoding).decode(bytes);
  // The first few lines: a title row above the header may hold neither.
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5).join('\n');
  let tabs = 0;
  let commas = 0;
  for (const ch of first) {
    if (ch === '\t') tabs++;
    else if (ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}
