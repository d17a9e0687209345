// The seeds the mutators start from: the shipped standards tree and the sample university's data files.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { readZip, type ZipEntry } from './zip.ts';
import { SAMPLE_FILES } from '../../engine/sample/files.ts';

export interface DataSeed {
  /** The sample file it comes from, for the report. */
  name: string;
  kind: string;
  format: 'csv' | 'ndjson' | 'xlsx';
  /** CSV: the header line; NDJSON: unused. */
  header: string;
  /** CSV/NDJSON lines (decoded text), or XLSX data rows (<row> elements). */
  lines: string[];
  mapping?: string;
  /** Written in this encoding (the GBK export). */
  encoding?: 'gb18030';
}

export interface Corpus {
  root: string;
  /** Every YAML file of the standards tree, paths relative to standards/. */
  yaml: { rel: string; text: string }[];
  data: DataSeed[];
  /** The sample XLSX taken apart: the sheet XML around its data rows, and the other parts. */
  xlsx: { entries: ZipEntry[]; sheetName: string; before: string; headerRows: string; after: string };
  /** The mapping files (for --mapping mutations). */
  mappings: { id: string; rel: string; text: string }[];
}

const SAMPLE = 'examples/sample-university';
// The office's own units are represented by its consultations, the inspection rounds by their first NDJSON
// file; the other files repeat kinds already here.
const FIRST_ROUND = SAMPLE_FILES.find(([f]) => f.startsWith('inspections/') && f.endsWith('.ndjson'))?.[0];
const NDJSON: [string, string][] = SAMPLE_FILES.filter(([f]) => (!f.startsWith('office/') && !f.startsWith('inspections/')) || f === 'office/consultations.ndjson' || f === FIRST_ROUND);

function yamlFiles(dir: string, base: string, out: { rel: string; text: string }[]): void {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) yamlFiles(p, base, out);
    else if (/\.ya?ml$/.test(n)) out.push({ rel: relative(base, p), text: readFileSync(p, 'utf8') });
  }
}

export function loadCorpus(root: string): Corpus {
  const std = join(root, 'standards');
  const yaml: { rel: string; text: string }[] = [];
  yamlFiles(std, std, yaml);
  const data: DataSeed[] = [];
  for (const [f, kind] of NDJSON) {
    const lines = readFileSync(join(root, SAMPLE, f), 'utf8').split('\n').filter(Boolean);
    data.push({ name: f, kind, format: 'ndjson', header: '', lines });
  }
  const csv = readFileSync(join(root, SAMPLE, 'work-orders.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  data.push({ name: 'work-orders.csv', kind: 'work-orders', format: 'csv', header: csv[0]!, lines: csv.slice(1) });
  const gbk = iconv.decode(readFileSync(join(root, SAMPLE, 'exports/repair-platform.csv')), 'gb18030').split(/\r?\n/).filter(Boolean);
  data.push({ name: 'exports/repair-platform.csv', kind: 'work-orders', format: 'csv', header: gbk[0]!, lines: gbk.slice(1), mapping: 'repair-platform-gbk-csv', encoding: 'gb18030' });
  const entries = readZip(readFileSync(join(root, SAMPLE, 'exports/service-hall.xlsx')));
  const sheet = new TextDecoder().decode(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data);
  const start = sheet.indexOf('<sheetData>') + '<sheetData>'.length;
  const end = sheet.indexOf('</sheetData>');
  const rows = sheet.slice(start, end).match(/<row [^>]*>.*?<\/row>/g) ?? [];
  const xlsx = { entries, sheetName: '报修明细', before: sheet.slice(0, start), headerRows: rows.slice(0, 2).join(''), after: sheet.slice(end) };
  data.push({ name: 'exports/service-hall.xlsx', kind: 'work-orders', format: 'xlsx', header: '', lines: rows.slice(2), mapping: 'service-hall-xlsx' });
  const mappings = yaml.filter((y) => y.rel.startsWith('mappings/')).map((y) => ({ id: /^id:\s*(\S+)/m.exec(y.text)![1]!, rel: y.rel, text: y.text }));
  return { root, yaml, data, xlsx, mappings };
}
