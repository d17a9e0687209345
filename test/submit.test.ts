// Submissions as providers really make them: GBK CSV with Chinese headers, an XLSX export with a title
// row, canonical JSON/NDJSON; bad rows named precisely; all-or-nothing vs --accept-valid; resubmission.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexRegister } from '../engine/data/mapping.ts';
import { submit, type SubmitOptions } from '../engine/data/submit.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import type { Tree } from '../engine/load/tree.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, FIXTURES, ROOT } from './helpers.ts';

const DATA = join(FIXTURES, 'data');
const NOW = new Date('2026-11-21T02:00:00Z');
let tree: Tree;

beforeAll(() => {
  tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
});

function freshStore(): { store: Store; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'charter-store-'));
  return { store: openStore(join(dir, 'db.sqlite')), dir };
}

function opts(store: Store, dir: string, file: string, extra: Partial<SubmitOptions> = {}): SubmitOptions {
  return {
    file,
    display: file.split('/').pop()!,
    kind: 'work-orders',
    acceptValid: false,
    rejectsDir: join(dir, 'rejects'),
    now: NOW,
    tz: 'Asia/Shanghai',
    register: indexRegister(tree.registers[0]!.value),
    activities: new Set(tree.activityFiles.flatMap((a) => a.value.activities.map((x) => x.code))),
    store,
    ...extra,
  };
}

const mapping = (id: string) => tree.mappings.find((m) => m.value.id === id)!.value;
const stored = (store: Store, kind = 'work-orders') =>
  Object.fromEntries((store.db.prepare('SELECT record_key, data, flags FROM records WHERE kind = ? ORDER BY record_key').all(kind) as { record_key: string; data: string; flags: string | null }[]).map((r) => [r.record_key, { ...JSON.parse(r.data), flags: r.flags ? JSON.parse(r.flags) : [] }]));

describe('GBK CSV with Chinese headers through a mapping', () => {
  it('detects GB18030, maps headers, values, names and dates, and flags impossible times', async () => {
    const { store, dir } = freshStore();
    const r = await submit(opts(store, dir, join(DATA, 'repair-platform.gbk.csv'), { mapping: mapping('repair-platform-gbk-csv') }));
    expect(r.status).toBe('stored');
    expect(r.encoding).toBe('gb18030');
    expect([r.total, r.accepted, r.rejected, r.flagged]).toEqual([4, 4, 0, 1]);
    const recs = stored(store);
    expect(recs['WO-A1']).toMatchObject({ provider: 'huayu-property', campus: 'main', building: 'd01', category: 'water', priority: 'normal', reported_at: '2026-03-05T08:07:00+08:00', during_class: false });
    expect(recs['WO-A2']).toMatchObject({ category: 'elevator', priority: 'accident', flags: ['impossible-time:arrived_at<reported_at'] });
    expect(recs['WO-A2'].arrived_at).toBe('2026-03-05T09:50:00+08:00'); // kept, not fixed
    expect(recs['WO-A3']).toMatchObject({ campus: 'east', building: 't06', category: 'multimedia', during_class: true });
    expect(recs['WO-A4']).toMatchObject({ category: 'lighting', exclusion: 'duplicate' });
    expect(r.warnings.map((w) => [w.code, w.line, w.col])).toEqual([['CH309', 3, 9]]);
    const sub = store.db.prepare('SELECT * FROM submissions').get() as Record<string, unknown>;
    expect(sub).toMatchObject({ file_name: 'repair-platform.gbk.csv', kind: 'work-orders', rows_total: 4, rows_accepted: 4, submitted_at: '2026-11-21T10:00:00+08:00', mapping: 'repair-platform-gbk-csv' });
    expect(sub.file_sha256).toBe(r.sha256);
  });
});

