// A check of the XLSX container run before ExcelJS reads it, for two reasons.
// 1. Zip bombs. ExcelJS inflates each sheet as it goes, and a sheet that comes before the shared strings
//    (Excel's usual order) is inflated whole into a temporary file; the shared strings are cached in
//    memory. A 293 KB workbook whose XML inflates to 300 MB would cost that much disk and memory before a
//    row is seen. Here every entry is inflated and only counted, stopping as soon as a limit is passed;
//    the sizes the zip declares are not trusted.
// 2. Damaged zips. ExcelJS's unzipper waits forever on some truncated or corrupted archives (a hang, not
//    an error). Here the archive is walked the way unzipper walks it (local headers in order), checked
//    against the central directory, and each entry inflated to its end with its CRC checked, so ExcelJS
//    only ever sees a sound archive.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw, crc32 } from 'node:zlib';
import type { Limits } from './limits.ts';

export interface ZipVerdict {
  code: 'CH333' | 'CH317';
  args: Record<string, string | number>;
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

const broken = (detail: string): ZipVerdict => ({ code: 'CH317', args: { detail: `not a readable XLSX file (${detail})` } });

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  const n = readSync(fd, b, 0, len, pos);
  return b.subarray(0, n);
}

/** The central directory: every entry with its sizes and where its local header is. */
function centralDirectory(fd: number, size: number): Entry[] | string {
  const tailLen = Math.min(size, 65535 + 22);
  const tail = readAt(fd, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) {
    eocd = i;
    break;
  }
  if (eocd < 0) return 'no end of central directory';
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) return 'bad ZIP64 locator';
    const recPos = Number(tail.readBigUInt64LE(loc + 8));
    const rec = readAt(fd, recPos, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) return 'bad ZIP64 record';
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size || count > 100_000) return 'central directory out of bounds';
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return 'bad central directory entry';
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const e: Entry = { name: cd.toString('utf8', p + 46, p + 46 + nameLen), method: cd.readUInt16LE(p + 10), crc: cd.readUInt32LE(p + 16), csize: cd.readUInt32LE(p + 20), usize: cd.readUInt32LE(p + 24), offset: cd.readUInt32LE(p + 42) };
    // ZIP64 extended information: the 0xFFFFFFFF fields, in order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (e.usize === 0xffffffff && q + 8 <= x + 4 + len) (e.usize = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (e.csize === 0xffffffff && q + 8 <= x + 4 + len) (e.csize = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (e.offset === 0xffffffff && q + 8 <= x + 4 + len) e.offset = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    entries.push(e);
    p = xEnd + commentLen;
  }
  return entries;
}

/** Inflate one entry to its end, counting; returns the inflated size, or a verdict. */
async function inflateEntry(fd: number, e: Entry, start: number, budget: (n: number) => ZipVerdict | undefined): Promise<number | ZipVerdict> {
  if (e.method !== 0 && e.method !== 8) return broken(`${e.name}: compression method ${e.method}`);
  let crc = 0;
  let out = 0;
  let over: ZipVerdict | undefined;
  const feed = function* (): Generator<Buffer> {
    for (let pos = 0; pos < e.csize; pos += 1 << 16) {
      const b = readAt(fd, start + pos, Math.min(1 << 16, e.csize - pos));
      if (!b.length) return;
      yield b;
    }
  };
  if (e.method === 0) {
    for (const b of feed()) {
      crc = crc32(b, crc);
      out += b.length;
      if ((over = budget(b.length))) return over;
    }
  } else {
    const inf = createInflateRaw();
    const done = new Promise<void>((res, rej) => {
      inf.on('data', (c: Buffer) => {
        crc = crc32(c, crc);
        out += c.length;
        over ??= budget(c.length);
        if (over) inf.destroy();
      });
      inf.on('end', res);
      inf.on('close', res);
      inf.on('error', rej);
    });
    try {
      for (const b of feed()) {
        if (over) break;
        if (!inf.write(b)) {
          await new Promise<void>((r) => {
            const go = (): void => {
              inf.off('drain', go);
              inf.off('close', go);
              r();
            };
            inf.on('drain', go);
            inf.on('close', go);
          });
        }
      }
      if (!over) inf.end();
      await done;
    } catch (err) {
      return broken(`${e.name}: ${(err as Error).message}`);
    }
    if (over) return over;
  }
  if (out !== e.usize || (crc >>> 0) !== e.crc >>> 0) return broken(`${e.name}: damaged (size or CRC does not match)`);
  return out;
}

/** Undefined when the workbook is a sound zip within the limits; else why not (CH317 or CH333). */
export async function checkXlsxExpansion(file: string, lim: Limits): Promise<ZipVerdict | undefined> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const ratioCap = Math.max(lim.xlsxGraceBytes, size * lim.xlsxRatio);
    const list = centralDirectory(fd, size);
    if (typeof list === 'string') return broken(list);
    const byOffset = new Map(list.map((e) => [e.offset, e]));
    let total = 0;
    let strings = 0;
    let pos = 0;
    let seen = 0;
    // Walk the local headers from the start, as unzipper does, and require each to be a listed entry.
    while (seen < list.length) {
      const h = readAt(fd, pos, 30);
      if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) return broken(`no entry at byte ${pos}`);
      const e = byOffset.get(pos);
      if (!e) return broken(`an entry at byte ${pos} is not in the central directory`);
      const start = pos + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
      const flags = h.readUInt16LE(6);
      if (flags & 1) return broken(`${e.name}: encrypted`);
      // unzipper trusts the local header's size unless it is zero with a data descriptor (flag bit 3);
      // then it reads to the descriptor's signature and takes 16 bytes of descriptor.
      const localSize = h.readUInt32LE(18);
      const described = (flags & 8) !== 0 && localSize === 0;
      if (!described && localSize !== e.csize && localSize !== 0xffffffff) return broken(`${e.name}: sizes disagree`);
      const isStrings = e.name === 'xl/sharedStrings.xml';
      const budget = (n: number): ZipVerdict | undefined => {
        total += n;
        if (isStrings) strings += n;
        const limit = isStrings && strings > lim.xlsxSharedStringsBytes ? lim.xlsxSharedStringsBytes : total > lim.xlsxInflatedBytes ? lim.xlsxInflatedBytes : total > ratioCap ? ratioCap : 0;
        return limit ? { code: 'CH333', args: { part: e.name, limit, size, ratio: lim.xlsxRatio } } : undefined;
      };
      if (start + e.csize > size) return broken(`${e.name}: truncated`);
      const r = await inflateEntry(fd, e, start, budget);
      if (typeof r !== 'number') return r;
      pos = start + e.csize;
      if (described) {
        const d = readAt(fd, pos, 4);
        if (d.length < 4 || d.readUInt32LE(0) !== 0x08074b50) return broken(`${e.name}: data descriptor without signature`);
        pos += 16;
      }
      seen++;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
