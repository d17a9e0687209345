// What-if: the same stored data under the current standards tree and a proposed one (a folder, or a
// git revision of standards/), and what changes — findings that appear or disappear, pledge rates.
import { CodedError } from '../diagnostics.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { lacksForData, type Tree } from '../load/tree.ts';
import type { Store } from '../store/store.ts';
import { validate } from '../validate/run.ts';
import { evaluate, type Finding, type FindingWords, type Findings, type Status } from './evaluate.ts';
import { explainRecord } from './explain.ts';

export interface WhatIf {
  period: string;
  proposal: string;
  changed: { key: string; requirement: string; provider: string; scope: string; before: Status | 'absent'; after: Status | 'absent'; measured_before?: string | number; measured_after?: string | number; words_before?: FindingWords; words_after?: FindingWords }[];
  pledges: { requirement: string; limit: string; provider: string; before: { n: number; met: number; rate: number | null; limit: string } | null; after: { n: number; met: number; rate: number | null; limit: string } | null }[];
  before: Findings['summary'];
  after: Findings['summary'];
  /** Records whose verdict changes: each record named in a finding's evidence on either side, with its
   * outcome there (met, missed, open-breached … or `absent`: not listed as a problem on that side). */
  records: RecordChange[];
  /** More records changed than are listed. */
  records_total: number;
}

export interface RecordChange {
  requirement: string;
  provider: string;
  record: string;
  before: string;
  after: string;
}

/** A --proposal value that cannot be used; `code` is a CH01x catalogue code, `args` its message arguments. */
export class ProposalError extends CodedError {}

/** git's own words for a failure, on one line (its stderr, or why git could not run). */
function gitSays(e: unknown): string {
  const x = e as { stderr?: Buffer | string; code?: string; message?: string };
  if (x.code === 'ENOENT') return 'git is not installed';
  const err = String(x.stderr ?? '').trim().split('\n').filter(Boolean).pop();
  return (err ?? x.message ?? String(e)).replace(/^fatal:\s*/, '').slice(0, 200);
}

/** The commit a revision names, as a full hash. The value is never an option to git: one starting with
 * "-" is refused, and --end-of-options ends git's option parsing before it (no shell is involved). */