describe('an XLSX export with a title row, names and Excel serial dates', () => {
  it('reads the named sheet through the mapping', async () => {
    const { store, dir } = freshStore();
    const file = join(dir, 'hall.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表为导出说明']);
    const ws = wb.addWorksheet('报修明细');
    ws.addRow(['报修明细导出 2026年3月']);
    ws.addRow(['单号', '承接单位', '校区名称', '楼栋', '具体位置', '故障类型', '优先级', '报修日期时间', '响应到场', '维修完成', '课堂时段', '不计入原因']);
    // 2026-03-05 08:07 local = Excel serial 46086 + (8*60+7)/1440
    const serial = (d: number, h: number, m: number) => d + (h * 60 + m) / 1440;
    ws.addRow(['H-1', '华宇物业服务有限公司', '本部', '学生公寓1号楼', '301', '水暖', '普通', serial(46086, 8, 7), serial(46086, 8, 50), serial(46086, 10, 0), 'N', '']);
    ws.addRow(['H-2', '华宇物业服务有限公司', '东校区', '第6教学楼', '201', '多媒体设备', '加急', serial(46087, 10, 10), serial(46087, 10, 12), null, 'Y', '']);
    ws.addRow([]);
    await wb.xlsx.writeFile(file);
    const r = await submit(opts(store, dir, file, { mapping: mapping('service-hall-xlsx') }));
    expect(r.fileProblems).toEqual([]);
    expect(r.problems).toEqual([]);
    expect([r.status, r.format, r.total, r.accepted]).toEqual(['stored', 'xlsx', 2, 2]);
    const recs = stored(store);
    expect(recs['H-1']).toMatchObject({ building: 'd01', campus: 'main', category: 'water', reported_at: '2026-03-05T08:07:00+08:00', arrived_at: '2026-03-05T08:50:00+08:00', during_class: false });
    expect(recs['H-2']).toMatchObject({ building: 't06', priority: 'urgent', category: 'multimedia', during_class: true });
    expect(recs['H-2'].completed_at).toBeUndefined();
  });

  it('a missing sheet is a file-level problem listing the sheets', async () => {
    const { store, dir } = freshStore();
    const file = join(dir, 'one.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    await wb.xlsx.writeFile(file);
    const r = await submit(opts(store, dir, file, { mapping: mapping('service-hall-xlsx') }));
    expect(r.fileProblems.map((d) => [d.code, d.args.allowed])).toEqual([['CH318', 'Sheet1']]);
  });
});

describe('canonical JSON and NDJSON', () => {
  it('NDJSON activities: local times get the zone offset, Z times are converted', async () => {
    const { store, dir } = freshStore();
    const r = await submit(opts(store, dir, join(DATA, 'activities.ndjson'), { kind: 'activities' }));
    expect([r.status, r.accepted]).toEqual(['stored', 3]);
    const recs = stored(store, 'activities');
    expect(recs['ACT-2'].performed_at).toBe('2026-03-05T23:10:00+08:00');
    expect(recs['ACT-3'].performed_at).toBe('2026-03-05T16:00:00+08:00');
  });
  it('JSON equipment counts are keyed by date, provider, campus and kind', async () => {
    const { store, dir } = freshStore();
    const r = await submit(opts(store, dir, join(DATA, 'equipment-counts.json'), { kind: 'equipment-counts' }));
    expect([r.status, r.accepted]).toEqual(['stored', 2]);
    expect(Object.keys(stored(store, 'equipment-counts'))).toEqual(['2026-03-31|xinyuan-service|east|street-lights', '2026-03-31|xinyuan-service|main|street-lights']);
  });
  it('unknown fields and non-objects in JSON are rejected, not dropped', async () => {
    const { store, dir } = freshStore();
    const f = join(dir, 'x.ndjson');
    writeFileSync(f, '{"id":"A","provider":"xinyuan-service","activity":"fire-patrol","performed_at":"2026-03-05T09:00","campus":"main","colour":"red"}\nnot json\n');
    const r = await submit(opts(store, dir, f, { kind: 'activities' }));
    expect(r.problems.map((d) => [d.code, d.line])).toEqual([
      ['CH319', 1],
      ['CH316', 2],
    ]);
    expect(r.status).toBe('refused');
  });
});

