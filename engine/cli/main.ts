// The only module that touches the process: parses argv, runs a stage, maps results to exit codes.
// Exit codes: 0 ok, 1 problems found, 2 usage error, 3 internal error.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diag, type Diagnostic, type Lang } from '../diagnostics.ts';
import { findYamlFiles } from '../load/tree.ts';
import { validate } from '../validate/run.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';
import { choiceArgs, COMMON, COMMON_HELP, EXIT, EXIT_HELP, usageError, type Command, type Io } from './common.ts';
import { width } from './format.ts';
import { DATA_COMMANDS } from './data-commands.ts';
import { INSPECTION_COMMANDS } from './inspection-commands.ts';
import { NOTICE_COMMANDS } from './notice-commands.ts';
import { SITE_COMMANDS } from './site-commands.ts';
import { reportStoreError } from './store-cli.ts';
import { dbPath, storeErrorOf } from '../store/store.ts';

export { EXIT, type Io } from './common.ts';

const PKG_ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(PKG_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

import { renderSummary, summarize } from './summary.ts';

export const COMMANDS: Record<string, Command> = {
  ...DATA_COMMANDS,
  ...NOTICE_COMMANDS,
  ...INSPECTION_COMMANDS,
  ...SITE_COMMANDS,
  validate: {
    summary: { zh: '检查 standards/ 下的 YAML：语法、模式与引用、方案是否放宽标准', en: 'Check the YAML under standards/: syntax, schema, references, profiles loosening the standard' },
    usage: 'charter validate [path…] [--summary] [--tree DIR] [--lang zh|en] [--json]',
    help: {
      zh: `  path…         要检查的文件或目录（默认 standards/）
  --summary     另外输出汇总：各章、各类型的要求数，各方案及其参数调整
  --tree DIR    解析引用时使用的完整标准目录（默认 standards/）`,
      en: `  path…         files or folders to check (default standards/)
  --summary     also print a summary: requirements per section and type, profiles and overrides
  --tree DIR    the full standards tree used to resolve references (default standards/)`,
    },
    options: { ...COMMON, summary: { type: 'boolean' }, tree: { type: 'string' } },
    run({ values, positionals }, lang, json, io) {
      const defaultTree = resolve(io.cwd, 'standards');
      const paths = positionals.length ? positionals : ['standards'];
      const missing = paths.filter((p) => !existsSync(resolve(io.cwd, p)));
      if (missing.length) {
        return usageError(missing.map((m) => diag('CH003', '<command line>', { line: 1, col: 1 }, { value: m })), lang, json, io);
      }
      const treeDir = typeof values.tree === 'string' ? values.tree : positionals.length ? defaultTree : undefined;
      if (typeof values.tree === 'string' && !existsSync(resolve(io.cwd, values.tree))) {
        return usageError([diag('CH003', '<command line>', { line: 1, col: 1 }, { value: values.tree })], lang, json, io);
      }
      const empty = paths.filter((p) => findYamlFiles([resolve(io.cwd, p)]).length === 0);
      if (empty.length) {
        return usageError(empty.map((m) => diag('CH004', '<command line>', { line: 1, col: 1 }, { value: m })), lang, json, io);
      }
      const result = validate(treeDir ? { paths, contextDir: treeDir, cwd: io.cwd } : { paths, cwd: io.cwd });
      const sources = new Map(result.set.files.map((f) => [f.display, f.yaml.source]));
      const summary = values.summary ? summarize(result.set) : undefined;
      if (json) {
        io.out(
          JSON.stringify(
            {
              ok: result.errors === 0,
              files: result.set.files.length,
              errors: result.errors,
              warnings: result.warnings,
              diagnostics: result.diagnostics.map((d) => diagnosticJson(d, lang)),
              ...(summary ? { summary } : {}),
            },
            null,
            2,
          ),
        );
      } else {
        const st = style(io.color);
        for (const d of result.diagnostics) io.out(renderDiagnostic(d, lang, sources.get(d.file) ?? '', st) + '\n');
        if (summary && result.errors === 0) io.out(renderSummary(summary, lang) + '\n');
        io.out(
          lang === 'zh'
            ? `检查了 ${result.set.files.length} 个文件：${result.errors} 个错误，${result.warnings} 个警告。`
            : `Checked ${result.set.files.length} files: ${result.errors} errors, ${result.warnings} warnings.`,
        );
      }
      return result.errors ? EXIT.problems : EXIT.ok;
    },
  },
};

function mainHelp(lang: Lang): string {
  const zh = lang === 'zh';
  const names = Object.keys(COMMANDS);
  const w = Math.max(...names.map((n) => n.length));
  return alignHelp([
    zh ? 'Charter —— 高校物业服务规范的规则即数据引擎' : 'Charter — rules-as-data engine for university property services',
    '',
    zh ? '用法：charter <命令> [选项]' : 'Usage: charter <command> [options]',
    '',
    zh ? '命令：' : 'Commands:',
    ...names.map((n) => `  ${n.padEnd(w)}  ${COMMANDS[n]!.summary[lang]}`),
    '',
    zh ? '选项：' : 'Options:',
    COMMON_HELP[lang],
    `  --version      ${zh ? '显示版本' : 'show the version'}`,
    '',
    EXIT_HELP[lang],
    zh ? '每个命令都有 --help。文档见 docs/。' : 'Every command has --help. Documentation is in docs/.',
  ].join('\n'));
}

export function commandHelp(name: string, c: Command, lang: Lang): string {
  return alignHelp([`${c.summary[lang]}`, '', `${lang === 'zh' ? '用法：' : 'Usage: '}${c.usage}`, '', c.help[lang], COMMON_HELP[lang], '', EXIT_HELP[lang]].join('\n'));
}

export { mainHelp };

/**
 * Help text with its columns lined up on the terminal: within each block (lines between blank lines) of the
 * same indent, the description after an option or subcommand (after its last run of two or more spaces)
 * starts at one column, counted in display width (a Chinese character takes two). The texts are written
 * by hand; this keeps them aligned whatever their placeholders (时间, 签发人) or the common options.
 */
export function alignHelp(text: string): string {
  const lines = text.split('\n');
  const split = (l: string): { indent: string; left: string; right: string } | undefined => {
    const m = /^( +)(\S.*?\S|\S) {2,}(\S(?:(?! {2,}\S).)*)$/.exec(l);
    return m ? { indent: m[1]!, left: m[2]!, right: m[3]! } : undefined;
  };
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.trim() !== '') continue;
    const byIndent = new Map<string, number[]>();
    for (let j = start; j < i; j++) {
      const p = split(lines[j]!);
      if (p) byIndent.set(p.indent, [...(byIndent.get(p.indent) ?? []), j]);
    }
    for (const [, idx] of byIndent) {
      const parts = idx.map((j) => split(lines[j]!)!);
      const w = Math.max(...parts.map((p) => width(p.left)));
      idx.forEach((j, k) => {
        const p = parts[k]!;
        lines[j] = `${p.indent}${p.left}${' '.repeat(w - width(p.left) + 2)}${p.right}`;
      });
    }
    start = i + 1;
  }
  return lines.join('\n');
}

function pickLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
}

export async function run(argv: string[], io: Io): Promise<number> {
  const lang = pickLang(argv);
  const json = argv.includes('--json');
  const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langArg >= 0) {
    const v = argv[langArg]!.includes('=') ? argv[langArg]!.split('=')[1] : argv[langArg + 1];
    if (v !== 'zh' && v !== 'en') {
      if (v === undefined) return usageError([diag('CH028', '<command line>', { line: 1, col: 1 }, { flag: '--lang', example: '--lang en' })], lang, json, io);
      return usageError([diag('CH033', '<command line>', { line: 1, col: 1 }, { flag: '--lang', value: v, ...choiceArgs(v, ['zh', 'en'], lang, undefined, '--lang ') })], lang, json, io);
    }
  }
  const name = argv.find((a, i) => !a.startsWith('-') && !(i > 0 && argv[i - 1] === '--lang'));
  if (argv.includes('--version') && !name) {
    io.out(`charter ${VERSION}`);
    return EXIT.ok;
  }
  // A flag before any command that charter itself does not take: said, not answered with the help alone.
  const stray = !name ? argv.find((a, i) => a.startsWith('-') && !['--help', '-h', '--version', '--json', '--lang'].includes(a.split('=')[0]!) && !(i > 0 && argv[i - 1] === '--lang')) : undefined;
  if (stray) {
    const { suggest } = choiceArgs(stray.split('=')[0]!, ['--help', '--version', '--lang', '--json'], lang);
    return usageError([diag('CH027', '<command line>', { line: 1, col: 1 }, { command: '', value: stray, suggest, allowed: '--help --version --lang --json' })], lang, json, io);
  }
  if (!name || name === 'help') {
    const topic = name === 'help' ? argv[argv.indexOf('help') + 1] : undefined;
    const c = topic ? COMMANDS[topic] : undefined;
    io.out(c ? commandHelp(topic!, c, lang) : mainHelp(lang));
    return name || argv.includes('--help') || argv.includes('-h') ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    const { suggest } = choiceArgs(name, Object.keys(COMMANDS), lang, undefined, 'charter ');
    return usageError([diag('CH001', '<command line>', { line: 1, col: 1 }, { value: name, allowed: Object.keys(COMMANDS).join(', '), suggest })], lang, json, io);
  }
  const rest = argv.filter((a, i) => i !== argv.indexOf(name));
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    return usageError([parseArgsProblem(e as Error & { code?: string }, name, command, rest, lang)], lang, json, io);
  }
  if (parsed.values.help) {
    io.out(commandHelp(name, command, lang));
    return EXIT.ok;
  }
  return await command.run(parsed, lang, json, io);
}

