// The version a standards file had in the last commit: a bumped `version` is compared with the edition in
// force (the committed one, as `charter whatif` compares against) to tell whether its history lacks the bump.
import { execFileSync } from 'node:child_process';
import { dirname, relative, sep } from 'node:path';

/**
 * `version:` of each file as committed at HEAD, keyed by absolute path; files git does not know (or no git
 * at all) are simply absent. Two git runs however many files: the repository's top, then one batch read.
 */
export function committedVersions(paths: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!paths.length) return out;
  let top: string;
  try {
    top = execFileSync('git', ['-C', dirname(paths[0]!), 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return out;
  }
  const inside = paths.map((p) => ({ p, rel: relative(top, p).split(sep).join('/') })).filter((x) => x.rel && !x.rel.startsWith('..'));
  if (!inside.length) return out;
  let buf: Buffer;
  try {
    buf = execFileSync('git', ['-C', top, 'cat-file', '--batch'], { input: inside.map((x) => `HEAD:${x.rel}\n`).join(''), stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 1 << 26, timeout: 10_000 });
  } catch {
    return out;
  }
  // Each answer is "<sha> blob <size>\n<content>\n", or "<name> missing\n".
  let at = 0;
  for (const x of inside) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) break;
    const head = buf.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(head);
    if (!m) continue;
    const size = Number(m[1]);
    const text = buf.subarray(at, at + size).toString('utf8');
    at += size + 1;
    const v = /^version:[ \t]*["']?([^"'\s#]+)/m.exec(text)?.[1];
    if (v) out.set(x.p, v);
  }
  return out;
}
