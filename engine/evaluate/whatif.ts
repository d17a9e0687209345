// What-if: the same stored data under the current standards tree and a proposed one (a folder, or a
// git revision of standards/), and what changes — findings that appear or disappear, pledge rates.
import { CodedError } from '../diagnostics.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lacksForData, type Tree } from '../load/tree.ts';
import type { Store } from '../store/store.ts';
import { validate } from '../validate/run.ts';
import { evaluate, type Finding, type Findings, type Status } from './evaluate.ts';

export interface WhatIf {
  period: string;
  proposal: string;
  changed: { key: string; requirement: string; provider: string; scope: string; before: Status | 'absent'; after: Status | 'absent'; measured_before?: string | number; measured_after?: string | number }[];
  pledges: { requirement: string; limit: string; provider: string; before: { n: number; met: number; rate: number | null; limit: string } | null; after: { n: number; met: number; rate: number | null; limit: string } | null }[];
  before: Findings['summary'];
  after: Findings['summary'];
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
    const has = execFileSync('git', ['-C', repo, 'ls-tree', '-d', '--name-only', hash, '--', subdir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    if (!has) throw new ProposalError('CH015', { value: rev, commit: hash.slice(0, 12) });
    const tar = execFileSync('git', ['-C', repo, 'archive', '--format=tar', hash, '--', subdir], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
    return join(dir, subdir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof ProposalError) throw e;
    throw new ProposalError('CH014', { value: rev, detail: gitSays(e) });
  }
}

export function loadProposal(path: string, cwd: string): { tree?: Tree; errors: number; lacks?: ReturnType<typeof lacksForData> } {
  const r = validate({ paths: [path], cwd });
  if (r.errors) return { errors: r.errors };
  // A proposal without a calendar or register cannot be evaluated (CH122), rather than failing inside evaluate.
  const lacks = lacksForData(r.set);
  return lacks ? { errors: 0, lacks } : { tree: r.set, errors: 0 };
}

const keyOf = (f: Finding): string => `${f.requirement}|${f.provider}|${f.scope.kind}:${f.scope.id}`;

export function whatIf(o: { current: Tree; proposed: Tree; store: Store; period: string; proposal: string; asOf?: Date }): WhatIf {
  const base = { store: o.store, period: o.period, ...(o.asOf ? { asOf: o.asOf } : {}) };
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
  return { period: o.period, proposal: o.proposal, changed, pledges, before: a.summary, after: b.summary };
}

export function cleanupProposal(path: string): void {
  rmSync(join(path, '..'), { recursive: true, force: true });
}