describe('bad rows', () => {
  it('refuses the whole file and names every problem with row, column, value and reason', async () => {
    const { store, dir } = freshStore();
    const r = await submit(opts(store, dir, join(DATA, 'bad-rows.csv'), { mapping: mapping('repair-platform-gbk-csv') }));
    expect(r.status).toBe('refused');
    expect(r.problems.map((d) => [d.code, d.line, d.col, d.args.column ?? '', d.args.value ?? ''])).toEqual([
      ['CH302', 3, 1, '工单编号', ''],
      ['CH303', 4, 6, '报修类别', '下水道'],
      ['CH304', 5, 8, '报修时间', '2026/3/32 8:10'],
      ['CH306', 6, 3, '校区', '西校区'],
      ['CH303', 7, 11, '是否上课期间', '也许'],
      ['CH307', 8, 1, '工单编号', 'WO-B1'],
      ['CH315', 9, 1, '', ''],
    ]);
    expect(r.rejected).toBe(7);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 0 });
    expect(r.rejectsFile && existsSync(r.rejectsFile)).toBe(true);
  });

  it('--accept-valid stores the valid rows and writes each rejected row with its reasons', async () => {
    const { store, dir } = freshStore();
    const r = await submit(opts(store, dir, join(DATA, 'bad-rows.csv'), { mapping: mapping('repair-platform-gbk-csv'), acceptValid: true }));
    expect([r.status, r.accepted, r.rejected]).toEqual(['partial', 1, 7]);
    expect(Object.keys(stored(store))).toEqual(['WO-B1']);
    const lines = readFileSync(r.rejectsFile!, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(8); // header + 7 rejected rows
    expect(lines[0]).toMatch(/^"行号 row","问题 problems","工单编号",/);
    expect(lines[2]).toMatch(/^"4","CH303 第 4 行：“报修类别”列的值“下水道”无法识别/);
    expect(lines[2]).toContain('下水道');
  });

  it('names the problem in English with --lang en on the CLI, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-cli-'));
    const r = charter(['submit', join(DATA, 'bad-rows.csv'), '--kind', 'work-orders', '--mapping', 'repair-platform-gbk-csv', '--db', join(dir, 'db.sqlite'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad-rows.csv:4:6 error CH303 Row 4: value "下水道" in column "报修类别" is not recognised');
    expect(r.stdout).toContain('Refused whole; nothing was stored.');
  });
});

describe('resubmission and period', () => {
  it('a record submitted again replaces the stored one and keeps the old version', async () => {
    const { store, dir } = freshStore();
    const f = join(dir, 'a.ndjson');
    writeFileSync(f, '{"id":"W1","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-05T08:00"}\n');
    await submit(opts(store, dir, f));
    writeFileSync(f, '{"id":"W1","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-05T08:00","arrived_at":"2026-03-05T08:30"}\n');
    const r = await submit(opts(store, dir, f));
    expect([r.status, r.replaced]).toEqual(['stored', 1]);
    expect(stored(store)['W1'].arrived_at).toBe('2026-03-05T08:30:00+08:00');
    const hist = store.db.prepare('SELECT data, submission_id, replaced_by FROM record_history').all() as { data: string; submission_id: number; replaced_by: number }[];
    expect(hist).toHaveLength(1);
    expect(JSON.parse(hist[0]!.data).arrived_at).toBeUndefined();
    expect([hist[0]!.submission_id, hist[0]!.replaced_by]).toEqual([1, 2]);
  });

  it('--period rejects rows outside the month and --provider rows of another provider', async () => {
    const { store, dir } = freshStore();
    const f = join(dir, 'p.ndjson');
    writeFileSync(
      f,
      [
        '{"id":"P1","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-31T23:59"}',
        '{"id":"P2","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-04-01T00:00"}',
        '{"id":"P3","provider":"xinyuan-service","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-02T10:00"}',
      ].join('\n'),
    );
    const r = await submit(opts(store, dir, f, { period: '2026-03', provider: 'huayu-property' }));
    expect(r.problems.map((d) => [d.code, d.line])).toEqual([
      ['CH313', 2],
      ['CH314', 3],
    ]);
  });
});

describe('crash safety', () => {
  it('a process killed during a submission leaves the store as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-kill-'));
    const db = join(dir, 'db.sqlite');
    const small = join(dir, 'small.ndjson');
    writeFileSync(small, '{"id":"K0","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-05T08:00"}\n');
    expect(charter(['submit', small, '--kind', 'work-orders', '--db', db]).code).toBe(0);
    const big = join(dir, 'big.ndjson');
    const line = (i: number) => `{"id":"K${i}","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-05T08:00"}\n`;
    const chunk: string[] = [];
    for (let i = 1; i <= 400000; i++) chunk.push(line(i));
    writeFileSync(big, chunk.join(''));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'submit', big, '--kind', 'work-orders', '--db', db], { cwd: ROOT });
    // Kill once the submission has begun writing (its WAL grows) but long before it can finish.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (existsSync(db + '-wal') && readFileSync(db + '-wal').length > 1 << 20) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    const status = await new Promise<string | null>((resolve) => child.on('exit', (_c, sig) => resolve(sig)));
    expect(status).toBe('SIGKILL');
    const store = openStore(db);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 1 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 1 });
    store.close();
  }, 60_000);
});

