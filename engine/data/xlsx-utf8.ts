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
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
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
