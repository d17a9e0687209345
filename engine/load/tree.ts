// Load a set of YAML files into an indexed tree: the input of every later stage.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { RequirementTestFile } from '../evaluate/case-tests.ts';
import type { ActivitiesFile, AnyFile, MappingFile, NoticesFile, ProfileFile, ServiceDeskFile, RegisterFile, Requirement, RequirementsFile, SchoolCalendarFile, ScorecardFile, StandardFile } from '../model/types.ts';
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

export function findYamlFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      // Unreadable entries are kept so the loader reports them (CH105) instead of skipping them silently.
      if (/\.ya?ml$/i.test(p)) out.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        walk(join(p, name));
      }
    } else if (/\.ya?ml$/i.test(p)) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out.map((p) => resolve(p)))];
}

export function loadTree(filePaths: string[], cwd: string = process.cwd()): Tree {
  const tree: Tree = { files: [], standards: [], requirementFiles: [], activityFiles: [], profiles: [], scorecards: [], noticeConfigs: [], serviceDesks: [], registers: [], calendars: [], mappings: [], requirementTests: [], requirements: [], diagnostics: [], broken: new Set() };
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
  }
}

export function at(l: Located<unknown>, sub = '', which: 'value' | 'key' = 'value'): { line: number; col: number } {
  return l.file.yaml.locate(l.pointer + sub, which);
}
