// The rectification loop on the sample university: notices from failed findings, numbers that are never
// shared or reused (two processes at once; a process killed mid-issue), the ledger's moves and refusals,
// verification on data after the rectification, overdue and escalation by the plan's rules, recurrence,
// and an append-only history.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { submit } from '../engine/data/submit.ts';
import { evaluate } from '../engine/evaluate/evaluate.ts';
import { findNotice, formatNumber, issueNotices, LedgerError, loadNotices, move, noticeFacts, planNotices, reopenRecurring, reviewLedger } from '../engine/notices/ledger.ts';
import { verifyNotice } from '../engine/notices/verify.ts';
import { test as fastTest, type Condition } from '../engine/evaluate/conditions.ts';
import type { RecordKind } from '../engine/model/vocabulary.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions, submitSample } from './helpers.ts';

const shipped = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
// The loop runs into September and October, past the sample contracts' end (3 July): here the contracts are
// taken as renewed, since a period outside a provider's service period has no duties (issue 10 §2).
const tree = { ...shipped, registers: shipped.registers.map((l) => ({ ...l, value: { ...l.value, providers: l.value.providers.map((p) => ({ ...p, service: { from: p.service?.from ?? '2026-02-23' } })) } })) };
const cal = createCalendar(tree.calendars[0]!.value);
let dir: string;
let dbFile: string;
let store: Store;

async function load(s: Store, d: string): Promise<void> {
  for (const status of await submitSample(tree, s, d)) expect(status).toBe('stored');
}