/**
 * node's parseArgs speaks English and names no alternative: its three complaints become catalogue messages
 * in the reader's language — an unknown option with "是不是 …？" (CH027), an option without its value
 * (CH028), a switch given a value (CH029).
 */
function parseArgsProblem(e: Error & { code?: string }, name: string, command: Command, args: string[], lang: Lang): Diagnostic {
  const at = { line: 1, col: 1 };
  const flags = Object.entries(command.options).map(([k, o]) => `--${k}${o.type === 'string' ? ' ' + placeholder(k) : ''}`);
  const quoted = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const written = quoted ?? args.find((a) => a.startsWith('-')) ?? '';
    const flag = written.split('=')[0]!;
    const names = Object.keys(command.options).map((k) => `--${k}`);
    const { suggest } = choiceArgs(flag.startsWith('--') ? flag : `-${flag}`, names, lang);
    return diag('CH027', '<command line>', at, { command: name, value: written, suggest, allowed: names.join(' ') });
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = quoted ?? '';
    const key = flag.replace(/^-+/, '');
    const long = key.length === 1 ? Object.entries(command.options).find(([, o]) => o.short === key)?.[0] ?? key : key;
    if (command.options[long]?.type === 'boolean') {
      const given = args.find((a) => a.startsWith(`--${long}=`))?.split('=').slice(1).join('=') ?? '';
      return diag('CH029', '<command line>', at, { flag: `--${long}`, value: given });
    }
    return diag('CH028', '<command line>', at, { flag: `--${long}`, example: `--${long} ${example(long)}` });
  }
  return diag('CH002', '<command line>', at, { detail: flags.join(' '), command: name });
}

/** What a value of an option looks like, for its messages. */
function placeholder(k: string): string {
  return ({ period: 'YYYY-MM', 'as-of': 'DATE', at: 'DATE', now: 'DATE', lang: 'zh|en', db: 'PATH', out: 'DIR', tree: 'DIR', rejects: 'DIR' } as Record<string, string>)[k] ?? k.toUpperCase();
}

function example(k: string): string {
  return ({ period: '2026-04', 'as-of': '2026-05-01', at: '2026-05-07T09:00', now: '2026-07-10T09:00', lang: 'en', db: 'charter-data/charter.sqlite', out: 'out/', tree: 'standards', kind: 'work-orders', provider: 'huayu-property' } as Record<string, string>)[k] ?? placeholder(k);
}

/** Entry point for bin/charter.js: never shows a stack trace for a user's mistake. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // A closed pipe (charter … | head) is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io: Io = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  process.exitCode = await runSafely(argv, io);
}

/** run() with the last line of defence: an unexpected exception becomes exit 3 and a crash report file. */
export async function runSafely(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    // Last net for a store or disk problem a command did not catch itself: still coded, never CH900.
    const se = storeErrorOf(e, dbPath(dbFlag(argv), io.cwd));
    if (se) return reportStoreError(se, pickLang(argv), argv.includes('--json'), io);
    return internalError(e, argv, pickLang(argv), io);
  }
}

/** The --db value on the command line, if any. */
function dbFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return undefined;
  return argv[i]!.startsWith('--db=') ? argv[i]!.slice(5) : argv[i + 1];
}

function internalError(e: unknown, argv: string[], lang: Lang, io: Io): number {
  let reportPath = '';
  try {
    const dir = mkdtempSync(join(tmpdir(), 'charter-crash-'));
    reportPath = join(dir, 'report.txt');
    const err = e as Error;
    writeFileSync(reportPath, [`charter ${VERSION}`, `node ${process.version}`, `argv: ${JSON.stringify(argv)}`, `cwd: ${io.cwd}`, '', err?.stack ?? String(e)].join('\n'));
  } catch {
    reportPath = '';
  }
  const msg =
    lang === 'zh'
      ? `内部错误（CH900）：Charter 自身出了问题，不是您的输入有误。\n请把报告文件${reportPath ? ` ${reportPath} ` : ''}连同所运行的命令发给 Charter 维护者（见 README.md“报告问题”）。`
      : `Internal error (CH900): Charter itself failed; this is not a problem with your input.\nPlease send the report${reportPath ? ` ${reportPath}` : ''} and the command you ran to the Charter maintainers (see README.md, "Reporting problems").`;
  io.err(msg);
  return EXIT.internal;
}
