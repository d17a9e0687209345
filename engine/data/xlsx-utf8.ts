// ExcelJS's streaming XLSX reader turns every inflated chunk of a sheet into text on its own
// (lib/utils/parse-sax.js: bufferToString(chunk)), so a Chinese character whose UTF-8 bytes straddle two
// chunks is read as "�" and a valid cell value such as 加急 comes out as 加��. This module puts a copy of
// that parser with one StringDecoder per stream into Node's module cache before ExcelJS is loaded, so the
// bytes of a split character are carried over to the next chunk. Import it before 'exceljs'.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExcel = createRequire(parseSaxPath);
const { SaxesParser } = fromExcel('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };
const { PassThrough } = fromExcel('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };

type Event = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: unknown): AsyncGenerator<Event[]> {
  // Old-style streams without async iteration are piped through a PassThrough, as ExcelJS does.
  const s = iterable as { pipe?: (d: NodeJS.ReadWriteStream) => AsyncIterable<Buffer | string>; [Symbol.asyncIterator]?: unknown };
  const input: AsyncIterable<Buffer | string> = s.pipe && !s[Symbol.asyncIterator] ? s.pipe(new PassThrough()) : (iterable as AsyncIterable<Buffer | string>);
  const parser = new SaxesParser();
  let error: unknown;
  parser.on('error', (e) => {
    error = e;
  });
  let events: Event[] = [];
  // Two more silent changes in ExcelJS's readers are mended here, on the events: a phonetic guide
  // (<rPh><t>pinyin</t></rPh>, Excel's 拼音指南) replaced the text it annotates, and an inline rich-text
  // string (<is><r><t>ma</t></r><r><t>in</t></r></is>) kept only its last run. Phonetic runs are dropped;
  // inside <is> only the first <t> opens a new text, so the runs are joined.
  let rph = 0;
  let inIs = false;
  let seenT = false;
  const nameOf = (v: unknown): string => (v as { name?: string }).name ?? '';
  parser.on('opentag', (value) => {
    const name = nameOf(value);
    if (name === 'rPh' || rph) {
      if (name === 'rPh') rph++;
      return;
    }
    if (name === 'is') {
      inIs = true;
      seenT = false;
    } else if (name === 't' && inIs) {
      if (seenT) return;
      seenT = true;
    }
    events.push({ eventType: 'opentag', value });
  });
  parser.on('text', (value) => {
    if (!rph) events.push({ eventType: 'text', value });
  });
  parser.on('closetag', (value) => {
    const name = nameOf(value);
    if (rph) {
      if (name === 'rPh') rph--;
      return;
    }
    if (name === 'is') inIs = false;
    events.push({ eventType: 'closetag', value });
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[parseSaxPath]) {
  const m = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(parseSaxPath);
  m.filename = parseSaxPath;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[parseSaxPath] = m;
}
