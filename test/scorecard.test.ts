// The paper the CLI prints, end to end on the sample university: a scorecard's numbers are exactly those
// of findings.json, the surveys and the notice ledger (recomputed here independently from those files),
// and the PDFs carry every required field as extractable Chinese text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const SAMPLE = join(ROOT, 'examples', 'sample-university');
let dir: string;
let db: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function pdfText(file: string): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, disableFontFace: true }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    text += c.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  return { text: text.replace(/\s+/g, ''), pages: doc.numPages };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-paper-'));
  db = join(dir, 'db.sqlite');
  for (const [file, kind] of [
    ['work-orders.ndjson', 'work-orders'],
    ['complaints.ndjson', 'complaints'],
    ['activities.ndjson', 'activities'],
    ['equipment-counts.ndjson', 'equipment-counts'],
    ['measurements.ndjson', 'measurements'],
    ['surveys.ndjson', 'surveys'],
  ]) {
    expect(cli(['submit', join(SAMPLE, file!), '--kind', kind!, '--now', '2026-07-10T09:00:00+08:00']).code).toBe(0);
  }
  expect(cli(['notices', 'issue', '--period', '2026-04', '--at', '2026-05-07T09:00', '--out', join(dir, 'notices')]).code).toBe(0);
  expect(cli(['evaluate', '--period', '2026-04', '--out', join(dir, 'eval')]).code).toBe(1); // failures found
}, 120_000);

describe('scorecard', () => {
  it('its numbers are exactly those of findings.json, the surveys and the ledger', () => {
    const r = cli(['scorecard', '--period', '2026-04', '--at', '2026-05-28T09:00', '--out', join(dir, 'cards'), '--json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.out) as { scorecards: { provider: string; supervisor_score: number; users_score: number | null; total: number; grade: string; vetoed: boolean; categories: { id: string; deducted: number; score: number; items: { requirement: string; deduction: number; notice?: string }[] }[] }[] };
    const findings = JSON.parse(readFileSync(join(dir, 'eval', 'findings.json'), 'utf8')) as { findings: { provider: string; requirement: string; status: string }[] };
    const card = parse(readFileSync(join(ROOT, 'standards', 'scoring', 'monthly-scorecard.yaml'), 'utf8')) as { blend: { supervisor: number; users: number }; categories: { id: string; weight: number; requirements: string[]; deduction: number; cap: number }[]; veto: string[]; grades: { code: string; min: number }[] };
    const surveys = readFileSync(join(SAMPLE, 'surveys.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { provider: string; period: string; respondents: number; satisfied: number });
    const ledger = JSON.parse(cli(['notices', 'list', '--json']).out) as { number: string; period: string; provider: string; requirements: string[] }[];
    // A plan's id covers its own requirements (plan:…): plan failures are scored too.
    const under = (id: string, req: string): boolean => req === id || req.startsWith(`${id}.`) || req.startsWith(`${id}-`) || req.startsWith(`${id}:`);
    for (const s of got.scorecards) {
      const failed = findings.findings.filter((f) => f.provider === s.provider && f.status === 'failed');
      const used = new Set<number>();
      let supervisor = 0;
      for (const c of card.categories) {
        const mine = failed.filter((f, i) => !used.has(i) && c.requirements.some((id) => under(id, f.requirement)) && used.add(i));
        const deducted = Math.min(c.cap, mine.length * c.deduction);
        const cat = s.categories.find((x) => x.id === c.id)!;
        expect([cat.deducted, cat.score], c.id).toEqual([deducted, c.weight - deducted]);
        expect(cat.items.map((i) => i.requirement)).toEqual(mine.map((f) => f.requirement));
        for (const i of cat.items) expect(i.notice).toBe(ledger.find((n) => n.period === '2026-04' && n.provider === s.provider && n.requirements.includes(i.requirement))?.number);
        supervisor += c.weight - deducted;
      }
      const sv = surveys.find((x) => x.provider === s.provider && x.period === '2026-04');
      const users = sv ? Math.round((sv.satisfied / sv.respondents) * 1000) / 10 : null;
      const total = users === null ? supervisor : Math.round(((supervisor * card.blend.supervisor + users * card.blend.users) / 100) * 10) / 10;
      const vetoed = failed.some((f) => card.veto.some((id) => under(id, f.requirement)));
      expect([s.supervisor_score, s.users_score, s.total, s.vetoed]).toEqual([supervisor, users, total, vetoed]);
      expect(s.grade).toBe(vetoed ? card.grades.at(-1)!.code : card.grades.find((g) => total >= g.min)!.code);
    }
    // The sample has failures in April, so some deduction must show up (the test is not vacuous).
    expect(got.scorecards.some((s) => s.supervisor_score < 100)).toBe(true);
  });

  it('the scorecard PDF carries its fields as text', async () => {
    const { text, pages } = await pdfText(join(dir, 'cards', 'scorecard-2026-04-huayu-property.pdf'));
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const s of ['华宇物业服务有限公司', '2026年4月', '基本要求与服务承诺', '一票否决', '综合得分', '优秀', '考核人', '服务单位负责人', '后勤管理处负责人', '后勤督〔2026〕第001号']) expect(text, s).toContain(s);
  });
});

describe('notices on paper', () => {
  it('each notice PDF carries every required field, in extractable Chinese', async () => {
    const list = JSON.parse(cli(['notices', 'list', '--json']).out) as { number: string; requirements: string[]; deadline: string }[];
    expect(list.length).toBeGreaterThan(0);
    const show = JSON.parse(cli(['notices', 'show', '2026-001', '--json']).out) as { file: string; doc: { provider: { name: string }; problems: { requirement: string; evidence_total: number }[]; provenance: { data_sha256: string } } };
    const { text } = await pdfText(join(dir, 'notices', 'notice-2026-001.pdf'));
    const n = list[0]!;
    const d = n.deadline.split('-').map(Number);
    for (const s of [n.number, show.doc.provider.name, '问题整改通知单', '2026年4月', '2026年5月7日', `${d[0]}年${d[1]}月${d[2]}日`, '整改要求', '复查', '签收', '整改情况', '如对所列问题有异议', show.doc.provenance.data_sha256.slice(0, 16), '第1页']) expect(text, s).toContain(s.replace(/\s+/g, ''));
    for (const p of show.doc.problems) {
      expect(text).toContain(p.requirement);
      expect(text).toContain(`共${p.evidence_total}条`);
    }
  });

  it('the combined PDF holds every notice of the period', async () => {
    const { text } = await pdfText(join(dir, 'notices', 'notices-2026-04.pdf'));
    for (const n of JSON.parse(cli(['notices', 'list', '--json']).out) as { number: string }[]) expect(text).toContain(n.number);
  });

  it('printing again gives the same bytes', () => {
    const before = readFileSync(join(dir, 'notices', 'notice-2026-001.pdf'));
    expect(cli(['notices', 'print', '2026-001', '--out', join(dir, 'notices')]).code).toBe(0);
    expect(readFileSync(join(dir, 'notices', 'notice-2026-001.pdf')).equals(before)).toBe(true);
  });
});