async function submitRows(kind: RecordKind, rows: Record<string, unknown>[]): Promise<void> {
  const f = join(dir, `extra-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(f, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = await submit(submitOptions(tree, store, dir, f, kind));
  expect(r.problems).toEqual([]);
}

/** Work orders of huayu-property in dormitory d01, each arriving `minutes` after a weekday 09:00 report. */
function workOrders(prefix: string, days: string[], minutes: number): Record<string, unknown>[] {
  return days.map((d, i) => ({
    id: `${prefix}-${i}`,
    provider: 'huayu-property',
    campus: 'main',
    building: 'd01',
    category: 'general',
    priority: 'normal',
    reported_at: `${d}T09:00:00+08:00`,
    arrived_at: cal.format(cal.parse(`${d}T09:00`).getTime() + minutes * 60_000),
    completed_at: cal.format(cal.parse(`${d}T09:00`).getTime() + (minutes + 30) * 60_000),
  }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-notices-'));
  dbFile = join(dir, 'db.sqlite');
  store = openStore(dbFile);
  await load(store, dir);
}, 60_000);

describe('issuing', () => {
  it('formats numbers from the configured pattern', () => {
    expect(formatNumber('后勤督〔{year}〕第{seq:3}号', 2026, 7)).toBe('后勤督〔2026〕第007号');
    expect(formatNumber('HQ-{year}-{seq}', 2026, 1234)).toBe('HQ-2026-1234');
  });

  it('one notice per provider with a failed finding, numbered in sequence; issuing again adds nothing', () => {
    const findings = evaluate({ tree, store, period: '2026-04' });
    // The inspector unit's own missed rounds (scope inspection-plan) are on no notice: the office does not serve
    // itself one, and no provider answers for a check the office did not make.
    const own = findings.findings.filter((f) => f.scope.kind === 'inspection-plan');
    expect(own.map((f) => [f.provider, f.status])).toEqual([['logistics-office', 'failed']]);
    const failedProviders = [...new Set(findings.findings.filter((f) => f.status === 'failed' && f.scope.kind !== 'inspection-plan').map((f) => f.provider))];
    const planned = planNotices({ tree, findings, issuedAt: cal.parse('2026-05-06T09:00') });
    expect(planned.map((p) => p.provider)).toEqual(failedProviders);
    expect(planned.flatMap((p) => p.doc.problems.map((x) => x.requirement))).not.toContain(own[0]!.requirement);
    const r = issueNotices(store, planned, { tree, actor: '质量监督科' });
    // One number per provider with a failure, in sequence (how many follows the sample's drawn inspection failures).
    const numbers = planned.map((_, i) => formatNumber('后勤督〔{year}〕第{seq:3}号', 2026, i + 1));
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(r.issued.map((n) => n.number)).toEqual(numbers);
    // Every failed finding of the provider is a problem on its notice, with the clause text and evidence count.
    for (const n of r.issued) {
      // 宜 (should) findings are advice, not problems (issue 10 §3).
      const mine = findings.findings.filter((f) => f.status === 'failed' && f.obligation !== 'should' && f.provider === n.provider && f.scope.kind !== 'inspection-plan');
      expect(n.doc.problems.map((p) => [p.requirement, p.clause_text, p.evidence_total])).toEqual(mine.map((f) => [f.requirement, f.text, f.evidence_total]));
      expect(n.doc.provenance.data_sha256).toBe(findings.data.sha256);
    }
    // 5 working days after Wednesday 6 May 2026: 7, 8, 9 (the make-up Saturday for the May Day holiday), 11, 12.
    expect(r.issued[0]!.deadline).toBe('2026-05-12');
    expect(r.issued[0]!.doc.objection.until).toBe('2026-05-12');
    const again = issueNotices(store, planNotices({ tree, findings, issuedAt: cal.parse('2026-05-07T09:00') }), { tree, actor: 'x' });
    expect(again.issued).toEqual([]);
    expect(again.existing.map((n) => n.number)).toEqual(numbers);
  });

  it('grouped one per failed requirement when the office configures group_by: requirement', () => {
    const findings = evaluate({ tree, store, period: '2026-04' });
    const cfg = tree.noticeConfigs[0]!;
    const perRequirement = { ...tree, noticeConfigs: [{ ...cfg, value: { ...cfg.value, group_by: 'requirement' as const } }] };
    const planned = planNotices({ tree: perRequirement, findings, issuedAt: cal.parse('2026-05-06T09:00') });
    const failed = findings.findings.filter((f) => f.status === 'failed' && f.obligation !== 'should' && f.scope.kind !== 'inspection-plan');
    expect(planned.map((p) => p.group_key)).toEqual([...new Set(failed.map((f) => `${f.provider}|${f.requirement}`))]);
    expect(planned.every((p) => p.requirements.length === 1)).toBe(true);
  });

  it('two processes issuing at once never share a number', async () => {
    const child = (period: string): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const p = spawn(process.execPath, [join(ROOT, 'test', 'fixtures', 'notices', 'issue-child.ts'), dbFile, period, `${period}-28T10:00`], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as string[]) : reject(new Error(err))));
      });
    const [a, b] = await Promise.all([child('2026-03'), child('2026-05')]);
    const all = [...a, ...b];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    const seqs = loadNotices(store).map((n) => n.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // 1..N, no gap, no repeat
  }, 60_000);

  it('a process killed while issuing leaves no half-issued notice and no used number', async () => {
    const before = loadNotices(store).length;
    const lastSeq = () => (store.db.prepare('SELECT last_seq FROM notice_numbers WHERE year = 2026').get() as { last_seq: number }).last_seq;
    const seq = lastSeq();
    const hold = join(dir, 'hold');
    const p = spawn(process.execPath, [join(ROOT, 'test', 'fixtures', 'notices', 'issue-child.ts'), dbFile, '2026-06', '2026-07-06T10:00', hold], { stdio: 'ignore' });
    for (let i = 0; i < 400 && !existsSync(hold); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(hold)).toBe(true);
    p.kill('SIGKILL');
    await new Promise((r) => p.on('close', r));
    const s2 = openStore(dbFile);
    expect(loadNotices(s2, { period: '2026-06' })).toEqual([]);
    expect(loadNotices(s2).length).toBe(before);
    s2.close();
    expect(lastSeq()).toBe(seq);
    // The next issue takes the next number.
    const r = issueNotices(store, planNotices({ tree, findings: evaluate({ tree, store, period: '2026-06' }), issuedAt: cal.parse('2026-07-06T10:00') }), { tree, actor: 'x' });
    expect(r.issued[0]!.seq).toBe(seq + 1);
  }, 60_000);
});

describe('the loop', () => {
  const huayu = '2026-001';
  const xinyuan = '2026-002';

  it('refuses what the status does not allow, times before issue, and unknown numbers', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof LedgerError) return e.code;
        throw e;
      }
      return 'none';
    };
    expect(code(() => findNotice(store, '2026-999'))).toBe('CH503');
    expect(code(() => verifyNotice({ tree, store, number: huayu, asOf: cal.parse('2026-05-10T10:00'), actor: 'x' }))).toBe('CH504');
    expect(code(() => move(store, huayu, 'ack', { actor: '张三', at: '2026-05-01T10:00:00+08:00' }))).toBe('CH505');
  });

  it('acknowledged, rectification reported; verification on the data after it', async () => {
    expect(move(store, huayu, 'ack', { actor: '张三（华宇物业）', at: '2026-05-07T10:00:00+08:00' }).notice.status).toBe('acknowledged');
    expect(move(store, huayu, 'reply', { actor: '张三（华宇物业）', at: '2026-08-03T08:00:00+08:00', note: '已加强值班与派单，维修人员 1 小时内到场' }).notice.status).toBe('rectification-reported');
    // No data after the report yet: it cannot be verified.
    expect(() => verifyNotice({ tree, store, number: huayu, asOf: cal.parse('2026-08-03T08:30'), actor: 'x' })).toThrow(LedgerError);
    // Work orders after the rectification, all on time (20 minutes against the 1-hour working-hours limit).
    await submitRows('work-orders', workOrders('WO-AUG', ['2026-08-03', '2026-08-04', '2026-08-05'], 20));
    const v = verifyNotice({ tree, store, number: huayu, asOf: cal.parse('2026-08-10T09:00'), actor: '李四（后勤处）' });
    expect(v.outcome).toBe('verified');
    expect(v.findings.filter((f) => f.status === 'passed').map((f) => f.requirement)).toContain('4.3-1');
    expect(findNotice(store, huayu).status).toBe('verified');
  });

  it('a verified notice whose requirement fails again later is re-opened as recurring', async () => {
    await submitRows('work-orders', workOrders('WO-SEP', ['2026-09-07'], 95)); // 95 minutes > 1 hour
    const sep = evaluate({ tree, store, period: '2026-09', provider: 'huayu-property' });
    expect(sep.findings.find((f) => f.requirement === '4.3-1')!.status).toBe('failed');
    const again = reopenRecurring(store, sep, '2026-10-08T09:00:00+08:00', 'charter');
    // The sample's unapproved routine maintenance plan (5.1.1.2, a standing document gap) is on the notice too and still fails.
    expect(again).toEqual([{ number: '后勤督〔2026〕第001号', requirement: '4.3-1' }, { number: '后勤督〔2026〕第001号', requirement: '5.1.1.2' }]);
    expect(findNotice(store, huayu).status).toBe('reopened');
    // Once per later period.
    expect(reopenRecurring(store, sep, '2026-10-09T09:00:00+08:00', 'charter')).toEqual([]);
  });

  it('not handled in time: overdue by the plan’s rule, then escalated after more than 5 working days', async () => {
    // Deadline 12 May. On the 14th two working days late → overdue; on 22 May eight working days late → escalated.
    const c1 = await reviewLedger(store, tree, cal.parse('2026-05-14T09:00'));
    expect(c1.filter((c) => c.number === '后勤督〔2026〕第002号').map((c) => [c.rule, c.to])).toEqual([['overdue', 'overdue']]);
    const c2 = await reviewLedger(store, tree, cal.parse('2026-05-22T09:00'));
    expect(c2.filter((c) => c.number === '后勤督〔2026〕第002号').map((c) => [c.rule, c.to])).toEqual([['escalate-not-handled', 'escalated']]);
    // Reviewing again changes nothing.
    expect((await reviewLedger(store, tree, cal.parse('2026-05-22T10:00'))).filter((c) => c.number === '后勤督〔2026〕第002号')).toEqual([]);
    // A late rectification can still be reported.
    expect(move(store, xinyuan, 'reply', { actor: '王五', at: '2026-05-25T09:00:00+08:00', note: '补齐配电房巡检' }).notice.status).toBe('rectification-reported');
  });

  it('recurring and drawing public concern escalates by the plan’s other rule', async () => {
    move(store, huayu, 'concern', { actor: '后勤处', at: '2026-10-09T10:00:00+08:00', note: '学生论坛集中反映维修不及时' });
    // Re-opened on 8 October, it has a fresh 5 working days, so it is not overdue on the 9th: only the concern rule fires.
    const c = await reviewLedger(store, tree, cal.parse('2026-10-09T11:00'));
    expect(c.filter((x) => x.number === '后勤督〔2026〕第001号').map((x) => [x.rule, x.to])).toEqual([['escalate-recurring-concern', 'escalated']]);
  });

  it('keeps every change as an event; rows cannot be updated or deleted', () => {
    const n = findNotice(store, huayu);
    expect(n.events.map((e) => e.event)).toEqual(['issued', 'acknowledged', 'rectification-reported', 'verified', 'reopened', 'public-concern', 'escalated']);
    expect(n.events.map((e) => e.at)).toEqual([...n.events.map((e) => e.at)].sort());
    expect(() => store.db.prepare('UPDATE notices SET number = ? WHERE id = ?').run('X', n.id)).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM notice_events WHERE notice_id = ?').run(n.id)).toThrow(/append-only/);
  });
});

describe('CLI', () => {
  it('usage errors and ledger refusals are coded messages, not stack traces', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), ...args, '--db', dbFile], { cwd: ROOT, encoding: 'utf8' });
    const a = run(['notices', 'show', '2026-999']);
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('CH503');
    expect(a.stderr).not.toMatch(/at .*\.ts:\d+/);
    const b = run(['notices', 'ack', '2026-001']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('CH026'); // 缺少 --by（经办人姓名）
    const c = run(['notices', 'ack', '2026-001', '--by', '张三', '--lang', 'en']);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain('CH504');
    expect(c.stderr).toMatch(/escalated|reopened/);
  });
});

describe('the Nantong plan’s deadlines (四、4 责令相关单位限期整改; 四、6 没有及时有效处理)', () => {
  let number = '';

  it('a rectification report that arrives after the deadline is overdue when it arrives, with no review before it', async () => {
    const sep = evaluate({ tree, store, period: '2026-09', provider: 'huayu-property' });
    const r = issueNotices(store, planNotices({ tree, findings: sep, issuedAt: cal.parse('2026-10-12T09:00'), provider: 'huayu-property' }), { tree, actor: '质量监督科' });
    number = r.issued[0]!.number;
    const n = findNotice(store, number);
    // Issued Monday 12 October; 5 working days (issue day not counted) → Monday 19 October, 24:00.
    expect(n.deadline).toBe('2026-10-19');
    expect(noticeFacts(n, cal, cal.parse('2026-10-19T23:59'), 5).days_overdue).toBe(0);
    expect(noticeFacts(n, cal, cal.parse('2026-10-20T08:00'), 5).days_overdue).toBe(1);
    move(store, number, 'reply', { actor: '张三（华宇物业）', at: '2026-10-21T10:00:00+08:00', note: '已调整值班', tree });
    const after = findNotice(store, number);
    expect(after.status).toBe('rectification-reported');
    expect(after.events.map((e) => [e.event, e.at])).toEqual([
      ['issued', '2026-10-12T09:00:00+08:00'],
      ['overdue', '2026-10-21T10:00:00+08:00'],
      ['rectification-reported', '2026-10-21T10:00:00+08:00'],
    ]);
    expect(after.events[1]!.data).toMatchObject({ rules: ['overdue'], on: 'rectification-reported', deadline: '2026-10-19', days_overdue: 2 });
  });

  it('a report on the deadline day is on time; a Saturday report after a Friday deadline is late', () => {
    // The configured overdue rules, checked on the facts without touching the ledger.
    const overdue = tree.noticeConfigs[0]!.value.rules.filter((r) => r.effect === 'overdue');
    const fires = (n: Parameters<typeof noticeFacts>[0], at: string): boolean => overdue.some((r) => fastTest(r.conditions as Condition, { notice: noticeFacts(n, cal, cal.parse(at), 5) as Record<string, unknown> }));
    const n = findNotice(store, number);
    const open = { ...n, status: 'acknowledged' as const, events: n.events.slice(0, 1) };
    expect(fires(open, '2026-10-19T23:59')).toBe(false);
    expect(fires(open, '2026-10-20T00:00')).toBe(true);
    // Deadline Friday 23 October: no working day has passed on Saturday, but the time is up.
    const friday = { ...open, deadline: '2026-10-23' };
    expect(noticeFacts(friday, cal, cal.parse('2026-10-24T10:00'), 5).days_overdue).toBe(0);
    expect(fires(friday, '2026-10-23T23:00')).toBe(false);
    expect(fires(friday, '2026-10-24T10:00')).toBe(true);
  });

  it('a failed re-check (复查未通过) sets a new rectification deadline (再次限期整改) from the configuration', async () => {
    // After the report, work orders are still late: 95 minutes against the 1-hour working-hours limit.
    await submitRows('work-orders', workOrders('WO-OCT', ['2026-10-22', '2026-10-23'], 95));
    const v = verifyNotice({ tree, store, number, asOf: cal.parse('2026-10-26T09:00'), actor: '李四（后勤处）' });
    expect(v.outcome).toBe('failed');
    // notices.yaml recheck_failed: 5 working days from Monday 26 October → Monday 2 November.
    expect(v.deadline).toBe('2026-11-02');
    expect(v.event.note).toContain('再次限期整改，期限至 2026年11月2日'); // the note is read on the history: the date in words (issue 13)
    expect(v.event.data).toMatchObject({ deadline: '2026-11-02', working_days: 5, basis: 'nantong-supervision:rectification-notice' });
    const n = findNotice(store, number);
    expect(n.status).toBe('acknowledged');
    expect(noticeFacts(n, cal, cal.parse('2026-10-30T09:00'), 5).deadline).toBe('2026-11-02');
    // Not overdue on the new deadline's day; overdue the next working day, by the plan's rule.
    expect((await reviewLedger(store, tree, cal.parse('2026-11-02T20:00'))).filter((c) => c.number === n.number)).toEqual([]);
    const c = await reviewLedger(store, tree, cal.parse('2026-11-03T09:00'));
    expect(c.filter((x) => x.number === n.number).map((x) => [x.rule, x.to])).toEqual([['overdue', 'overdue']]);
  });
});
