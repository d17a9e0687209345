// Load a set of YAML files into an indexed tree: the input of every later stage.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';
import type { RequirementTestFile } from '../evaluate/case-tests.ts';
import type { ActivitiesFile, AnyFile, InspectionsFile, MappingFile, NoticesFile, ProfileFile, ServiceDeskFile, RegisterFile, Requirement, RequirementsFile, SchoolCalendarFile, ScorecardFile, StandardFile } from '../model/types.ts';
import type { FileKind } from '../model/vocabulary.ts';
import { validateShape } from '../schemas/validate.ts';
import { loadYamlFile, type LoadedYaml } from './yaml.ts';

export interface SourceFile {
  path: string;
  display: string;
  yaml: LoadedYaml;
  kind?: FileKind;
  /** Set only when the file parsed and matched its schema. */
  data?: AnyFile;
}

export interface Located<T> {
  value: T;
  file: SourceFile;
  pointer: string;
}

export interface Tree {
  files: SourceFile[];
  standards: Located<StandardFile>[];
  requirementFiles: Located<RequirementsFile>[];
  activityFiles: Located<ActivitiesFile>[];
  profiles: Located<ProfileFile>[];
  scorecards: Located<ScorecardFile>[];
  noticeConfigs: Located<NoticesFile>[];
  serviceDesks: Located<ServiceDeskFile>[];
  /** The school's inspection plans (kind: inspections); the first is used. */
  inspectionPlans: Located<InspectionsFile>[];
  registers: Located<RegisterFile>[];
  calendars: Located<SchoolCalendarFile>[];
  mappings: Located<MappingFile>[];
  requirementTests: Located<RequirementTestFile>[];
  /** Every requirement, standard and profile, in file order. */
  requirements: Located<Requirement>[];
  diagnostics: Diagnostic[];
  /** Kinds of which some file could not be loaded: references into them are not reported as dangling. */
  broken: Set<string>;
}

/** Kernel and device trees a link in a standards folder never leads into, whatever the root. */
const NEVER = ['/proc', '/sys', '/dev'];

const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

export interface FindOptions {
  /** Links may not lead outside this folder (default: each given path is its own root). */
  root?: string;
  /** Where refused links and unreadable folders are reported (CH120, CH105); display paths relative to cwd. */
  problems?: Diagnostic[];
  cwd?: string;
}

/**
 * The .yaml files under the given files and folders, in a stable order. A symbolic link is followed only
 * when it leads inside the root and to something not walked yet (so a loop ends), never into /proc, /sys
 * or /dev; a link leading elsewhere is reported (CH120) and skipped. Files are returned once each, by
 * their real path, so a linked file is not loaded twice.
 */