export function resolveRevision(repo: string, rev: string): string {
  if (rev.startsWith('-')) throw new ProposalError('CH013', { value: rev });
  let out: string;
  try {
    out = execFileSync('git', ['-C', repo, 'rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    throw new ProposalError('CH014', { value: rev, detail: gitSays(e) });
  }
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(out)) throw new ProposalError('CH014', { value: rev, detail: out.slice(0, 200) });
  return out;
}

/** Materialise a git revision's standards/ into a temporary folder (removed again if this fails). */
export function checkoutRevision(repo: string, rev: string, subdir = 'standards'): string {
  const hash = resolveRevision(repo, rev);
  const dir = mkdtempSync(join(tmpdir(), 'charter-proposal-'));
  try {
    // subdir '' is the whole repository (a standards tree at the repository's root).
    const has = subdir ? execFileSync('git', ['-C', repo, 'ls-tree', '-d', '--name-only', hash, '--', subdir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() : '.';
    if (!has) throw new ProposalError('CH015', { value: rev, commit: hash.slice(0, 12) });
    const tar = execFileSync('git', ['-C', repo, 'archive', '--format=tar', hash, ...(subdir ? ['--', subdir] : [])], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
    return join(dir, subdir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof ProposalError) throw e;
    throw new ProposalError('CH014', { value: rev, detail: gitSays(e) });
  }
}

/**
 * The edition in force for the edit-in-place workflow (docs/editing.md): the standards folder as committed
 * at git HEAD, checked out into a temporary folder. `changed` says whether the working tree differs from it.
 * Not in a repository, no commit yet, or the folder never committed: CH342.
 */
export function committedEdition(treeDir: string, shown: string): { dir: string; changed: boolean; commit: string } {
  const git = (args: string[]): string => execFileSync('git', ['-C', treeDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  let top: string;
  let prefix: string;
  try {
    top = git(['rev-parse', '--show-toplevel']);
    prefix = git(['rev-parse', '--show-prefix']).replace(/\/$/, '');
  } catch (e) {
    throw new ProposalError('CH342', { value: shown, detail: gitSays(e) });
  }
  let dir: string;
  let commit: string;
  try {
    commit = resolveRevision(top, 'HEAD');
    dir = checkoutRevision(top, commit, prefix);
  } catch (e) {
    if (e instanceof ProposalError) throw new ProposalError('CH342', { value: shown, detail: e.code === 'CH015' ? `HEAD ${String(e.args.commit)} has no ${prefix || '.'}` : String(e.args.detail ?? e.code) });
    throw e;
  }
  let changed = true;
  try {
    changed = git(['status', '--porcelain', '--untracked-files=all', '--', '.']) !== '';
  } catch {
    // unknown: compare anyway
  }
  return { dir, changed, commit };
}

/** One side of a comparison as read: the tree, or every problem with it (each with its file's source for a code frame). */
export interface Side {
  tree?: Tree;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  errors: number;
  lacks?: ReturnType<typeof lacksForData>;
}

/** A standards folder for whatif, read as the data commands read it: the requirement tests under tests/ are left out. */
export function loadSide(dir: string, cwd: string): Side {
  const paths = readdirSync(dir).filter((n) => n !== 'tests').map((n) => join(dir, n));
  const r = validate({ paths, cwd, root: dir });
  const sources = new Map(r.set.files.map((f) => [f.display, f.yaml.source]));
  if (r.errors) return { diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), sources, errors: r.errors };
  const lacks = lacksForData(r.set);
  return lacks ? { diagnostics: [], sources, errors: 0, lacks } : { tree: r.set, diagnostics: [], sources, errors: 0 };
}

/** Where a temporary checkout's file came from, for messages: <label>/section-4.yaml rather than /tmp/…. */
export function relabel(d: Diagnostic, dir: string, label: string, cwd: string): Diagnostic {
  const rel = relative(dir, resolve(cwd, d.file));
  return rel.startsWith('..') ? d : { ...d, file: `${label}/${rel}` };
}

/**
 * The months of --period: YYYY-MM, a range YYYY-MM..YYYY-MM, or several of either (repeated --period);
 * in order, each once. At most 24 months; anything else is returned as the bad value.
 */
export function expandPeriods(values: string[]): { months: string[] } | { bad: string } {
  const out = new Set<string>();
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/;
  for (const v of values) {
    const [a, b, ...rest] = v.split('..');
    const ma = month.exec(a ?? '');
    const mb = b === undefined ? ma : month.exec(b);
    if (!ma || !mb || rest.length) return { bad: v };
    let y = Number(ma[1]);
    let m = Number(ma[2]);
    const end = Number(mb[1]) * 12 + Number(mb[2]);
    if (y * 12 + m > end) return { bad: v };
    for (; y * 12 + m <= end; m === 12 ? ((m = 1), y++) : m++) {
      out.add(`${y}-${String(m).padStart(2, '0')}`);
      if (out.size > 24) return { bad: v };
    }
  }
  return out.size ? { months: [...out].sort() } : { bad: values.join(' ') };
}

export function loadProposal(path: string, cwd: string): { tree?: Tree; errors: number; lacks?: ReturnType<typeof lacksForData> } {
  const r = validate({ paths: [path], cwd });
  if (r.errors) return { errors: r.errors };
  // A proposal without a calendar or register cannot be evaluated (CH122), rather than failing inside evaluate.
  const lacks = lacksForData(r.set);
  return lacks ? { errors: 0, lacks } : { tree: r.set, errors: 0 };
}

const keyOf = (f: Finding): string => `${f.requirement}|${f.provider}|${f.scope.kind}:${f.scope.id}`;

/** How many records a comparison lists, and how many it looks up one by one (explain) for their outcome. */
const RECORDS_SHOWN = 200;

export function whatIf(o: { current: Tree; proposed: Tree; store: Store; period: string; proposal: string; asOf?: Date }): WhatIf {
  // Every evidence item, so a record that changes verdict is never hidden behind the listing limit.
  const base = { store: o.store, period: o.period, evidenceLimit: Number.MAX_SAFE_INTEGER, ...(o.asOf ? { asOf: o.asOf } : {}) };
  const a = evaluate({ ...base, tree: o.current });
  const b = evaluate({ ...base, tree: o.proposed });
  const before = new Map(a.findings.map((f) => [keyOf(f), f]));
  const after = new Map(b.findings.map((f) => [keyOf(f), f]));
  const changed: WhatIf['changed'] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(key);
    const y = after.get(key);
    if (x && y && x.status === y.status && String(x.measured) === String(y.measured)) continue;
    const f = (y ?? x)!;
    changed.push({
      key,
      requirement: f.requirement,
      provider: f.provider,
      scope: `${f.scope.kind}:${f.scope.id}`,
      before: x?.status ?? 'absent',
      after: y?.status ?? 'absent',
      ...(x?.measured !== undefined ? { measured_before: x.measured } : {}),
      ...(y?.measured !== undefined ? { measured_after: y.measured } : {}),
      // The evaluation's own words for what was measured and where (h13-evidence), for the table.
      ...(x?.words ? { words_before: x.words } : {}),
      ...(y?.words ? { words_after: y.words } : {}),
    });
  }
  const pk = (p: Findings['pledges'][number]) => `${p.requirement}|${p.limit}|${p.provider}`;
  const pa = new Map(a.pledges.map((p) => [pk(p), p]));
  const pb = new Map(b.pledges.map((p) => [pk(p), p]));
  const pledges: WhatIf['pledges'] = [];
  for (const key of [...new Set([...pa.keys(), ...pb.keys()])].sort()) {
    const x = pa.get(key);
    const y = pb.get(key);
    if (x && y && x.met === y.met && x.n === y.n && x.limit_value === y.limit_value) continue;
    const p = (y ?? x)!;
    pledges.push({
      requirement: p.requirement,
      limit: p.limit,
      provider: p.provider,
      before: x ? { n: x.n, met: x.met, rate: x.rate, limit: x.limit_value } : null,
      after: y ? { n: y.n, met: y.met, rate: y.rate, limit: y.limit_value } : null,
    });
  }
  const { records, total } = recordChanges(o, a.findings, b.findings);
  return { period: o.period, proposal: o.proposal, changed, pledges, before: a.summary, after: b.summary, records, records_total: total };
}

/**
 * The records whose verdict differs: a record named in a finding's evidence (a missed case, a reading below
 * the threshold, a document with a problem) on one side and not, or differently, on the other. A record not
 * listed on a side is looked up for timeliness requirements (its outcome there: met, excluded, open …) so a
 * reader sees 超时 → 按时 rather than "not listed".
 */
function recordChanges(o: { current: Tree; proposed: Tree; store: Store; asOf?: Date }, a: Finding[], b: Finding[]): { records: RecordChange[]; total: number } {
  const outcomes = (fs: Finding[]): Map<string, { f: Finding; outcome: string }> => {
    const m = new Map<string, { f: Finding; outcome: string }>();
    for (const f of fs) for (const e of f.evidence) if (e.record) m.set(`${f.requirement}|${f.provider}|${e.record}`, { f, outcome: e.outcome });
    return m;
  };
  const x = outcomes(a);
  const y = outcomes(b);
  const keys = [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k)?.outcome !== y.get(k)?.outcome).sort();
  const records: RecordChange[] = [];
  for (const k of keys.slice(0, RECORDS_SHOWN)) {
    const [requirement, provider, record] = k.split('|') as [string, string, string];
    const f = (y.get(k) ?? x.get(k))!.f;
    const side = (tree: Tree, hit: { outcome: string } | undefined): string => {
      if (hit) return hit.outcome;
      if (f.type !== 'timeliness') return 'absent';
      try {
        const r = explainRecord({ tree, store: o.store, requirement, record, ...(o.asOf ? { asOf: o.asOf } : {}) });
        return 'outcome' in r && typeof r.outcome === 'string' ? r.outcome : 'absent';
      } catch {
        return 'absent'; // the requirement is not in this edition
      }
    };
    const before = side(o.current, x.get(k));
    const after = side(o.proposed, y.get(k));
    if (before !== after) records.push({ requirement, provider, record, before, after });
  }
  return { records, total: keys.length > RECORDS_SHOWN ? keys.length : records.length };
}

export function cleanupProposal(path: string): void {
  rmSync(join(path, '..'), { recursive: true, force: true });
}
