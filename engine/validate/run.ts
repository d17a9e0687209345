// The validate stage as a plain function: paths in, tree and sorted diagnostics out.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { findYamlFiles, loadTree, type Tree } from '../load/tree.ts';
import { checkTree } from './checks.ts';

export interface ValidateOptions {
  /** Files or folders to check. */
  paths: string[];
  /** The full standards tree used to resolve references from the checked files. */
  contextDir?: string;
  cwd?: string;
  /** Links in the checked folders may not lead outside this folder (default: each path is its own root). */
  root?: string;
}

export interface ValidateResult {
  set: Tree;
  context?: Tree;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

export function validate(opts: ValidateOptions): ValidateResult {
  const cwd = opts.cwd ?? process.cwd();
  const walkProblems: Diagnostic[] = [];
  const files = findYamlFiles(opts.paths.map((p) => resolve(cwd, p)), { cwd, problems: walkProblems, ...(opts.root ? { root: resolve(cwd, opts.root) } : {}) });
  const set = loadTree(files, cwd);
  // Refused links and unreadable folders belong to the checked set: they are its errors.
  set.diagnostics.push(...walkProblems);
  let context: Tree | undefined;
  if (opts.contextDir && existsSync(resolve(cwd, opts.contextDir))) {
    const own = new Set(files);
    const others = findYamlFiles([resolve(cwd, opts.contextDir)], { cwd }).filter((f) => !own.has(f));
    if (others.length) context = loadTree(others, cwd);
  }
  const diagnostics = sortDiagnostics([...set.diagnostics, ...checkTree(set, context)]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const result: ValidateResult = { set, diagnostics, errors, warnings: diagnostics.length - errors };
  if (context) result.context = context;
  return result;
}