export function findYamlFiles(paths: string[], opts: FindOptions = {}): string[] {
  const out: string[] = [];
  const files = new Set<string>();
  const dirs = new Set<string>();
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => relative(cwd, p) || p;
  const realOf = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const fixedRoot = opts.root ? (realOf(resolve(opts.root)) ?? resolve(opts.root)) : undefined;
  const addFile = (p: string, real: string): void => {
    if (files.has(real)) return;
    files.add(real);
    out.push(resolve(p));
  };
  const walk = (p: string, root: string, given: boolean): void => {
    let lst;
    try {
      lst = lstatSync(p);
    } catch {
      // Unreadable entries are kept so the loader reports them (CH105) instead of skipping them silently.
      if (/\.ya?ml$/i.test(p)) addFile(p, resolve(p));
      return;
    }
    const real = realOf(p);
    if (lst.isSymbolicLink()) {
      // A dangling link named .yaml is reported by the loader (CH105 ENOENT).
      if (real === undefined) {
        if (/\.ya?ml$/i.test(p)) addFile(p, resolve(p));
        return;
      }
      const forbidden = NEVER.some((n) => inside(real, n)) || real === '/';
      if (forbidden || (!given && !inside(real, root))) {
        opts.problems?.push(diag('CH120', show(p), { line: 1, col: 1 }, { value: show(p), target: real, why: forbidden ? 'a system folder' : `outside the tree ${show(root)}`, whyZh: forbidden ? '这是系统目录' : `不在标准目录 ${show(root)} 之内` }));
        return;
      }
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      if (/\.ya?ml$/i.test(p)) addFile(p, resolve(p));
      return;
    }
    if (st.isDirectory()) {
      const key = real ?? resolve(p);
      // Each folder is walked once: a link back to a folder already walked (a loop) adds nothing new.
      if (dirs.has(key)) return;
      dirs.add(key);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        opts.problems?.push(diag('CH105', show(p), { line: 1, col: 1 }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        walk(join(p, name), root, false);
      }
    } else if (/\.ya?ml$/i.test(p)) addFile(p, real ?? resolve(p));
  };
  for (const p of paths) {
    const abs = resolve(p);
    const real = realOf(abs) ?? abs;
    // Not even when named: a walk of / or /proc would never end (or read the kernel's files).
    if (real === '/' || NEVER.some((n) => inside(real, n))) continue;
    walk(abs, fixedRoot ?? real, fixedRoot === undefined);
  }
  return out;
}

export function loadTree(filePaths: string[], cwd: string = process.cwd()): Tree {
  const tree: Tree = { files: [], standards: [], requirementFiles: [], activityFiles: [], profiles: [], scorecards: [], noticeConfigs: [], serviceDesks: [], inspectionPlans: [], registers: [], calendars: [], mappings: [], requirementTests: [], requirements: [], diagnostics: [], broken: new Set() };
  for (const path of filePaths) {
    const display = relative(cwd, path) || path;
    const yaml = loadYamlFile(path, display);
    const f: SourceFile = { path, display, yaml };
    tree.files.push(f);
    tree.diagnostics.push(...yaml.diagnostics);
    // A file that fails to load would otherwise cascade into "dangling reference" noise elsewhere.
    const guessed = /^kind:\s*([a-z]+)/m.exec(yaml.source)?.[1];
    if (yaml.diagnostics.some((d) => d.severity === 'error') || yaml.data === null) {
      if (guessed) tree.broken.add(guessed);
      continue;
    }
    const data = yaml.data;
    if (typeof data !== 'object' || Array.isArray(data)) {
      // A list, number or text at the top level is not "a file without kind": say what it is.
      const [actual, actualZh] = Array.isArray(data) ? ['a list', '列表'] : typeof data === 'string' ? ['text', '一段文字'] : [`a ${typeof data}`, typeof data === 'number' ? '数字' : '布尔值等标量'];
      tree.diagnostics.push(diag('CH124', display, yaml.locate(''), { actual, actualZh }));
      if (guessed) tree.broken.add(guessed);
      continue;
    }
    const { kind, diagnostics } = validateShape(yaml);
    if (kind) f.kind = kind;
    tree.diagnostics.push(...diagnostics);
    if (!kind || diagnostics.length) {
      if (kind ?? guessed) tree.broken.add((kind ?? guessed)!);
      continue;
    }
    f.data = yaml.data as AnyFile;
    index(tree, f);
  }
  return tree;
}

function index(tree: Tree, f: SourceFile): void {
  const data = f.data!;
  switch (data.kind) {
    case 'standard':
      tree.standards.push({ value: data, file: f, pointer: '' });
      break;
    case 'requirements':
      tree.requirementFiles.push({ value: data, file: f, pointer: '' });
      data.requirements.forEach((r, i) => tree.requirements.push({ value: r, file: f, pointer: `/requirements/${i}` }));
      break;
    case 'activities':
      tree.activityFiles.push({ value: data, file: f, pointer: '' });
      break;
    case 'profile':
      tree.profiles.push({ value: data, file: f, pointer: '' });
      (data.requirements ?? []).forEach((r, i) => tree.requirements.push({ value: r, file: f, pointer: `/requirements/${i}` }));
      break;
    case 'scorecard':
      tree.scorecards.push({ value: data, file: f, pointer: '' });
      break;
    case 'register':
      tree.registers.push({ value: data, file: f, pointer: '' });
      break;
    case 'school-calendar':
      tree.calendars.push({ value: data, file: f, pointer: '' });
      break;
    case 'mapping':
      tree.mappings.push({ value: data, file: f, pointer: '' });
      break;
    case 'requirement-test':
      tree.requirementTests.push({ value: data, file: f, pointer: '' });
      break;
    case 'notices':
      tree.noticeConfigs.push({ value: data, file: f, pointer: '' });
      break;
    case 'service-desk':
      tree.serviceDesks.push({ value: data, file: f, pointer: '' });
      break;
    case 'inspections':
      tree.inspectionPlans.push({ value: data, file: f, pointer: '' });
      break;
  }
}

/** What a tree lacks that every data command reads (the school calendar, the campus register), for CH122. */
export function lacksForData(tree: Tree): { kind: string; what: string; whatZh: string } | undefined {
  if (!tree.calendars.length) return { kind: 'school-calendar', what: 'school calendar', whatZh: '学校校历' };
  if (!tree.registers.length) return { kind: 'register', what: 'campus register', whatZh: '校园登记' };
  return undefined;
}

export function at(l: Located<unknown>, sub = '', which: 'value' | 'key' = 'value'): { line: number; col: number } {
  return l.file.yaml.locate(l.pointer + sub, which);
}