describe('one smallest bad input per service-data code', () => {
  const WO = '{"id":"W1","provider":"huayu-property","campus":"main","category":"water","priority":"normal","reported_at":"2026-03-05T08:00"';
  const cases: { code: string; name: string; file: string; content: string | Buffer; extra?: Partial<SubmitOptions>; where?: [number, number] }[] = [
    { code: 'CH301', name: 'a header the mapping needs is missing', file: 'a.csv', content: '工单编号,服务单位\nW1,华宇物业服务有限公司\n', extra: { mapping: undefined }, where: [1, 1] },
    { code: 'CH302', name: 'a required value is empty', file: 'a.ndjson', content: '{"id":"W1","provider":"huayu-property","campus":"main","category":"water","priority":"normal"}\n', where: [1, 0] },
    { code: 'CH303', name: 'a value outside the vocabulary', file: 'a.ndjson', content: WO.replace('"water"', '"plumbing"') + '}\n', where: [1, 0] },
    { code: 'CH304', name: 'an impossible date', file: 'a.ndjson', content: WO.replace('2026-03-05T08:00', '2026-02-30T08:00') + '}\n', where: [1, 0] },
    { code: 'CH305', name: 'a number that is not one', file: 'a.csv', content: 'date,provider,campus,kind,total,intact\n2026-03-31,xinyuan-service,main,street-lights,many,3\n', extra: { kind: 'equipment-counts' }, where: [2, 5] },
    { code: 'CH306', name: 'an unregistered building', file: 'a.ndjson', content: WO + ',"building":"zz9"}\n', where: [1, 0] },
    { code: 'CH307', name: 'the same id twice in a file', file: 'a.ndjson', content: `${WO}}\n${WO}}\n`, where: [2, 0] },
    { code: 'CH308', name: 'an id with spaces', file: 'a.ndjson', content: WO.replace('"W1"', '"W 1"') + '}\n', where: [1, 0] },
    { code: 'CH309', name: 'completion before report (kept, flagged)', file: 'a.ndjson', content: WO + ',"completed_at":"2026-03-05T07:00"}\n', where: [1, 0] },
    { code: 'CH310', name: 'GBK bytes read as UTF-8', file: 'a.csv', content: Buffer.concat([Buffer.from('id,provider,campus,category,priority,reported_at,location\nW1,huayu-property,main,water,normal,2026-03-05T08:00,'), Buffer.from([0xd0, 0xa3, 0xc7, 0xf8]), Buffer.from('\n')]), extra: { encoding: 'utf-8' }, where: [2, 7] },
    { code: 'CH313', name: 'a row outside the declared period', file: 'a.ndjson', content: WO + '}\n', extra: { period: '2026-04' }, where: [1, 0] },
    { code: 'CH314', name: 'another provider’s row', file: 'a.ndjson', content: WO + '}\n', extra: { provider: 'xinyuan-service' }, where: [1, 0] },
    { code: 'CH315', name: 'a row with too many cells', file: 'a.csv', content: 'id,provider,campus,category,priority,reported_at\nW1,huayu-property,main,water,normal,2026-03-05T08:00,extra\n', where: [2, 1] },
    { code: 'CH316', name: 'a line that is not JSON', file: 'a.ndjson', content: '{"id":\n', where: [1, 1] },
    { code: 'CH317', name: 'an empty CSV', file: 'a.csv', content: '', where: [1, 1] },
    { code: 'CH319', name: 'an unknown JSON field', file: 'a.ndjson', content: WO + ',"colour":"red"}\n', where: [1, 0] },
    { code: 'CH320', name: 'a mapping for another kind', file: 'a.csv', content: 'x\n1\n', extra: { kind: 'complaints' }, where: [1, 1] },
    { code: 'CH321', name: 'a building on another campus', file: 'a.ndjson', content: WO + ',"building":"d09"}\n', where: [1, 0] },
    { code: 'CH322', name: 'an unmapped column (warned, not silently dropped)', file: 'a.csv', content: 'id,provider,campus,category,priority,reported_at,备注\nW1,huayu-property,main,water,normal,2026-03-05T08:00,x\n', where: [1, 7] },
  ];
  it.each(cases)('$code: $name', async ({ code, file, content, extra, where }) => {
    const { store, dir } = freshStore();
    const f = join(dir, file);
    writeFileSync(f, content);
    const e: Partial<SubmitOptions> = { ...extra };
    if (code === 'CH301') e.mapping = mapping('repair-platform-gbk-csv');
    if (code === 'CH320') e.mapping = mapping('repair-platform-gbk-csv');
    const r = await submit(opts(store, dir, f, e));
    const all = [...r.fileProblems, ...r.problems, ...r.warnings];
    const hit = all.filter((d) => d.code === code);
    expect(hit.length, JSON.stringify(all.map((d) => d.code))).toBeGreaterThan(0);
    expect([hit[0]!.line, hit[0]!.col]).toEqual(where);
  });

  it.each([
    [['submit', 'x.txt.gz', '--kind', 'work-orders'], 'CH003'],
    [['submit', 'README.md', '--kind', 'work-orders'], 'CH311'],
    [['submit', 'test/fixtures/data/activities.ndjson', '--kind', 'activities', '--tree', 'test/fixtures/errors'], 'CH312'],
  ])('CLI %j → %s', (args, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-cli-'));
    const r = charter([...args, '--db', join(dir, 'db.sqlite')]);
    expect(r.code).toBeGreaterThan(0);
    expect(r.stdout + r.stderr).toContain(code);
  });

  it('every service-data code is exercised here or above', async () => {
    const { CATALOGUE } = await import('../engine/diagnostics.ts');
    const here = new Set([...cases.map((c) => c.code), 'CH311', 'CH312', 'CH318']);
    // CH323–CH339 (hostile and damaged files) have their fixtures in data-hardening.test.ts; CH340–CH349
    // (the wrong kind of file, and whatif's sides) in import-words.test.ts and whatif-default.test.ts.
    expect(Object.keys(CATALOGUE).filter((c) => c.startsWith('CH3') && !here.has(c) && !(c >= 'CH323' && c <= 'CH349'))).toEqual([]);
  });
});

