// Shared by the CLI commands: the command shape, common options, exit codes and usage errors.
import type { ParseArgsConfig } from 'node:util';
import type { Diagnostic, Lang } from '../diagnostics.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  color: boolean;
}


export interface Command {
  summary: { zh: string; en: string };
  usage: string;
  help: { zh: string; en: string };
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, lang: Lang, json: boolean, io: Io): number | Promise<number>;
}

export const COMMON = {
  lang: { type: 'string' as const },
  json: { type: 'boolean' as const },
  help: { type: 'boolean' as const, short: 'h' },
};

export const COMMON_HELP = {
  zh: `  --lang zh|en   输出语言（默认 zh）
  --json         以 JSON 输出，便于程序处理
  -h, --help     显示帮助`,
  en: `  --lang zh|en   output language (default zh)
  --json         machine-readable JSON output
  -h, --help     show help`,
};

export const EXIT_HELP = {
  zh: '退出码：0 无问题；1 发现问题；2 用法错误；3 内部错误。',
  en: 'Exit codes: 0 ok; 1 problems found; 2 usage error; 3 internal error.',
};

export function usageError(ds: Diagnostic[], lang: Lang, json: boolean, io: Io): number {
  if (json) io.out(JSON.stringify({ ok: false, usage_error: true, diagnostics: ds.map((d) => diagnosticJson(d, lang)) }, null, 2));
  else for (const d of ds) io.err(renderDiagnostic(d, lang, '', style(io.color)));
  return EXIT.usage;
}