describe('mapping features and store location', () => {
  it('a constant fills a field no column carries; several header spellings are accepted', async () => {
    const { store, dir } = freshStore();
    const f = join(dir, 'c.csv');
    writeFileSync(f, '工单号,校区名称,故障类型,优先级,报修日期时间\nC-1,本部,水暖,普通,46086.5\n');
    const m = { ...mapping('service-hall-xlsx'), sheet: undefined, header_row: undefined };
    m.columns = [
      { field: 'id', header: ['单号', '工单号'], required: true },
      { field: 'provider', constant: 'huayu-property' },
      ...m.columns.filter((c) => ['campus', 'category', 'priority', 'reported_at'].includes(c.field)),
    ];
    const r = await submit(opts(store, dir, f, { mapping: m }));
    expect(r.problems).toEqual([]);
    expect(stored(store)['C-1']).toMatchObject({ provider: 'huayu-property', campus: 'main', category: 'water', reported_at: '2026-03-05T12:00:00+08:00' });
  });

  it('the store path comes from --db, else CHARTER_DB, else charter-data/', async () => {
    const { dbPath } = await import('../engine/store/store.ts');
    const old = process.env.CHARTER_DB;
    try {
      delete process.env.CHARTER_DB;
      expect(dbPath(undefined, '/x')).toBe('/x/charter-data/charter.sqlite');
      process.env.CHARTER_DB = 'elsewhere/db.sqlite';
      expect(dbPath(undefined, '/x')).toBe('/x/elsewhere/db.sqlite');
      expect(dbPath('given.sqlite', '/x')).toBe('/x/given.sqlite');
    } finally {
      if (old === undefined) delete process.env.CHARTER_DB;
      else process.env.CHARTER_DB = old;
    }
  });

  it('migrations are numbered and applied once', async () => {
    const { MIGRATIONS, migrate } = await import('../engine/store/store.ts');
    const { store } = freshStore();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(migrate(store.db)).toBe(MIGRATIONS.length);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
  });
});
