// One issue type for every stage: a stable code, a location and message arguments.
// Wording lives in the catalogue below so zh/en stay in step and codes never drift.
import { FIELD, FIELD_VALUE, localTime, monthWords } from './model/labels.ts';

export type Lang = 'zh' | 'en';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  file: string;
  line: number;
  col: number;
  /** JSON pointer of the offending value inside the document, when known. */
  pointer?: string;
  args: Record<string, string | number>;
}

/**
 * A user-facing problem thrown from inside a stage: a catalogue code and its message arguments, which the
 * CLI renders as a Diagnostic. Each stage subclasses it so a command can tell whose problem it caught.
 */
export class CodedError extends Error {
  readonly code: string;
  readonly args: Record<string, string | number>;
  constructor(code: string, args: Record<string, string | number>) {
    super(`${code} ${Object.values(args).join(' ')}`);
    this.name = new.target.name;
    this.code = code;
    this.args = args;
  }
}

type Text = (a: Record<string, string | number>) => string;
interface Entry {
  name: string;
  severity: Severity;
  zh: Text;
  en: Text;
  hintZh: Text;
  hintEn: Text;
}

const s = (a: Record<string, string | number>, k: string): string => String(a[k] ?? '');

// ── import: data files' columns and values in the reader's words (issue 13 §3) ──
/** The column a row problem is in, as the file writes its header: “报修时间”列. A canonical file's header
 * is the field name itself; it is shown as written with the field's word after it: “reported_at”列（报修时间）. */
const colZh = (a: Record<string, string | number>): string => {
  const c = s(a, 'column');
  const f = s(a, 'field');
  if (!c) return FIELD[f] ? FIELD[f]!.zh : f;
  return c === f && FIELD[f] ? `“${c}”列（${FIELD[f]!.zh}）` : `“${c}”列`;
};
const colEn = (a: Record<string, string | number>): string => {
  const c = s(a, 'column');
  const f = s(a, 'field');
  if (!c) return FIELD[f] ? FIELD[f]!.en : f;
  return c === f && FIELD[f] ? `column "${c}" (${FIELD[f]!.en})` : `column "${c}"`;
};
/** Another field named in the same message (CH309's earlier time): its column when the file has one. */
const otherZh = (a: Record<string, string | number>, k: string): string => s(a, `${k}Column`) || (FIELD[s(a, k)]?.zh ?? s(a, k));
const otherEn = (a: Record<string, string | number>, k: string): string => s(a, `${k}Column`) || (FIELD[s(a, k)]?.en ?? s(a, k));
/** A time in a message: the converted local time when there is one (an Excel serial becomes 4月28日 12:20), else as written. */
const timeIn = (a: Record<string, string | number>, k: string, lang: 'zh' | 'en'): string => {
  const iso = s(a, `${k}At`);
  return iso ? localTime(iso, lang, { year: false }) : s(a, k);
};
/** CH303's accepted values: a mapping's own words as they are, a canonical file's codes with their meanings. */
const allowedIn = (a: Record<string, string | number>, lang: 'zh' | 'en'): string => {
  if (s(a, 'mapped')) return s(a, 'allowed');
  const words = FIELD_VALUE[s(a, 'field')];
  const list = s(a, 'allowed').split(/,\s*/).filter(Boolean);
  return list.map((v) => (words?.[v] ? (lang === 'zh' ? `${v}（${words[v]!.zh}）` : `${v} (${words[v]!.en})`) : v)).join(lang === 'zh' ? '、' : ', ');
};

export const CATALOGUE: Record<string, Entry> = {
  CH001: {
    name: 'unknown-command',
    severity: 'error',
    zh: (a) => `没有名为“${s(a, 'value')}”的命令`,
    en: (a) => `There is no command "${s(a, 'value')}"`,
    hintZh: (a) => `${s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : ''}可用命令：${s(a, 'allowed')}；运行 charter --help 查看说明。`,
    hintEn: (a) => `${s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}? ` : ''}Commands: ${s(a, 'allowed')}; run charter --help for details.`,
  },
  CH002: {
    name: 'bad-option',
    severity: 'error',
    zh: (a) => `命令行选项有误：${s(a, 'detail')}`,
    en: (a) => `Bad command-line option: ${s(a, 'detail')}`,
    hintZh: (a) => `运行 charter ${s(a, 'command')} --help 查看可用选项。`,
    hintEn: (a) => `Run charter ${s(a, 'command')} --help for the options.`,
  },
  CH003: {
    name: 'path-not-found',
    severity: 'error',
    zh: (a) => `路径不存在：${s(a, 'value')}`,
    en: (a) => `No such path: ${s(a, 'value')}`,
    hintZh: () => '检查拼写；路径相对于当前目录。不写路径时检查 standards/ 整个目录。',
    hintEn: () => 'Check the spelling; paths are relative to the current directory. Without a path the whole standards/ tree is checked.',
  },
  CH004: {
    name: 'no-yaml-files',
    severity: 'error',
    zh: (a) => `在 ${s(a, 'value')} 中没有找到 YAML 文件（.yaml 或 .yml）`,
    en: (a) => `No YAML files (.yaml or .yml) found in ${s(a, 'value')}`,
    hintZh: () => '给出 standards/ 下的文件或目录；不写路径时检查整个 standards/。',
    hintEn: () => 'Name files or folders under standards/; without a path the whole standards/ tree is checked.',
  },
  CH010: {
    name: 'out-folder-not-charters',
    severity: 'error',
    zh: (a) => `输出目录 ${s(a, 'path')} 不是空目录，也不是 Charter 生成的网站（其中有“${s(a, 'entry')}”，没有标记文件 .charter-site）；网站没有生成，目录中的文件原样保留`,
    en: (a) => `The output folder ${s(a, 'path')} is not empty and is not a site Charter built (it holds "${s(a, 'entry')}" and no .charter-site marker); nothing was built and the folder is left as it was`,
    hintZh: () => '生成网站会替换整个输出目录：请用 --out 指定一个新的或空的目录；确认其中的文件都不再需要时，也可以自行删除该目录后再生成。',
    hintEn: () => 'A build replaces the whole output folder: give a new or empty folder with --out; or, once you are sure none of its files is needed, delete the folder yourself and build again.',
  },
  CH011: {
    name: 'out-folder-foreign-file',
    severity: 'error',
    zh: (a) => `输出目录 ${s(a, 'path')} 是 Charter 生成的网站，但其中有 Charter 没有写入的文件“${s(a, 'entry')}”；网站没有生成，目录中的文件原样保留`,
    en: (a) => `The output folder ${s(a, 'path')} is a site Charter built, but it holds "${s(a, 'entry')}", which Charter did not write; nothing was built and the folder is left as it was`,
    hintZh: () => '把这个文件移到网站目录之外再生成，或用 --out 指定另一个新的或空的目录。',
    hintEn: () => 'Move that file out of the site folder and build again, or give another new or empty folder with --out.',
  },
  CH012: {
    name: 'out-folder-unusable',
    severity: 'error',
    zh: (a) => `无法把网站生成到 ${s(a, 'path')}：它不是可用的目录（${s(a, 'detail')}）`,
    en: (a) => `Cannot build the site into ${s(a, 'path')}: it is not a usable folder (${s(a, 'detail')})`,
    hintZh: () => '用 --out 指定一个目录（不存在时会自动创建），不要指向已有的文件或符号链接；检查目录的读写权限。',
    hintEn: () => 'Give a folder with --out (it is created when missing), not an existing file or symlink; check that the folder can be read and written.',
  },
  CH013: {
    name: 'proposal-looks-like-option',
    severity: 'error',
    zh: (a) => `--proposal 的值“${s(a, 'value')}”以“-”开头：它既不能当作目录，也不能当作 git 版本`,
    en: (a) => `The --proposal value "${s(a, 'value')}" starts with "-": it is taken neither as a folder nor as a git revision`,
    hintZh: () => '给出拟议标准所在的目录，或 git 版本名（如 HEAD~1、某分支名、提交哈希）；以“-”开头的目录请写成 ./-目录名。',
    hintEn: () => 'Give the folder of the proposed standards, or a git revision (HEAD~1, a branch, a commit hash); write a folder whose name starts with "-" as ./-name.',
  },
  CH014: {
    name: 'unknown-revision',
    severity: 'error',
    zh: (a) => `--proposal 的值“${s(a, 'value')}”既不是已有的目录，也不是当前 git 仓库中的版本（${s(a, 'detail')}）`,
    en: (a) => `The --proposal value "${s(a, 'value')}" is neither an existing folder nor a revision of the git repository here (${s(a, 'detail')})`,
    hintZh: (a) => `${s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : ''}检查目录路径的拼写（相对于当前目录）；若是 git 版本，用 git log --oneline 或 git branch 查看可用的名称，并在仓库内运行本命令。`,
    hintEn: (a) => `${s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}? ` : ''}Check the folder path (relative to the current directory); for a git revision, list the names with git log --oneline or git branch, and run the command inside the repository.`,
  },
  CH015: {
    name: 'revision-without-standards',
    severity: 'error',
    zh: (a) => `git 版本“${s(a, 'value')}”（${s(a, 'commit')}）中没有 standards/ 目录，无法取出拟议的标准`,
    en: (a) => `The git revision "${s(a, 'value')}" (${s(a, 'commit')}) has no standards/ folder to take the proposal from`,
    hintZh: () => '选择包含 standards/ 的版本，或直接给出拟议标准所在的目录。',
    hintEn: () => 'Choose a revision that has standards/, or give the folder of the proposed standards instead.',
  },
  CH016: {
    name: 'not-a-test-file',
    severity: 'error',
    zh: (a) => `“${s(a, 'value')}”不是条款测试文件：charter test 只运行 ${s(a, 'tests')} 下的 *.test.yaml；没有运行任何测试`,
    en: (a) => `"${s(a, 'value')}" is not a requirement test file: charter test runs only the *.test.yaml files in ${s(a, 'tests')}; no test was run`,
    hintZh: () => '测试文件位于 standards/tests/*.test.yaml（用 --tree 指定标准目录时为该目录下的 tests/）；不写文件名则运行全部测试。',
    hintEn: () => 'Test files live in standards/tests/*.test.yaml (tests/ of the tree given with --tree); name none to run them all.',
  },
  CH017: {
    name: 'no-test-cases',
    severity: 'error',
    zh: (a) => `${s(a, 'tests')} 中没有找到任何测试用例（${s(a, 'files')} 个测试文件）；没有测试，不等于通过`,
    en: (a) => `No test case found in ${s(a, 'tests')} (${s(a, 'files')} test files); nothing tested is not a pass`,
    hintZh: () => '每个条款测试文件（standards/tests/<条款编号>.test.yaml）的 cases 下至少写一个用例：输入的服务数据和应得的判定；见 docs/editing.md。',
    hintEn: () => 'Give each requirement test file (standards/tests/<requirement id>.test.yaml) at least one case under cases: the service data in and the judgement expected; see docs/editing.md.',
  },
  CH018: {
    name: 'rejects-folder-unusable',
    severity: 'error',
    zh: (a) => `拒收文件目录 ${s(a, 'value')} 不可用：${s(a, 'detailZh')}`,
    en: (a) => `The rejects folder ${s(a, 'value')} cannot be used: ${s(a, 'detailEn')}`,
    hintZh: () => '用 --rejects 给一个目录（不存在时会新建）；不写 --rejects 时拒收文件放在数据库旁的 rejects/ 目录。没有读取或保存任何数据。',
    hintEn: () => 'Give a folder with --rejects (it is created if missing); without --rejects, rejects files go to rejects/ beside the store. Nothing was read or stored.',
  },
  CH019: {
    name: 'bad-inspection-selection',
    severity: 'error',
    zh: (a) => `检查计划的选项有误（charter inspections）：${s(a, 'detailZh')}`,
    en: (a) => `Bad inspection plan option (charter inspections): ${s(a, 'detailEn')}`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是“${s(a, 'suggest')}”？` : `可选：${s(a, 'allowed')}。运行 charter inspections --help 查看用法。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean "${s(a, 'suggest')}"?` : `Allowed: ${s(a, 'allowed')}. Run charter inspections --help for the usage.`),
  },
  // CH020–CH039: the command line names something that does not exist, or leaves out what it needs
  // (issue 13 §2). CH003 is for paths only; each kind of name gets its own message, with the choices or
  // a "是不是 …？" (`suggest` is the closest few, `allowed` the choices, both already formatted).
  CH020: {
    name: 'unknown-record',
    severity: 'error',
    zh: (a) => `数据库中没有编号为“${s(a, 'value')}”的${s(a, 'kindZh')}记录`,
    en: (a) => `The store holds no ${s(a, 'kindEn')} record "${s(a, 'value')}"`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `记录编号是数据文件 id 列的值；用 charter submissions 查看已提交的文件${s(a, 'count') ? `（库中有 ${s(a, 'count')} 条${s(a, 'kindZh')}记录）` : `（库中还没有${s(a, 'kindZh')}记录）`}。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `A record number is the id column of the data file; see the submitted files with charter submissions${s(a, 'count') ? ` (the store holds ${s(a, 'count')} ${s(a, 'kindEn')} records)` : ` (the store holds no ${s(a, 'kindEn')} records yet)`}.`),
  },
  CH021: {
    name: 'unknown-requirement',
    severity: 'error',
    zh: (a) => `标准和方案中没有编号为“${s(a, 'value')}”的条款`,
    en: (a) => `No requirement "${s(a, 'value')}" in the standard or the plans`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : '条款编号形如 4.3-1（第4.3条第1项）；全部编号见 charter validate --summary 或 standards/standard/ 下的文件。'),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : 'A requirement id looks like 4.3-1 (clause 4.3, item 1); see them all with charter validate --summary or in the files under standards/standard/.'),
  },
  CH022: {
    name: 'unknown-profile',
    severity: 'error',
    zh: (a) => `${s(a, 'flag')} ${s(a, 'value')}：没有这个方案`,
    en: (a) => `${s(a, 'flag')} ${s(a, 'value')}: there is no such profile`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `可选：${s(a, 'allowedZh')}。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `Choose one of: ${s(a, 'allowedEn')}.`),
  },
  CH023: {
    name: 'unknown-mapping',
    severity: 'error',
    zh: (a) => `--mapping ${s(a, 'value')}：既不是文件，也不是 standards/mappings/ 中映射的 id`,
    en: (a) => `--mapping ${s(a, 'value')}: neither a file nor the id of a mapping in standards/mappings/`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `可选：${s(a, 'allowedZh')}。也可给出映射文件（.yaml）的路径。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `Choose one of: ${s(a, 'allowedEn')}; or give the path of a mapping file (.yaml).`),
  },
  CH024: {
    name: 'unknown-provider',
    severity: 'error',
    zh: (a) => `${s(a, 'flag')} ${s(a, 'value')}：校园登记中没有这个服务商`,
    en: (a) => `${s(a, 'flag')} ${s(a, 'value')}: no such provider in the register of units`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `可选：${s(a, 'allowedZh')}。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `Choose one of: ${s(a, 'allowedEn')}.`),
  },
  CH025: {
    name: 'cannot-explain',
    severity: 'error',
    zh: (a) => `无法解释“${s(a, 'value')}”：${s(a, 'detailZh')}`,
    en: (a) => `"${s(a, 'value')}" cannot be explained: ${s(a, 'detailEn')}`,
    hintZh: () => 'charter explain 解释一条记录对时限类条款、或一个检查结果对现场检查类条款的判定；其他条款的依据见 charter evaluate 写出的 findings.json 中的 evidence。',
    hintEn: () => 'charter explain explains one record against a timeliness requirement, or one inspection result against an inspection requirement; for the others see the evidence in the findings.json charter evaluate writes.',
  },
  CH026: {
    name: 'missing-argument',
    severity: 'error',
    zh: (a) => `缺少${/^[-A-Za-z]/.test(s(a, 'whatZh')) ? ' ' : ''}${s(a, 'whatZh')}`,
    en: (a) => `Missing ${s(a, 'whatEn')}`,
    hintZh: (a) => `用法：${s(a, 'usage')}。运行 charter ${s(a, 'command')} --help 查看说明。`,
    hintEn: (a) => `Usage: ${s(a, 'usage')}. Run charter ${s(a, 'command')} --help for details.`,
  },
  CH027: {
    name: 'unknown-option',
    severity: 'error',
    zh: (a) => `charter${s(a, 'command') ? ` ${s(a, 'command')}` : ''} 没有选项 ${s(a, 'value')}`,
    en: (a) => `charter${s(a, 'command') ? ` ${s(a, 'command')}` : ''} has no option ${s(a, 'value')}`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `可用选项：${s(a, 'allowed')}。运行 charter${s(a, 'command') ? ` ${s(a, 'command')}` : ''} --help 查看说明。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `Options: ${s(a, 'allowed')}. Run charter${s(a, 'command') ? ` ${s(a, 'command')}` : ''} --help for details.`),
  },
  CH028: {
    name: 'option-needs-value',
    severity: 'error',
    zh: (a) => `选项 ${s(a, 'flag')} 后面缺少值`,
    en: (a) => `The option ${s(a, 'flag')} needs a value`,
    hintZh: (a) => `写成 ${s(a, 'flag')} 值（例如 ${s(a, 'example')}）；值以“-”开头时写成 ${s(a, 'flag')}=值。`,
    hintEn: (a) => `Write ${s(a, 'flag')} VALUE (e.g. ${s(a, 'example')}); a value starting with "-" is written ${s(a, 'flag')}=VALUE.`,
  },
  CH029: {
    name: 'option-takes-no-value',
    severity: 'error',
    zh: (a) => `选项 ${s(a, 'flag')} 是开关，不带值（写了“${s(a, 'value')}”）`,
    en: (a) => `The option ${s(a, 'flag')} is a switch and takes no value (given "${s(a, 'value')}")`,
    hintZh: (a) => `只写 ${s(a, 'flag')}；不需要时省略它。`,
    hintEn: (a) => `Write just ${s(a, 'flag')}, or leave it out.`,
  },
  CH030: {
    name: 'bad-time',
    severity: 'error',
    zh: (a) => `${s(a, 'flag')} ${s(a, 'value')}：不是日期或时间`,
    en: (a) => `${s(a, 'flag')} ${s(a, 'value')}: not a date or a time`,
    hintZh: (a) => `写成 ${s(a, 'flag')} 2026-05-01（当天 0:00）或 ${s(a, 'flag')} "2026-05-01 09:30"；按学校校历的时区（北京时间）理解。`,
    hintEn: (a) => `Write ${s(a, 'flag')} 2026-05-01 (the start of that day) or ${s(a, 'flag')} "2026-05-01 09:30"; it is read in the time zone of the academic calendar (Beijing time).`,
  },
  CH031: {
    name: 'bad-month',
    severity: 'error',
    zh: (a) => (s(a, 'flag') ? `${s(a, 'flag')} ${s(a, 'value')}：不是月份` : `“${s(a, 'value')}”不是月份`),
    en: (a) => (s(a, 'flag') ? `${s(a, 'flag')} ${s(a, 'value')}: not a month` : `"${s(a, 'value')}" is not a month`),
    hintZh: (a) => `月份写成 YYYY-MM，例如 ${s(a, 'example')}。`,
    hintEn: (a) => `Write a month as YYYY-MM, e.g. ${s(a, 'example')}.`,
  },
  CH032: {
    name: 'unknown-subcommand',
    severity: 'error',
    zh: (a) => `charter ${s(a, 'command')} 没有子命令“${s(a, 'value')}”`,
    en: (a) => `charter ${s(a, 'command')} has no subcommand "${s(a, 'value')}"`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？` : `可用子命令：${s(a, 'allowed')}。运行 charter ${s(a, 'command')} --help 查看说明。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}?` : `Subcommands: ${s(a, 'allowed')}. Run charter ${s(a, 'command')} --help for details.`),
  },
  CH033: {
    name: 'bad-choice',
    severity: 'error',
    zh: (a) => `${s(a, 'flag')} ${s(a, 'value')}：不在可选范围内`,
    en: (a) => `${s(a, 'flag')} ${s(a, 'value')}: not one of the choices`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是${s(a, 'suggest')}？可选：${s(a, 'allowed')}。` : `可选：${s(a, 'allowed')}。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean ${s(a, 'suggest')}? Choices: ${s(a, 'allowed')}.` : `Choices: ${s(a, 'allowed')}.`),
  },
  CH101: {
    name: 'yaml-syntax',
    severity: 'error',
    zh: (a) => `YAML 语法错误：${s(a, 'detail')}`,
    en: (a) => `YAML syntax error: ${s(a, 'detail')}`,
    hintZh: () => '检查缩进（只能用空格）、冒号后的空格和引号是否成对；可对照相邻条目的写法。',
    hintEn: () => 'Check indentation (spaces only), the space after each colon and matching quotes; compare with a neighbouring entry.',
  },
  CH102: {
    name: 'duplicate-key',
    severity: 'error',
    zh: (a) => `同一层级出现重复的键“${s(a, 'key')}”`,
    en: (a) => `Duplicate key "${s(a, 'key')}" at the same level`,
    hintZh: () => '删除或合并重复的键；YAML 中同一映射内每个键只能出现一次。',
    hintEn: () => 'Remove or merge the repeated key; each key may appear only once in a mapping.',
  },
  CH103: {
    name: 'alias-bomb',
    severity: 'error',
    zh: (a) => `YAML 别名（*）展开过多（上限 ${s(a, 'limit')}），文件被拒绝`,
    en: (a) => `Too many YAML alias expansions (limit ${s(a, 'limit')}); the file is refused`,
    hintZh: () => '标准文件不需要锚点（&）和别名（*）：把内容直接写出来。',
    hintEn: () => 'Standards files need no anchors (&) or aliases (*): write the content out.',
  },
  CH104: {
    name: 'not-utf8',
    severity: 'error',
    zh: (a) => `文件不是 UTF-8 编码（第 ${s(a, 'offset')} 字节处无法解码）`,
    en: (a) => `File is not UTF-8 (cannot decode at byte ${s(a, 'offset')})`,
    hintZh: () => '在编辑器中以“UTF-8”编码另存（VS Code：右下角编码 → 通过编码保存 → UTF-8）。',
    hintEn: () => 'Save the file as UTF-8 (VS Code: encoding in the status bar → Save with Encoding → UTF-8).',
  },
  CH105: {
    name: 'unreadable',
    severity: 'error',
    zh: (a) => `无法读取文件：${s(a, 'detail')}`,
    en: (a) => `Cannot read the file: ${s(a, 'detail')}`,
    hintZh: () => '确认路径存在且有读取权限。',
    hintEn: () => 'Check that the path exists and is readable.',
  },
  CH106: {
    name: 'multiple-documents',
    severity: 'error',
    zh: () => '一个文件只能包含一个 YAML 文档（发现了“---”分隔的多个文档）',
    en: () => 'A file may hold only one YAML document (found several separated by "---")',
    hintZh: () => '把第二个文档拆到单独的文件中。',
    hintEn: () => 'Move the second document to a file of its own.',
  },
  CH110: {
    name: 'unknown-kind',
    severity: 'error',
    zh: (a) => `无法识别的文件类型 kind：“${s(a, 'value')}”`,
    en: (a) => `Unknown file kind "${s(a, 'value')}"`,
    hintZh: (a) => `在文件顶层写 kind:，可选值：${s(a, 'allowed')}。`,
    hintEn: (a) => `Put a top-level kind: with one of: ${s(a, 'allowed')}.`,
  },
  CH111: {
    name: 'missing-property',
    severity: 'error',
    zh: (a) => `缺少必填项“${s(a, 'property')}”`,
    en: (a) => `Missing required property "${s(a, 'property')}"`,
    hintZh: (a) => `在此处添加 ${s(a, 'property')}:；各类文件的完整示例见 docs/editing.md。`,
    hintEn: (a) => `Add ${s(a, 'property')}: here; docs/editing.md has a full example of each kind of file.`,
  },
  CH112: {
    name: 'unknown-property',
    severity: 'error',
    zh: (a) => `不认识的键“${s(a, 'property')}”`,
    en: (a) => `Unknown key "${s(a, 'property')}"`,
    hintZh: (a) =>
      s(a, 'suggest')
        ? `是不是“${s(a, 'suggest')}”？${s(a, 'fixed') ? `改成：“${s(a, 'fixed')}”。` : `把 ${s(a, 'property')} 改为 ${s(a, 'suggest')}。`}键名区分大小写，只用半角字母和下划线。`
        : (a.comma ? '花括号 {…} 里的文字含有逗号时要加引号，例如 en: "Walls, roofs"；' : '') + `检查拼写；此处允许的键：${s(a, 'allowed')}。`,
    hintEn: (a) =>
      s(a, 'suggest')
        ? `Did you mean "${s(a, 'suggest')}"? ${s(a, 'fixed') ? `Write it as: "${s(a, 'fixed')}".` : `Rename ${s(a, 'property')} to ${s(a, 'suggest')}.`} Keys are case-sensitive.`
        : (a.comma ? 'Text with a comma inside {…} needs quotes, e.g. en: "Walls, roofs"; ' : '') + `Check the spelling; keys allowed here: ${s(a, 'allowed')}.`,
  },
  CH113: {
    name: 'wrong-type',
    severity: 'error',
    zh: (a) => `值的类型不对：应为${s(a, 'expectedZh')}，实际为 ${s(a, 'actual')}`,
    en: (a) => `Wrong type: expected ${s(a, 'expected')}, got ${s(a, 'actual')}`,
    hintZh: () => '文字加引号更稳妥，例如 id: "4.3"；列表项以“- ”开头。',
    hintEn: () => 'Quoting text is safest, e.g. id: "4.3"; list items start with "- ".',
  },
  CH114: {
    name: 'value-not-allowed',
    severity: 'error',
    zh: (a) => `值“${s(a, 'value')}”不被允许`,
    en: (a) => `Value "${s(a, 'value')}" is not allowed`,
    hintZh: (a) => `可用的值：${s(a, 'allowed')}。`,
    hintEn: (a) => `Allowed values: ${s(a, 'allowed')}.`,
  },
  CH115: {
    name: 'bad-format',
    severity: 'error',
    zh: (a) => `值“${s(a, 'value')}”的格式不对（应为${s(a, 'formatZh')}）`,
    en: (a) => `Value "${s(a, 'value')}" has the wrong format (expected ${s(a, 'format')})`,
    hintZh: (a) => `例如：${s(a, 'example')}`,
    hintEn: (a) => `For example: ${s(a, 'example')}`,
  },
  CH116: {
    name: 'schema-constraint',
    severity: 'error',
    zh: (a) => `不符合约束：${s(a, 'detail')}`,
    en: (a) => `Constraint not met: ${s(a, 'detail')}`,
    hintZh: () => '对照 docs/editing.md 中该类文件的示例修改。',
    hintEn: () => 'Compare with the example for this kind of file in docs/editing.md.',
  },
  CH117: {
    name: 'schema-modeline',
    severity: 'warning',
    zh: (a) => `文件首行没有声明与 kind “${s(a, 'kind')}”对应的模式（schema）`,
    en: (a) => `The first line does not name the schema for kind "${s(a, 'kind')}"`,
    hintZh: (a) => `在第一行写：# yaml-language-server: $schema=${s(a, 'expected')}，VS Code 即可自动补全和检查。`,
    hintEn: (a) => `Put on the first line: # yaml-language-server: $schema=${s(a, 'expected')} so VS Code completes and checks it.`,
  },
  CH107: {
    name: 'empty-file',
    severity: 'error',
    zh: (a) => `文件没有内容（${s(a, 'whatZh')}），不能当作标准文件`,
    en: (a) => `The file has no content (${s(a, 'what')}); it cannot be a standards file`,
    hintZh: () => '写入内容（第一行 kind: 及该类文件的各项，见 docs/editing.md）或删除这个文件；空文件会让其中本应有的条款悄悄消失。',
    hintEn: () => 'Write the content (a top-level kind: and the items of that kind, see docs/editing.md) or delete the file; an empty file would make the requirements it should hold vanish silently.',
  },
  CH108: {
    name: 'nesting-too-deep',
    severity: 'error',
    zh: (a) => `YAML 嵌套层数超过上限 ${s(a, 'limit')}，文件被拒绝`,
    en: (a) => `YAML nesting is deeper than the limit of ${s(a, 'limit')} levels; the file is refused`,
    hintZh: () => '标准文件最深不过十来层；检查是否有未闭合的 [ 或 {，或误把“- ”连写成多层列表。',
    hintEn: () => 'Standards files are about ten levels deep at most; look for an unclosed [ or {, or "- " repeated into nested lists.',
  },
  CH109: {
    name: 'file-too-large',
    severity: 'error',
    zh: (a) => `文件大小 ${s(a, 'size')} 字节，超过上限 ${s(a, 'limit')} 字节，未读取`,
    en: (a) => `The file is ${s(a, 'size')} bytes, over the limit of ${s(a, 'limit')} bytes; it was not read`,
    hintZh: () => '标准文件最大的也不到 100 KB；检查是否放错了文件（例如数据导出），或把内容拆成几个文件（见 docs/editing.md“限制”）。',
    hintEn: () => 'The largest standards file is under 100 KB; check that this is not a misplaced file (a data export, say), or split it (docs/editing.md, "Limits").',
  },
  CH118: {
    name: 'alias-cycle',
    severity: 'error',
    zh: (a) => `YAML 别名 *${s(a, 'anchor')} 指向包含它自身的内容（循环引用），文件被拒绝`,
    en: (a) => `The YAML alias *${s(a, 'anchor')} refers to content that contains it (a cycle); the file is refused`,
    hintZh: () => '标准文件不需要锚点（&）和别名（*）：把内容直接写出来。',
    hintEn: () => 'Standards files need no anchors (&) or aliases (*): write the content out.',
  },
  CH119: {
    name: 'not-a-regular-file',
    severity: 'error',
    zh: (a) => `${s(a, 'value')} 不是普通文件（${s(a, 'typeZh')}），未读取`,
    en: (a) => `${s(a, 'value')} is not a regular file (${s(a, 'type')}); it was not read`,
    hintZh: () => '标准目录中只放 .yaml 文件；删除或改名这个条目。',
    hintEn: () => 'Keep only .yaml files in the standards tree; remove or rename this entry.',
  },
  CH120: {
    name: 'symlink-refused',
    severity: 'error',
    zh: (a) => `符号链接 ${s(a, 'value')} 指向 ${s(a, 'target')}，${s(a, 'whyZh')}，未跟随`,
    en: (a) => `The symbolic link ${s(a, 'value')} points to ${s(a, 'target')}, ${s(a, 'why')}; it was not followed`,
    hintZh: () => '标准目录中的链接只能指向同一目录树内；把文件复制进来，或直接检查链接的目标目录。',
    hintEn: () => 'Links in the standards tree may only point inside that tree; copy the files in, or check the target folder itself.',
  },
  CH121: {
    name: 'period-outside-calendar',
    severity: 'error',
    zh: (a) => `${a.flag ? `${s(a, 'flag')} ` : ''}${s(a, 'value')} 超出日历可用的年份 ${s(a, 'from')}—${s(a, 'to')}（法定节假日数据收录 ${s(a, 'from')}—${s(a, 'dataTo')} 年，另加其后一年）`,
    en: (a) => `${a.flag ? `${s(a, 'flag')} ` : ''}${s(a, 'value')} is outside the years the calendar covers, ${s(a, 'from')}–${s(a, 'to')} (the statutory holiday data covers ${s(a, 'from')}–${s(a, 'dataTo')}, plus the year after)`,
    hintZh: (a) => `给出 ${s(a, 'from')}—${s(a, 'to')} 年内的${s(a, 'formatZh')}；次年的放假安排公布后升级 chinese-days，可用年份随之延长。`,
    hintEn: (a) => `Give ${s(a, 'format')} in ${s(a, 'from')}–${s(a, 'to')}; once the next year's holidays are announced, upgrading chinese-days extends the years.`,
  },
  CH122: {
    name: 'tree-lacks-kind',
    severity: 'error',
    zh: (a) => `标准目录 ${s(a, 'value')} 中没有${s(a, 'whatZh')}（kind: ${s(a, 'kind')}），无法据此处理数据`,
    en: (a) => `The standards tree ${s(a, 'value')} has no ${s(a, 'what')} (kind: ${s(a, 'kind')}), so data cannot be handled by it`,
    hintZh: (a) => `把${s(a, 'whatZh')}放回标准目录（示例见 standards/school/ 与 docs/editing.md），或用 --tree 指向完整的标准目录。`,
    hintEn: (a) => `Put the ${s(a, 'what')} back in the tree (examples in standards/school/ and docs/editing.md), or point --tree at a complete standards tree.`,
  },
  CH123: {
    name: 'tree-not-a-folder',
    severity: 'error',
    zh: (a) => `标准目录 ${s(a, 'value')} 不是目录`,
    en: (a) => `The standards tree ${s(a, 'value')} is not a folder`,
    hintZh: () => '--tree 给出标准目录（含 standards/school/ 等子目录的那一层），不是其中的某个文件；检查单个文件用 charter validate 文件。',
    hintEn: () => '--tree names the standards folder (the one holding school/ and the other folders), not a file in it; to check one file, run charter validate FILE.',
  },
  CH124: {
    name: 'top-level-not-a-map',
    severity: 'error',
    zh: (a) => `文件顶层是${s(a, 'actualZh')}，应为“键: 值”的映射（以 kind: 开头）`,
    en: (a) => `The top level of the file is ${s(a, 'actual')}, not a mapping of keys (starting with kind:)`,
    hintZh: () => '顶层不要以“- ”或 [ 开头：写 kind: 及该类文件的各项，列表放在其下（如 requirements:）。各类文件的示例见 docs/editing.md。',
    hintEn: () => 'Do not start the top level with "- " or [: write kind: and the items of the kind, with lists under them (requirements: …). docs/editing.md has an example of each kind.',
  },
  CH125: {
    name: 'too-many-items',
    severity: 'error',
    zh: (a) => `文件中的 YAML 记号（键、值、列表项、标点）超过上限 ${s(a, 'limit')} 个，文件被拒绝`,
    en: (a) => `The file holds more than ${s(a, 'limit')} YAML tokens (keys, values, list items, punctuation); it is refused`,
    hintZh: () => '最大的标准文件也只有约 17,000 个记号；检查是否放错了文件（例如数据导出），或把内容拆成几个文件（见 docs/editing.md“限制”）。',
    hintEn: () => 'The largest standards file has about 17,000; check that this is not a misplaced file (a data export, say), or split it (docs/editing.md, "Limits").',
  },
  CH126: {
    name: 'unknown-anchor',
    severity: 'error',
    zh: (a) => `YAML 别名 *${s(a, 'anchor')} 之前没有定义锚点 &${s(a, 'anchor')}`,
    en: (a) => `The YAML alias *${s(a, 'anchor')} has no anchor &${s(a, 'anchor')} set before it`,
    hintZh: () => '标准文件不需要锚点（&）和别名（*）：把内容直接写出来；以 * 开头的文字要加引号，例如 note: "*注"。',
    hintEn: () => 'Standards files need no anchors (&) or aliases (*): write the content out; quote text that starts with *, e.g. note: "*see below".',
  },
  CH127: {
    name: 'yaml-slip',
    severity: 'error',
    zh: (a) =>
      ({
        'tab-indent': '这一行用制表符（Tab）缩进；YAML 只能用空格缩进',
        'fullwidth-colon': '键后面用了全角冒号“：”（中文输入法）；键和值之间要用半角冒号“:”再加一个空格',
        'fullwidth-space': '这一行用了全角空格（中文输入法下的空格）；缩进和冒号后的空格都要用半角空格',
        'no-space-after-colon': '冒号后缺少空格：“键:值”连写会被当成一整个键或一段文字；键和值之间写成“键: 值”',
        'unclosed-quote': '引号没有成对：这一行的值以引号开头，却没有写后面的引号',
      })[s(a, 'cause')] ?? `YAML 语法错误（${s(a, 'cause')}）`,
    en: (a) =>
      ({
        'tab-indent': 'This line is indented with a tab; YAML indents with spaces only',
        'fullwidth-colon': 'A full-width colon "：" (Chinese input) follows the key; write a plain colon ":" and a space',
        'fullwidth-space': 'A full-width space (Chinese input) is on this line; indentation and the space after a colon must be plain spaces',
        'no-space-after-colon': 'No space after the colon: "key:value" reads as one key or one text; write "key: value"',
        'unclosed-quote': 'The quote is not closed: the value starts with a quote and has no closing one on this line',
      })[s(a, 'cause')] ?? `YAML syntax error (${s(a, 'cause')})`,
    hintZh: (a) => `改成：“${s(a, 'fixed').trimEnd()}”`,
    hintEn: (a) => `Write it as: "${s(a, 'fixed').trimEnd()}"`,
  },
  CH301: {
    name: 'missing-column',
    severity: 'error',
    zh: (a) => `文件缺少映射所需的列“${s(a, 'header')}”（字段 ${s(a, 'field')}）`,
    en: (a) => `The file has no column "${s(a, 'header')}" that the mapping needs (field ${s(a, 'field')})`,
    hintZh: (a) => `文件中的列：${s(a, 'present')}。检查表头行（header_row）或在映射中改正列名；整个文件未入库。`,
    hintEn: (a) => `Columns in the file: ${s(a, 'present')}. Check the header row (header_row) or the header name in the mapping; nothing was stored.`,
  },
  CH302: {
    name: 'missing-value',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}为空，该项必填`,
    en: (a) => `Row ${s(a, 'row')}: ${colEn(a)} is empty but required`,
    hintZh: () => '补上该值后重新提交；或用 --accept-valid 先提交其余正确的行。',
    hintEn: () => 'Fill it in and submit again, or use --accept-valid to store the other, valid rows.',
  },
  CH303: {
    name: 'value-not-mapped',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的值“${s(a, 'value')}”无法识别`,
    en: (a) => `Row ${s(a, 'row')}: value "${s(a, 'value')}" in ${colEn(a)} is not recognised`,
    hintZh: (a) => `可用的值：${allowedIn(a, 'zh')}；新的写法请加到映射文件的 values 中。`,
    hintEn: (a) => `Accepted values: ${allowedIn(a, 'en')}; add new spellings to the mapping's values.`,
  },
  CH304: {
    name: 'bad-date',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的值“${s(a, 'value')}”不是有效的日期时间（${s(a, 'format') === 'iso' ? '应为 ISO 8601 格式：年-月-日T时:分' : `格式 ${s(a, 'format')}`}）`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in ${colEn(a)} is not a valid date and time (${s(a, 'format') === 'iso' ? 'ISO 8601 expected: year-month-dayThour:minute' : `format ${s(a, 'format')}`})`,
    hintZh: () => '改正该值，或在映射中用 format 声明文件实际的日期格式（如 "yyyy/M/d H:mm"、excel-serial）。',
    hintEn: () => 'Correct the value, or declare the file’s date format in the mapping (e.g. "yyyy/M/d H:mm", excel-serial).',
  },
  CH305: {
    name: 'bad-value-type',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的值“${s(a, 'value')}”应为${s(a, 'expectedZh')}`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in ${colEn(a)} should be ${s(a, 'expected')}`,
    hintZh: () => '是/否类的写法可在映射的 values 中对照为 true/false。',
    hintEn: () => 'Yes/no spellings can be mapped to true/false in the mapping’s values.',
  },
  CH306: {
    name: 'unknown-reference',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的“${s(a, 'value')}”不在${({ campus: '校区', building: '楼宇', provider: '服务商', place: '场所', activity: '活动代码' } as Record<string, string>)[s(a, 'what')] ?? s(a, 'what')}登记中`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in ${colEn(a)} is not a registered ${({ campus: 'campus', building: 'building', provider: 'provider', place: 'place', activity: 'activity' } as Record<string, string>)[s(a, 'what')] ?? 'name'}`,
    hintZh: (a) => (s(a, 'what') === 'activity' ? '活动代码在 standards/activities.yaml 中定义。' : '校区、楼宇、服务商和场所在 standards/school/register.yaml 中登记；映射可用 lookup 按名称查找。'),
    hintEn: (a) => (s(a, 'what') === 'activity' ? 'Activity codes are defined in standards/activities.yaml.' : 'Campuses, buildings, providers and places are registered in standards/school/register.yaml; a mapping can look names up with lookup.'),
  },
  CH307: {
    name: 'duplicate-record',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：记录“${s(a, 'key')}”在本文件中重复出现`,
    en: (a) => `Row ${s(a, 'row')}: record "${s(a, 'key')}" appears twice in this file`,
    hintZh: () => '一个文件中每条记录只能出现一次；删除重复行（先出现的一行有效）。',
    hintEn: () => 'Each record may appear once per file; remove the repeat (the first occurrence counts).',
  },
  CH308: {
    name: 'invalid-record',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的值“${s(a, 'value')}”不符合数据格式（${s(a, 'detail')}）`,
    en: (a) => `Row ${s(a, 'row')}: the value "${s(a, 'value')}" in ${colEn(a)} does not fit the data format (${s(a, 'detail')})`,
    hintZh: () => '各字段的格式见 docs/data.md。',
    hintEn: () => 'docs/data.md describes each field.',
  },
  CH309: {
    name: 'impossible-time',
    severity: 'warning',
    zh: (a) => `第 ${s(a, 'row')} 行：${s(a, 'column') && s(a, 'column') !== s(a, 'field') ? s(a, 'column') : FIELD[s(a, 'field')]?.zh ?? s(a, 'field')}（${timeIn(a, 'value', 'zh')}）早于${otherZh(a, 'before')}（${timeIn(a, 'beforeValue', 'zh')}），记录已保存并标记为时间异常`,
    en: (a) => `Row ${s(a, 'row')}: the ${s(a, 'column') && s(a, 'column') !== s(a, 'field') ? s(a, 'column') : FIELD[s(a, 'field')]?.en ?? s(a, 'field')} (${timeIn(a, 'value', 'en')}) is before the ${otherEn(a, 'before')} (${timeIn(a, 'beforeValue', 'en')}); the record is kept and flagged`,
    hintZh: () => '时间异常的记录不会被自动修正，评价时作为数据问题列出；请服务商核实后重新提交更正的记录。',
    hintEn: () => 'Impossible times are never fixed automatically and count as a data finding; ask the provider to check and resubmit a corrected record.',
  },
  CH310: {
    name: 'encoding-error',
    severity: 'error',
    // With a row: that row holds bytes that are not valid in the file's encoding (it is rejected, not
    // stored as mojibake); with an offset: the file as a whole could not be decoded.
    zh: (a) => (s(a, 'row') ? `第 ${s(a, 'row')} 行${s(a, 'cell') ? `（${s(a, 'cell')} 单元格）` : ''}含有无效字节，不是有效的 ${s(a, 'encoding') || '文本'}` : `文件无法按 ${s(a, 'encoding')} 解码（约第 ${s(a, 'offset')} 字节处）`),
    en: (a) => (s(a, 'row') ? `Row ${s(a, 'row')}${s(a, 'cell') ? ` (cell ${s(a, 'cell')})` : ''} holds invalid bytes${s(a, 'encoding') ? ` for ${s(a, 'encoding')}` : ''}` : `The file cannot be decoded as ${s(a, 'encoding')} (near byte ${s(a, 'offset')})`),
    hintZh: () => '该行的字符在导出或传输中已损坏，Charter 不会猜测原字符；请服务商重新导出。如整个文件是另一种编码，用 --encoding 指定：Excel 中文版保存的 CSV 通常是 gb18030（GBK），其余多为 utf-8。',
    hintEn: () => 'The characters were damaged in export or transfer and Charter does not guess them; ask the provider to export again. If the whole file is in another encoding, give it with --encoding: CSV saved by Chinese Excel is usually gb18030 (GBK), others utf-8.',
  },
  CH311: {
    name: 'unsupported-format',
    severity: 'error',
    zh: (a) => `不支持的文件类型：${s(a, 'value')}`,
    en: (a) => `Unsupported file type: ${s(a, 'value')}`,
    hintZh: () => '支持 .csv、.xlsx、.json 和 .ndjson（.jsonl）。',
    hintEn: () => 'Supported: .csv, .xlsx, .json and .ndjson (.jsonl).',
  },
  CH312: {
    name: 'standards-invalid',
    severity: 'error',
    zh: (a) => `standards/ 目录有 ${s(a, 'errors')} 个错误，无法据此校验数据`,
    en: (a) => `standards/ has ${s(a, 'errors')} errors, so data cannot be checked against it`,
    hintZh: () => '先运行 charter validate 并改正问题。',
    hintEn: () => 'Run charter validate first and fix the problems.',
  },
  CH313: {
    name: 'outside-period',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：${colZh(a)}的值 ${s(a, 'value')} 不在申报期间 ${s(a, 'period')} 内`,
    en: (a) => `Row ${s(a, 'row')}: ${s(a, 'value')} in ${colEn(a)} is outside the declared period ${s(a, 'period')}`,
    hintZh: () => '把该行放到对应月份的提交中，或改正 --period。',
    hintEn: () => 'Submit the row with its own month, or correct --period.',
  },
  CH314: {
    name: 'provider-mismatch',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：服务商为“${s(a, 'value')}”，但本次提交声明为 ${s(a, 'expected')}`,
    en: (a) => `Row ${s(a, 'row')}: provider "${s(a, 'value')}" differs from the declared --provider ${s(a, 'expected')}`,
    hintZh: () => '一个服务商只能提交自己的记录；去掉 --provider 或拆分文件。',
    hintEn: () => 'A provider submits its own records only; drop --provider or split the file.',
  },
  CH315: {
    name: 'malformed-row',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row') || s(a, 'line')} 行格式错误：${s(a, 'detail')}`,
    en: (a) => `Malformed row ${s(a, 'row') || s(a, 'line')}: ${s(a, 'detail')}`,
    hintZh: () => '检查引号是否成对、分隔符是否为英文逗号，以及列数是否与表头一致。',
    hintEn: () => 'Check quotes, that the separator is a comma, and that the row has as many cells as the header.',
  },
  CH316: {
    name: 'bad-json',
    severity: 'error',
    zh: (a) => `JSON 内容有误：${s(a, 'detail')}`,
    en: (a) => `Bad JSON: ${s(a, 'detail')}`,
    hintZh: () => 'JSON 文件应为记录对象的数组；NDJSON 每行一个对象。',
    hintEn: () => 'A JSON file holds an array of record objects; NDJSON one object per line.',
  },
  CH317: {
    name: 'unreadable-table',
    severity: 'error',
    zh: (a) => `无法读取表格：${s(a, 'detail')}`,
    en: (a) => `Cannot read the table: ${s(a, 'detail')}`,
    hintZh: () => '确认文件完整、表头行位置正确（映射中的 header_row）。',
    hintEn: () => 'Check that the file is complete and the header row is where the mapping says (header_row).',
  },
  CH318: {
    name: 'sheet-not-found',
    severity: 'error',
    zh: (a) => `工作簿中没有名为“${s(a, 'value')}”的工作表`,
    en: (a) => `The workbook has no sheet "${s(a, 'value')}"`,
    hintZh: (a) => `工作表：${s(a, 'allowed')}；用 --sheet 指定。`,
    hintEn: (a) => `Sheets: ${s(a, 'allowed')}; choose one with --sheet.`,
  },
  CH319: {
    name: 'unknown-field',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：不认识的字段“${s(a, 'column')}”`,
    en: (a) => `Row ${s(a, 'row')}: unknown field "${s(a, 'column')}"`,
    hintZh: () => '字段名见 docs/data.md；自有字段请用映射文件对照到标准字段。',
    hintEn: () => 'docs/data.md lists the fields; map your own fields with a mapping file.',
  },
  CH320: {
    name: 'mapping-kind-mismatch',
    severity: 'error',
    zh: (a) => `映射 ${s(a, 'mapping')} 用于 ${s(a, 'mappingKind')}，而本次提交的类型是 ${s(a, 'kind')}`,
    en: (a) => `Mapping ${s(a, 'mapping')} is for ${s(a, 'mappingKind')}, but this submission is ${s(a, 'kind')}`,
    hintZh: () => '改用对应类型的映射，或改正 --kind。',
    hintEn: () => 'Use a mapping for this kind, or correct --kind.',
  },
  CH321: {
    name: 'building-campus-mismatch',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：楼宇 ${s(a, 'value')} 属于校区 ${s(a, 'actual')}，不是 ${s(a, 'campus')}`,
    en: (a) => `Row ${s(a, 'row')}: building ${s(a, 'value')} is on campus ${s(a, 'actual')}, not ${s(a, 'campus')}`,
    hintZh: () => '改正校区或楼宇编号。',
    hintEn: () => 'Correct the campus or the building.',
  },
  CH322: {
    name: 'unmapped-column',
    severity: 'warning',
    zh: (a) => `列“${s(a, 'header')}”没有对应的标准字段，其内容未入库`,
    en: (a) => `Column "${s(a, 'header')}" maps to no canonical field; its contents are not stored`,
    hintZh: () => '如需保存，在映射文件中为它添加一项 columns。',
    hintEn: () => 'To keep it, add it to the mapping’s columns.',
  },
  CH323: {
    name: 'duplicate-header',
    severity: 'error',
    // With a row: a JSON record that names one field twice (JSON.parse would keep the last silently).
    zh: (a) => (s(a, 'row') ? `第 ${s(a, 'row')} 行：字段“${s(a, 'header')}”在一条记录中出现了不止一次` : `表头“${s(a, 'header')}”出现了不止一次（第 ${s(a, 'line')} 行 ${s(a, 'columns')} 列）`),
    en: (a) => (s(a, 'row') ? `Row ${s(a, 'row')}: field "${s(a, 'header')}" appears more than once in one record` : `Header "${s(a, 'header')}" appears more than once (row ${s(a, 'line')}, columns ${s(a, 'columns')})`),
    hintZh: () => '同名的列无法判断哪一列是该字段；重命名或删除多余的列后重新提交。整个文件未入库。',
    hintEn: () => 'Two columns with one name cannot say which holds the field; rename or remove one and submit again. Nothing was stored.',
  },
  CH324: {
    name: 'blank-header',
    severity: 'error',
    zh: (a) => (s(a, 'row') ? `第 ${s(a, 'row')} 行：${s(a, 'column')} 列有值“${s(a, 'value')}”，但该列没有表头` : `第 ${s(a, 'line')} 行的表头在 ${s(a, 'column')} 列为空，其后还有列`),
    en: (a) => (s(a, 'row') ? `Row ${s(a, 'row')}: column ${s(a, 'column')} holds "${s(a, 'value')}" but has no header` : `The header in row ${s(a, 'line')} is blank at column ${s(a, 'column')}, before other columns`),
    hintZh: () => '给该列写上表头（并在映射中对照），或删除该列。表格末尾没有表头、也没有任何值的空列可以保留。',
    hintEn: () => 'Give the column a header (and map it), or delete the column. Empty columns without a header at the end of the table are allowed.',
  },
  CH325: {
    name: 'formula-without-value',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行 ${s(a, 'cell').replace(/\d+$/, '')} 列${s(a, 'column') ? `（“${s(a, 'column')}”）` : ''}是公式 ${s(a, 'value')}，但文件中没有保存它的计算结果`,
    en: (a) => `Row ${s(a, 'row')}, column ${s(a, 'cell').replace(/\d+$/, '')}${s(a, 'column') ? ` ("${s(a, 'column')}")` : ''} is the formula ${s(a, 'value')} with no saved result`,
    hintZh: () => '用 Excel 打开并保存一次（让公式计算出结果），或把该列复制后“选择性粘贴—数值”再提交。Charter 不计算公式。',
    hintEn: () => 'Open and save the file in Excel (so the formula is calculated), or paste the column as values, and submit again. Charter does not evaluate formulas.',
  },
  CH326: {
    name: 'error-cell',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行 ${s(a, 'cell').replace(/\d+$/, '')} 列${s(a, 'column') ? `（“${s(a, 'column')}”）` : ''}是 Excel 错误值 ${s(a, 'value')}`,
    en: (a) => `Row ${s(a, 'row')}, column ${s(a, 'cell').replace(/\d+$/, '')}${s(a, 'column') ? ` ("${s(a, 'column')}")` : ''} is the Excel error ${s(a, 'value')}`,
    hintZh: () => '#N/A、#REF! 等错误值不是数据；改正公式或源数据后重新导出。',
    hintEn: () => 'Error values such as #N/A or #REF! are not data; fix the formula or its source and export again.',
  },
  CH327: {
    name: 'not-a-file',
    severity: 'error',
    zh: (a) => `${s(a, 'value')} 不是普通文件，而是${s(a, 'kindZh')}`,
    en: (a) => `${s(a, 'value')} is not a regular file but ${s(a, 'kindEn')}`,
    hintZh: () => '给出要提交的数据文件（.csv、.xlsx、.json、.ndjson）本身的路径。',
    hintEn: () => 'Give the path of the data file itself (.csv, .xlsx, .json, .ndjson).',
  },
  CH328: {
    name: 'not-a-mapping',
    severity: 'error',
    zh: (a) => `--mapping ${s(a, 'value')} 不是映射文件：${s(a, 'detailZh')}`,
    en: (a) => `--mapping ${s(a, 'value')} is not a mapping file: ${s(a, 'detailEn')}`,
    hintZh: () => '--mapping 接受一个映射 YAML 文件（kind: mapping）或 standards/mappings/ 中映射的 id。',
    hintEn: () => '--mapping takes one mapping YAML file (kind: mapping) or the id of a mapping in standards/mappings/.',
  },
  CH329: {
    name: 'nesting-too-deep',
    severity: 'error',
    zh: (a) => `${s(a, 'row') ? `第 ${s(a, 'row')} 行：` : ''}JSON 嵌套超过 ${s(a, 'limit')} 层`,
    en: (a) => `${s(a, 'row') ? `Row ${s(a, 'row')}: ` : ''}JSON nested more than ${s(a, 'limit')} levels deep`,
    hintZh: () => '记录是扁平的对象（surveys 的 questions 多一层）；检查导出程序。',
    hintEn: () => 'Records are flat objects (surveys’ questions add one level); check the exporting program.',
  },
  CH330: {
    name: 'cell-too-large',
    severity: 'error',
    zh: (a) => (s(a, 'record') ? `第 ${s(a, 'row')} 行附近的一条记录超过 ${s(a, 'limit')} 个字符，文件无法继续读取` : `第 ${s(a, 'row')} 行${s(a, 'cell') ? ` ${s(a, 'cell')} 单元格` : ''}有 ${s(a, 'size')} 个字符，超过单元格上限 ${s(a, 'limit')}`),
    en: (a) => (s(a, 'record') ? `A record near row ${s(a, 'row')} is over ${s(a, 'limit')} characters; the file cannot be read further` : `Row ${s(a, 'row')}${s(a, 'cell') ? `, cell ${s(a, 'cell')},` : ''} holds ${s(a, 'size')} characters, over the cell limit of ${s(a, 'limit')}`),
    hintZh: () => '服务数据的单元格不会这么长：常见原因是引号不成对，使后面的行都落进一个单元格。检查该处的引号。',
    hintEn: () => 'Service data never needs cells this long: the usual cause is an unpaired quote that pulls the following rows into one cell. Check the quotes there.',
  },
  CH331: {
    name: 'too-many-rows',
    severity: 'error',
    zh: (a) => `文件超过每次提交的行数上限 ${s(a, 'limit')} 行，整个文件未入库`,
    en: (a) => `The file has more than ${s(a, 'limit')} rows, the limit per submission; nothing was stored`,
    hintZh: () => '按月或按服务商拆分文件分别提交；确有需要时可用环境变量 CHARTER_MAX_ROWS 提高上限。',
    hintEn: () => 'Split the file by month or provider and submit each; if truly needed, raise the limit with the CHARTER_MAX_ROWS environment variable.',
  },
  CH332: {
    name: 'file-too-large',
    severity: 'error',
    zh: (a) => `文件大小 ${s(a, 'size')} 超过上限 ${s(a, 'limit')}`,
    en: (a) => `The file is ${s(a, 'size')}, over the limit of ${s(a, 'limit')}`,
    hintZh: (a) => (s(a, 'json') ? '.json 文件需整体读入内存，大量记录请改用 NDJSON（每行一个对象）。' : '按月或按服务商拆分文件；确有需要时可用环境变量 CHARTER_MAX_FILE_MB 提高上限。'),
    hintEn: (a) => (s(a, 'json') ? 'A .json file is read whole into memory; use NDJSON (one object per line) for many records.' : 'Split the file by month or provider; if truly needed, raise the limit with the CHARTER_MAX_FILE_MB environment variable.'),
  },
  CH333: {
    name: 'xlsx-expands-too-far',
    severity: 'error',
    zh: (a) => `XLSX 文件（${s(a, 'size')}）解压后超过 ${s(a, 'limit')}（在 ${s(a, 'part')} 处停止读取）`,
    en: (a) => `The XLSX file (${s(a, 'size')}) inflates past ${s(a, 'limit')} (reading stopped in ${s(a, 'part')})`,
    hintZh: (a) => `真实的表格解压后不会超过文件大小的 ${s(a, 'ratio')} 倍，共享字符串不超过 256 MB，全部内容不超过 2 GB。请用 Excel 另存为新文件，或导出为 CSV 后提交。`,
    hintEn: (a) => `Real spreadsheets inflate to less than ${s(a, 'ratio')} times their size, 256 MB of shared strings and 2 GB in all. Save it again from Excel, or export it as CSV, and submit that.`,
  },
  CH334: {
    name: 'unreadable-cell',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行 ${s(a, 'cell').replace(/\d+$/, '')} 列${s(a, 'column') ? `（“${s(a, 'column')}”）` : ''}的值无法读取（${s(a, 'value')}）`,
    en: (a) => `Row ${s(a, 'row')}, column ${s(a, 'cell').replace(/\d+$/, '')}${s(a, 'column') ? ` ("${s(a, 'column')}")` : ''}: the value cannot be read (${s(a, 'value')})`,
    hintZh: () => '该单元格的内容不是文本、数字、日期或是/否；用 Excel 打开并另存，或导出为 CSV 后提交。',
    hintEn: () => 'The cell holds no text, number, date or yes/no; save the file again from Excel, or export it as CSV.',
  },
  CH335: {
    name: 'unknown-result-word',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：检查结果“${s(a, 'value')}”不是 合格、不合格 或 不适用${s(a, 'suggest') ? `（是否应为“${s(a, 'suggest')}”？）` : ''}`,
    en: (a) => `Row ${s(a, 'row')}: the result "${s(a, 'value')}" is not one of the three result words (passed, failed, not applicable)${s(a, 'suggest') ? ` (did you mean "${s(a, 'suggest')}"?)` : ''}`,
    hintZh: () => '从下拉列表中选择 合格 / 不合格 / 不适用；本项未检查请留空。',
    hintEn: () => 'Pick 合格 / 不合格 / 不适用 from the drop-down list; leave the cell empty for an item not inspected.',
  },
  CH336: {
    name: 'result-without-inspector',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行填写了检查结果，但没有写检查人`,
    en: (a) => `Row ${s(a, 'row')} has a result but no inspector`,
    hintZh: () => '在“检查人”列写上实际检查的人；督查计划要求每项检查有据可查。',
    hintEn: () => 'Write who inspected in the 检查人 column; the supervision plan requires every check to be traceable.',
  },
  CH337: {
    name: 'row-not-in-round',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：检查轮次 ${s(a, 'round')} 中没有 ${s(a, 'place')} 的 ${s(a, 'requirement')} 这一项（行编号 ${s(a, 'id')}）`,
    en: (a) => `Row ${s(a, 'row')}: round ${s(a, 'round')} has no row for ${s(a, 'requirement')} at ${s(a, 'place')} (row id ${s(a, 'id')})`,
    hintZh: () => '不要修改灰色列或复制行；用 charter inspections checklist 重新生成本轮检查表，把结果填到对应行。',
    hintEn: () => 'Do not edit the grey columns or copy rows; print the round again with charter inspections checklist and fill the matching row.',
  },
  CH338: {
    name: 'unknown-round',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：检查轮次“${s(a, 'round')}”不在当期检查计划中`,
    en: (a) => `Row ${s(a, 'row')}: the round "${s(a, 'round')}" is not in the inspection plan of its period`,
    hintZh: () => '工作表标题区的“轮次编号”须是 charter inspections plan 列出的轮次；检查计划或校园登记改动后请重新生成检查表。',
    hintEn: () => 'The 轮次编号 in the sheet\'s title block must be a round charter inspections plan lists; print the checklist again after the plan or the register changed.',
  },
  CH339: {
    name: 'notes-without-result',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行写了${s(a, 'what')}，但检查结果为空`,
    en: (a) => `Row ${s(a, 'row')} has ${s(a, 'whatEn')} but no result`,
    hintZh: () => '填写检查结果（合格 / 不合格 / 不适用）；本项未检查则把该行其他内容一并清空。',
    hintEn: () => 'Fill in the result (合格 / 不合格 / 不适用); if the item was not inspected, clear the rest of the row too.',
  },
  CH340: {
    name: 'legacy-xls',
    severity: 'error',
    zh: () => '这是 Excel 97–2003 工作簿（.xls），Charter 不读取这种旧格式',
    en: () => 'This is an Excel 97–2003 workbook (.xls), an old format Charter does not read',
    hintZh: () => '在 Excel 中打开，“文件—另存为”选择“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”，再提交另存的文件。',
    hintEn: () => 'Open it in Excel and use File › Save As with "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)", then submit the saved file.',
  },
  CH341: {
    name: 'workbook-named-as-text',
    severity: 'error',
    zh: () => '文件名是文本表格（.csv/.txt），内容却是 XLSX 工作簿',
    en: () => 'The file is named as a text table (.csv/.txt) but holds an XLSX workbook',
    hintZh: () => '把扩展名改为 .xlsx 后提交，或在 Excel 中另存为“CSV UTF-8（逗号分隔）（*.csv）”。',
    hintEn: () => 'Rename it to .xlsx and submit it, or save it from Excel as "CSV UTF-8 (Comma delimited) (*.csv)".',
  },
  CH342: {
    name: 'no-edition-in-force',
    severity: 'error',
    zh: (a) => `找不到在用版本：${s(a, 'value')} 不在 git 仓库中，或其中的标准从未提交（${s(a, 'detail')}）`,
    en: (a) => `No edition in force to compare with: ${s(a, 'value')} is not in a git repository, or its standards were never committed (${s(a, 'detail')})`,
    hintZh: () => 'whatif 默认比较已提交的在用版本（git HEAD）与工作区中修改后的标准。不用 git 时，用 --proposal 给出修改后的标准目录，与 --tree 的当前标准比较。',
    hintEn: () => 'By default whatif compares the committed edition in force (git HEAD) with the edited standards in the working tree. Without git, give the edited folder with --proposal to compare it with the --tree standards.',
  },
  CH343: {
    name: 'proposal-invalid',
    severity: 'error',
    zh: (a) => `${s(a, 'side')}的标准有 ${s(a, 'errors')} 个错误（见上），无法比较`,
    en: (a) => `The standards ${s(a, 'sideEn')} have ${s(a, 'errors')} errors (above), so nothing can be compared`,
    hintZh: () => '逐个改正上面列出的问题（charter validate 会再次检查），然后重新运行 charter whatif。',
    hintEn: () => 'Fix each problem listed above (charter validate checks again), then run charter whatif again.',
  },
  CH401: {
    name: 'unknown-fact-path',
    severity: 'error',
    zh: (a) => `规则 ${s(a, 'rule')} 读取的事实 ${s(a, 'fact')}${s(a, 'path') ? ' ' + s(a, 'path') : ''} 不在数据格式中`,
    en: (a) => `Rule ${s(a, 'rule')} reads fact ${s(a, 'fact')}${s(a, 'path') ? ' ' + s(a, 'path') : ''}, which the data formats do not have`,
    hintZh: (a) => `可用字段：${s(a, 'allowed')}。改正条款中的字段名，否则该规则永远不会按预期判断。`,
    hintEn: (a) => `Available fields: ${s(a, 'allowed')}. Correct the field name in the requirement, or the rule can never judge as intended.`,
  },
  // CH402–CH419: the store (--db) and the site build. Exit 1 for the store's state or the machine's,
  // exit 2 for a --db path that cannot be a store file at all.
  CH402: {
    name: 'store-not-a-file',
    severity: 'error',
    zh: (a) => `数据库路径 ${s(a, 'path')} 是${s(a, 'whatZh')}，不是数据库文件`,
    en: (a) => `The store path ${s(a, 'path')} is ${s(a, 'what')}, not a database file`,
    hintZh: () => '--db（或环境变量 CHARTER_DB）应指向数据库文件，例如 charter-data/charter.sqlite；不存在时写入命令会创建它。',
    hintEn: () => '--db (or the CHARTER_DB environment variable) names the database file, e.g. charter-data/charter.sqlite; a writing command creates it when missing.',
  },
  CH403: {
    name: 'store-under-file',
    severity: 'error',
    zh: (a) => `数据库路径 ${s(a, 'path')} 无法使用：其中的 ${s(a, 'file')} 是文件，不是文件夹`,
    en: (a) => `The store path ${s(a, 'path')} cannot be used: ${s(a, 'file')} in it is a file, not a folder`,
    hintZh: () => '检查 --db 的拼写；数据库文件只能放在文件夹中。',
    hintEn: () => 'Check the spelling of --db; the database file must be inside a folder.',
  },
  CH404: {
    name: 'store-not-creatable',
    severity: 'error',
    zh: (a) => `无法在 ${s(a, 'path')} 创建数据库：${s(a, 'detail')}`,
    en: (a) => `The store cannot be created at ${s(a, 'path')}: ${s(a, 'detail')}`,
    hintZh: () => '检查所在文件夹能否创建、是否有写权限、磁盘是否只读；或用 --db 指定可写的位置。',
    hintEn: () => 'Check that the folder can be created and written to and the disk is not read-only, or give a writable place with --db.',
  },
  CH405: {
    name: 'store-not-sqlite',
    severity: 'error',
    zh: (a) => `${s(a, 'path')} 不是 SQLite 数据库，不能作为 Charter 的数据库`,
    en: (a) => `${s(a, 'path')} is not a SQLite database and cannot be Charter's store`,
    hintZh: () => '检查 --db 是否指错了文件（例如指向了数据文件本身）；Charter 的数据库由 charter submit 创建。文件未被改动。',
    hintEn: () => 'Check that --db names the right file (not, say, the data file itself); charter submit creates the store. The file was not changed.',
  },
  CH406: {
    name: 'store-corrupt',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 已损坏：${s(a, 'detail')}`,
    en: (a) => `The store ${s(a, 'path')} is damaged: ${s(a, 'detail')}`,
    hintZh: () => '从备份恢复该文件；也可用 sqlite3 的 .recover 命令抢救其中的数据。Charter 未改动它。',
    hintEn: () => 'Restore the file from a backup, or salvage its data with the sqlite3 .recover command. Charter did not change it.',
  },
  CH407: {
    name: 'store-empty-file',
    severity: 'error',
    zh: (a) => `${s(a, 'path')} 是空文件（0 字节），不是 Charter 的数据库`,
    en: (a) => `${s(a, 'path')} is an empty file (0 bytes), not a Charter store`,
    hintZh: () => '若它是复制中断或磁盘满时留下的数据库，请从备份恢复；若要新建数据库，删除这个空文件或用 --db 指定新路径。',
    hintEn: () => 'If it is a store whose copy was cut short (or the disk filled up), restore it from a backup; to start a new store, delete the empty file or give a new path with --db.',
  },
  CH408: {
    name: 'store-needs-upgrade',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 由较早版本的 Charter 建立（结构版本 ${s(a, 'have')}，本版本需要 ${s(a, 'need')}），只读取的命令不会升级它`,
    en: (a) => `The store ${s(a, 'path')} was made by an older Charter (schema version ${s(a, 'have')}, this Charter needs ${s(a, 'need')}); commands that only read never upgrade it`,
    hintZh: () => '在对数据库有写权限时运行一个写入命令（charter evaluate 或 charter submit），它会先升级数据库；只读的副本请用建立它的 Charter 版本读取。',
    hintEn: () => 'With write access to the store, run a command that writes (charter evaluate or charter submit): it upgrades the store first. Read a read-only copy with the Charter version that made it.',
  },
  CH409: {
    name: 'store-read-only',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 是只读的（${s(a, 'detailZh')}），${s(a, 'command')} 需要写入`,
    en: (a) => `The store ${s(a, 'path')} is read-only (${s(a, 'detail')}); ${s(a, 'command')} needs to write to it`,
    hintZh: () => '给该文件及其所在文件夹写权限（SQLite 要在旁边建立 -wal、-shm 文件），或复制到可写的位置再用 --db 指定。只读的数据库仍可用 submissions、evaluate、explain、notices list/show、scorecard、site build 读取。',
    hintEn: () => 'Give write access to the file and its folder (SQLite keeps -wal and -shm files beside it), or copy it somewhere writable and name it with --db. A read-only store can still be read by submissions, evaluate, explain, notices list/show, scorecard and site build.',
  },
  CH410: {
    name: 'store-busy',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 正被另一个写入（例如进行中的提交）占用，等待 ${s(a, 'ms')} 毫秒后仍未释放；本命令未向数据库写入任何数据`,
    en: (a) => `The store ${s(a, 'path')} is busy with another writer (a submission in progress, say) and was still locked after ${s(a, 'ms')} ms; this command wrote nothing to it`,
    hintZh: () => '等另一个命令完成后重新运行。等待时间由环境变量 CHARTER_BUSY_TIMEOUT（毫秒，默认 60000）设定。',
    hintEn: () => 'Run it again when the other command has finished. How long to wait is set by the CHARTER_BUSY_TIMEOUT environment variable (milliseconds, default 60000).',
  },
  CH411: {
    name: 'disk-full',
    severity: 'error',
    zh: (a) => `磁盘已满，无法写入 ${s(a, 'path')}`,
    en: (a) => `The disk is full: ${s(a, 'path')} cannot be written`,
    hintZh: () => '释放磁盘空间后重新运行该命令。数据库中未完成的事务已由 SQLite 回滚，此前入库的数据不受影响。',
    hintEn: () => 'Free some disk space and run the command again. SQLite rolled back the unfinished transaction; data stored before is unaffected.',
  },
  CH412: {
    name: 'store-newer',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 由较新版本的 Charter 建立（结构版本 ${s(a, 'have')}，本版本只认识到 ${s(a, 'need')}）`,
    en: (a) => `The store ${s(a, 'path')} was made by a newer Charter (schema version ${s(a, 'have')}; this Charter knows up to ${s(a, 'need')})`,
    hintZh: () => '升级 Charter 后再使用该数据库；本版本没有改动它。',
    hintEn: () => 'Upgrade Charter to use this store; this version did not change it.',
  },
  CH413: {
    name: 'store-foreign',
    severity: 'error',
    zh: (a) => `${s(a, 'path')} 是 SQLite 数据库，但不是 Charter 的数据库（有 ${s(a, 'tables')} 个表，没有 schema_migrations 表）`,
    en: (a) => `${s(a, 'path')} is a SQLite database but not a Charter store (${s(a, 'tables')} tables, no schema_migrations table)`,
    hintZh: () => '检查 --db 是否指错了文件；Charter 不会向其他程序的数据库中写入。',
    hintEn: () => 'Check that --db names the right file; Charter never writes into another program’s database.',
  },
  CH414: {
    name: 'run-not-recorded',
    severity: 'warning',
    zh: (a) => `评价已完成，但本次评价运行没有记入数据库 ${s(a, 'path')}：${s(a, 'reasonZh')}`,
    en: (a) => `The evaluation is complete, but this run was not recorded in the store ${s(a, 'path')}: ${s(a, 'reason')}`,
    hintZh: () => '以后的评价要据此报告迟交数据，需在能写入数据库时（有写权限、没有其他写入）重新运行 charter evaluate。',
    hintEn: () => 'For later evaluations to report late data against this run, run charter evaluate again when the store can be written (write access, no other writer).',
  },
  CH415: {
    name: 'store-unreadable',
    severity: 'error',
    zh: (a) => `无法打开数据库 ${s(a, 'path')}：${s(a, 'detail')}`,
    en: (a) => `The store ${s(a, 'path')} cannot be opened: ${s(a, 'detail')}`,
    hintZh: () => '检查文件的读权限。只读文件夹中的数据库若留有未合并的 -wal 文件，请在可写的位置打开一次（任一命令），或从备份恢复。',
    hintEn: () => 'Check that the file is readable. A store in a read-only folder with an unmerged -wal file beside it must be opened once somewhere writable (any command), or restored from a backup.',
  },
  CH416: {
    name: 'bad-busy-timeout',
    severity: 'error',
    zh: (a) => `环境变量 CHARTER_BUSY_TIMEOUT 的值“${s(a, 'value')}”不是毫秒数`,
    en: (a) => `The CHARTER_BUSY_TIMEOUT environment variable "${s(a, 'value')}" is not a number of milliseconds`,
    hintZh: () => '写一个 0 到 3600000 之间的整数（毫秒），或删除该变量以使用默认的 60000。',
    hintEn: () => 'Give a whole number from 0 to 3600000 (milliseconds), or unset it for the default, 60000.',
  },
  CH417: {
    name: 'site-page-data',
    severity: 'error',
    zh: (a) => `网站页面 ${s(a, 'page')} 无法生成：${s(a, 'detailZh')}`,
    en: (a) => `The site page ${s(a, 'page')} cannot be built: ${s(a, 'detail')}`,
    hintZh: () => '页面（site/src/content/ 中的 MDX）引用的条款、时限或服务商须在标准目录中存在：改正 <Pledge id="条款#时限" provider="服务商"> 或 <Limit requirement="条款"> 中的编号。没有数据的承诺会显示“暂无数据”，不会报错。',
    hintEn: () => 'The clauses, limits and providers a page (MDX under site/src/content/) names must exist in the standards tree: correct the id in <Pledge id="clause#limit" provider="…"> or <Limit requirement="clause">. A pledge without data shows "No data yet"; it is not an error.',
  },
  CH418: {
    name: 'site-needs-file',
    severity: 'error',
    zh: (a) => `生成网站需要 ${s(a, 'file')}（kind: ${s(a, 'kind')}），标准目录中没有`,
    en: (a) => `The site needs ${s(a, 'file')} (kind: ${s(a, 'kind')}), which the standards tree does not have`,
    hintZh: () => '添加该文件（可参照随附的示例学校），然后重新生成网站。',
    hintEn: () => 'Add the file (the shipped sample school has one) and build the site again.',
  },
  // CH421–CH424: the site build's record in the store (disclosure requirements are judged from it).
  CH421: {
    name: 'site-build-needs-store',
    severity: 'error',
    zh: (a) => `生成网站需要已有的数据库 ${s(a, 'path')}，该文件不存在；网站不会新建空数据库`,
    en: (a) => `Building the site needs an existing store ${s(a, 'path')}, which does not exist; the site build never creates an empty one`,
    hintZh: () => '网站的承诺达成数据和本次生成的公示记录都在数据库中：先用 charter submit 提交服务数据（会建立数据库），或用 --db（或环境变量 CHARTER_DB）指定已有的数据库。',
    hintEn: () => 'The pledge figures and the record of this build (which the evaluation of disclosure requirements reads) live in the store: submit service data first with charter submit (it creates the store), or name an existing store with --db (or CHARTER_DB).',
  },
  CH422: {
    name: 'site-build-not-recorded',
    severity: 'warning',
    zh: (a) => `网站已生成，但本次生成没有记入数据库 ${s(a, 'path')}：${s(a, 'reasonZh')}`,
    en: (a) => `The site was built, but this build was not recorded in the store ${s(a, 'path')}: ${s(a, 'reason')}`,
    hintZh: () => '公示类条款（4.1、4.3、7.2 及方案的公示要求）按数据库中记录的公开版网站生成来评价；未记录时评价为“未核查（no-site-build）”。在能写入数据库时（有写权限、没有其他写入）重新运行 charter site build。',
    hintEn: () => 'Disclosure requirements (4.1, 4.3, 7.2 and the plans’ publication duties) are judged from the public site builds recorded in the store; without one they stay not reviewed (no-site-build). Run charter site build again when the store can be written (write access, no other writer).',
  },
  // CH423–CH429: the store named on the command line (issue 13 §2).
  CH423: {
    name: 'store-missing',
    severity: 'error',
    zh: (a) => `数据库 ${s(a, 'path')} 还不存在：尚未提交过任何数据`,
    en: (a) => `The store ${s(a, 'path')} does not exist yet: no data has been submitted`,
    hintZh: () => '先用 charter submit 文件 --kind 记录类型 提交服务数据（会建立数据库），或用 --db（或环境变量 CHARTER_DB）指向已有的数据库。npm start 把示例大学的数据写入默认位置 charter-data/charter.sqlite。',
    hintEn: () => 'Submit service data first with charter submit FILE --kind KIND (it creates the store), or point at an existing store with --db (or the CHARTER_DB environment variable). npm start puts the sample university in the default place, charter-data/charter.sqlite.',
  },
  // CH436–CH439: findable and shareable site (issue 14 §4): clause URLs, the site's own address.
  CH436: {
    name: 'clause-slug-collision',
    severity: 'error',
    zh: (a) => `条款 ${s(a, 'id')} 与 ${s(a, 'other')}（${s(a, 'first')}）的网址相同：都是 standard/${s(a, 'slug')}/`,
    en: (a) => `Clause ${s(a, 'id')} has the same web address as ${s(a, 'other')} (${s(a, 'first')}): both are standard/${s(a, 'slug')}/`,
    hintZh: () => '条款网址由编号生成，冒号写成两个连字符（nantong-supervision:rectification → nantong-supervision--rectification），以便在 Windows/IIS 服务器上发布。改其中一个编号（编号中不要连写两个连字符），让两个条款各有自己的页面和通知单二维码网址。',
    hintEn: () => 'A clause\'s web address comes from its id, with a colon written as two hyphens (nantong-supervision:rectification → nantong-supervision--rectification) so the site can be served from Windows/IIS. Rename one of the two (avoid a double hyphen in an id) so each clause keeps its own page and notice QR address.',
  },
  CH437: {
    name: 'site-url-not-configured',
    severity: 'warning',
    zh: (a) => `没有配置公开网站地址（${s(a, 'file')} 中的 public_site，或 --site-url）：网站不生成 sitemap.xml，页面不带 canonical、Open Graph 网址和绝对的语言版本链接`,
    en: (a) => `No public site address is configured (public_site in ${s(a, 'file')}, or --site-url): the site has no sitemap.xml, and its pages carry no canonical, Open Graph URL or absolute language links`,
    hintZh: () => '在 standards/school/notices.yaml 中写 public_site: https://网站地址/（以 / 结尾；通知单二维码也用它），或生成时加 --site-url https://网站地址/。',
    hintEn: () => 'Set public_site: https://your.site/ in standards/school/notices.yaml (ending in /; the notices\' QR codes use it too), or build with --site-url https://your.site/.',
  },
  CH438: {
    name: 'bad-site-url',
    severity: 'error',
    zh: (a) => `--site-url 的值“${s(a, 'value')}”不是网站地址`,
    en: (a) => `--site-url "${s(a, 'value')}" is not a web address`,
    hintZh: () => '写完整的 http 或 https 地址，以 / 结尾，例如 --site-url https://hq.example.edu.cn/。',
    hintEn: () => 'Give a full http or https address ending in /, e.g. --site-url https://hq.example.edu.cn/.',
  },
  CH501: {
    name: 'no-notice-configuration',
    severity: 'error',
    zh: () => 'standards/ 中没有通知单配置（kind: notices）',
    en: () => 'standards/ holds no notice configuration (kind: notices)',
    hintZh: () => '添加 standards/school/notices.yaml（编号格式、分组、整改期限、台账规则），可参照示例。',
    hintEn: () => 'Add standards/school/notices.yaml (number pattern, grouping, deadline, ledger rules); see the shipped example.',
  },
  CH502: {
    name: 'deadline-calendar-unknown',
    severity: 'error',
    zh: (a) => `无法计算整改期限：${s(a, 'detailZh') || s(a, 'detail')}`,
    en: (a) => `The rectification deadline cannot be computed: ${s(a, 'detail')}`,
    hintZh: () => '该年度的法定节假日安排尚未收录；在 standards/school/calendar.yaml 中补充学校的放假与调休安排后再签发。',
    hintEn: () => 'That year’s public holidays are not in the data yet; add the school’s closures and working days to standards/school/calendar.yaml, then issue.',
  },
  CH503: {
    name: 'unknown-notice',
    severity: 'error',
    zh: (a) => `没有编号为“${s(a, 'value')}”的通知单`,
    en: (a) => `There is no notice "${s(a, 'value')}"`,
    hintZh: (a) => `${s(a, 'suggest') ? `是不是“${s(a, 'suggest')}”？` : ''}${s(a, 'allowed') ? `台账中的编号：${s(a, 'allowed')}。` : a.count === 0 ? '台账中还没有通知单（先用 charter notices issue 签发）。' : ''}用 charter notices list 查看编号；也可写成 年份-序号，如 2026-001。`,
    hintEn: (a) => `${s(a, 'suggest') ? `Did you mean "${s(a, 'suggest')}"? ` : ''}${s(a, 'allowed') ? `Numbers in the ledger: ${s(a, 'allowed')}. ` : a.count === 0 ? 'The ledger holds no notice yet (issue them with charter notices issue). ' : ''}See the numbers with charter notices list; YEAR-SEQ such as 2026-001 also works.`,
  },
  CH504: {
    name: 'notice-status-conflict',
    severity: 'error',
    zh: (a) => `通知单 ${s(a, 'number')} 当前状态为“${s(a, 'statusZh')}”，不能执行 ${s(a, 'action')}`,
    en: (a) => `Notice ${s(a, 'number')} is ${s(a, 'status')}; ${s(a, 'action')} is not possible now`,
    hintZh: () => '流程：签发 → 签收(ack) → 反馈整改(reply) → 复查(verify)；逾期或问责后仍可反馈整改。用 charter notices show 查看历史。',
    hintEn: () => 'The loop: issued → ack → reply → verify; a reply is still possible when overdue or escalated. See the history with charter notices show.',
  },
  CH505: {
    name: 'event-before-issue',
    severity: 'error',
    zh: (a) => `时间 ${s(a, 'at')} 早于通知单 ${s(a, 'number')} 的签发时间 ${s(a, 'issued')}`,
    en: (a) => `${s(a, 'at')} is before notice ${s(a, 'number')} was issued (${s(a, 'issued')})`,
    hintZh: () => '检查 --at 的日期和时间（YYYY-MM-DDTHH:MM，本地时间）。',
    hintEn: () => 'Check the --at date and time (YYYY-MM-DDTHH:MM, local time).',
  },
  CH506: {
    name: 'nothing-to-verify-yet',
    severity: 'error',
    zh: (a) => `通知单 ${s(a, 'number')} 反馈整改（${s(a, 'since').slice(0, 16).replace('T', ' ')}）之后还没有可评价的数据，暂不能复查`,
    en: (a) => `Notice ${s(a, 'number')}: there is no data to judge after the rectification was reported (${s(a, 'since').slice(0, 16).replace('T', ' ')}), so it cannot be verified yet`,
    hintZh: () => '待服务商提交整改之后的服务数据（charter submit）后再复查；--as-of 可指定复查时点。',
    hintEn: () => 'Verify once the provider has submitted service data from after the rectification (charter submit); --as-of sets the time of the check.',
  },
  CH507: {
    name: 'no-rounds-planned',
    severity: 'error',
    zh: (a) => `${s(a, 'period')}${s(a, 'week') ? ` 第 ${s(a, 'week')} 周` : ''}${s(a, 'provider') ? `（${s(a, 'provider')}）` : ''}没有需要现场检查的轮次，未生成检查表`,
    en: (a) => `No inspection rounds are planned for ${s(a, 'period')}${s(a, 'week') ? ` week ${s(a, 'week')}` : ''}${s(a, 'provider') ? ` (${s(a, 'provider')})` : ''}; no checklist was written`,
    hintZh: () => '用 charter inspections plan 查看该期的检查计划：服务期外、或该周没有每周检查项时没有轮次。',
    hintEn: () => 'See the plan with charter inspections plan: there are no rounds outside the service period, or in a week without weekly checks.',
  },
  CH508: {
    name: 'no-office-name',
    severity: 'warning',
    zh: (a) => `没有找到检查单位名称（standards/school/notices.yaml 的 office），表头印“${s(a, 'used')}”`,
    en: (a) => `No office name found (office in standards/school/notices.yaml); the header prints "${s(a, 'used')}"`,
    hintZh: () => '在 notices.yaml 中写明 office（如 示例大学后勤管理处），检查表与整改通知单用同一个名称。',
    hintEn: () => 'Set office in notices.yaml (e.g. 示例大学后勤管理处); checklists and notices print the same name.',
  },
  CH520: {
    name: 'notice-voided',
    severity: 'error',
    zh: (a) => `通知单 ${s(a, 'number')} 已于 ${s(a, 'at').slice(0, 16).replace('T', ' ')} 作废（${s(a, 'reason')}），不能再执行 ${s(a, 'action')}`,
    en: (a) => `Notice ${s(a, 'number')} was voided at ${s(a, 'at').slice(0, 16).replace('T', ' ')} (${s(a, 'reason')}); ${s(a, 'action')} is not possible`,
    hintZh: () => '作废的通知单编号保留、不再使用，也不再签收、反馈或复查；如仍有问题，请按正确的评价结果重新签发（charter notices issue）。',
    hintEn: () => 'A voided notice keeps its number, which is never reused, and takes no further step; if there is still a problem, issue anew from the correct findings (charter notices issue).',
  },
  CH521: {
    name: 'no-data-for-notices',
    severity: 'error',
    zh: (a) => `${s(a, 'period')} 有服务商没有提交所需的数据，不能据此签发通知单：${s(a, 'detail')}`,
    en: (a) => `Some providers submitted no data that ${s(a, 'period')}'s requirements need, so no notice is issued on it: ${s(a, 'detail')}`,
    hintZh: () => '没有数据不等于合格，也不等于不合格。先提交缺少的数据（charter submit）再签发；只为其他服务商签发可加 --provider；确需先签发的，加 --force（将列出缺少的数据）。',
    hintEn: () => 'No data is neither a pass nor a failure. Submit the missing data (charter submit) and issue then; --provider issues for the other providers; --force issues anyway and lists what is missing.',
  },
  CH522: {
    name: 'scorecard-before-period-end',
    severity: 'error',
    // Dates in words (2026年4月30日 18:00); the hint keeps the value as typed after --at.
    zh: (a) => `评分表日期 ${localTime(s(a, 'at'), 'zh', { year: true })} 早于考核月份 ${monthWords(s(a, 'period'), 'zh')} 的结束（${localTime(s(a, 'end'), 'zh', { year: true })}）`,
    en: (a) => `The scorecard date ${localTime(s(a, 'at'), 'en', { year: true })} is before ${monthWords(s(a, 'period'), 'en')} ends (${localTime(s(a, 'end'), 'en', { year: true })})`,
    hintZh: (a) => `考核月份结束后才能评分：--at ${s(a, 'end').replace(' ', 'T')} 或更晚，或不写 --at（取当前时间）。`,
    hintEn: (a) => `A month is scored after it ends: --at ${s(a, 'end').replace(' ', 'T')} or later, or leave out --at (now).`,
  },
  CH523: {
    name: 'no-scorecard-outside-service',
    severity: 'error',
    zh: (a) => `${s(a, 'provider')} 在 ${monthWords(s(a, 'period'), 'zh')} 整月都不在合同服务期（${s(a, 'service')}）内，没有评分表`,
    en: (a) => `${s(a, 'provider')} was outside its contract service period (${s(a, 'service')}) for all of ${monthWords(s(a, 'period'), 'en')}: there is no scorecard`,
    hintZh: () => '合同服务期见 standards/school/register.yaml 中该服务商的 service:；请选择服务期内的月份。',
    hintEn: () => 'The service period is the provider’s service: in standards/school/register.yaml; choose a month within it.',
  },
  CH201: {
    name: 'duplicate-id',
    severity: 'error',
    zh: (a) => `编号“${s(a, 'id')}”重复（首次出现在 ${s(a, 'first')}）`,
    en: (a) => `Id "${s(a, 'id')}" is used twice (first at ${s(a, 'first')})`,
    hintZh: () => '每个条款、活动、方案的编号必须唯一；改名或删除其中一个。',
    hintEn: () => 'Every clause, activity and profile id must be unique; rename or remove one.',
  },
  CH202: {
    name: 'dangling-reference',
    severity: 'error',
    zh: (a) => `引用的${s(a, 'whatZh')}“${s(a, 'id')}”不存在`,
    en: (a) => `Referenced ${s(a, 'what')} "${s(a, 'id')}" does not exist`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是“${s(a, 'suggest')}”？` : '检查编号拼写，或先定义它。'),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean "${s(a, 'suggest')}"?` : 'Check the spelling, or define it first.'),
  },
  CH203: {
    name: 'loosens-standard',
    severity: 'error',
    zh: (a) => `方案把 ${s(a, 'requirement')} 的参数 ${s(a, 'parameter')} 从 ${s(a, 'base')} 放宽为 ${s(a, 'value')}（此参数${s(a, 'stricterZh')}更严）`,
    en: (a) => `The profile loosens ${s(a, 'parameter')} of ${s(a, 'requirement')} from ${s(a, 'base')} to ${s(a, 'value')} (${s(a, 'stricter')} is stricter)`,
    hintZh: (a) =>
      s(a, 'snippetZh')
        ? `改为不低于标准的值；确需放宽时，在这一项 overrides 中与 values: 同级添加 deviation:，写明 reason（理由）、approved_on（批准日期）和 approved_by（批准人）：\n${s(a, 'snippetZh')}`
        : '改为不低于标准的值；确需放宽时添加 deviation:，写明 reason（理由）、approved_on（批准日期）和 approved_by（批准人）。',
    hintEn: (a) =>
      s(a, 'snippetEn')
        ? `Use a value at least as strict as the standard; to loosen it, add deviation: to this override, beside values:, with reason, approved_on and approved_by:\n${s(a, 'snippetEn')}`
        : 'Use a value at least as strict as the standard, or add a deviation: with reason, approved_on and approved_by.',
  },
  CH230: {
    name: 'lowers-obligation',
    severity: 'error',
    zh: (a) => `方案把 ${s(a, 'requirement')} 的约束程度从“${s(a, 'baseZh')}”降为“${s(a, 'valueZh')}”，这是放宽标准`,
    en: (a) => `The profile lowers ${s(a, 'requirement')} from ${s(a, 'base')} to ${s(a, 'value')}, which loosens the standard`,
    hintZh: () => '删除该项，或添加 deviation:，写明 reason（理由）、approved_on（批准日期）和 approved_by（批准人）。提高（宜→应）无需批准。',
    hintEn: () => 'Remove it, or add a deviation: with reason, approved_on and approved_by. Raising (should → shall) needs no approval.',
  },
  CH231: {
    name: 'obligation-of-informative-text',
    severity: 'error',
    zh: (a) => `${s(a, 'requirement')} 是说明性文字，没有约束程度可调整`,
    en: (a) => `${s(a, 'requirement')} is informative text; it has no obligation level to change`,
    hintZh: () => '只能调整含“应”“宜”“可”的条款；说明性文字需要约束时，在方案的 requirements: 中另立条款。',
    hintEn: () => 'Only clauses worded with 应/宜/可 (shall/should/may) can be changed; to bind informative text, add a requirement of your own under requirements:.',
  },
  CH204: {
    name: 'weights-sum',
    severity: 'error',
    zh: (a) => `${s(a, 'whatZh')}的权重合计为 ${s(a, 'sum')}，应为 100`,
    en: (a) => `The weights of ${s(a, 'what')} add up to ${s(a, 'sum')}, not 100`,
    hintZh: (a) => `各项权重：${s(a, 'parts')}；调整使其合计 100。`,
    hintEn: (a) => `Weights: ${s(a, 'parts')}; adjust them to total 100.`,
  },
  CH205: {
    name: 'dated-values-order',
    severity: 'error',
    zh: (a) => `生效日期 ${s(a, 'date')} 早于上一条 ${s(a, 'previous')}：历史取值应按日期从早到晚排列`,
    en: (a) => `Effective date ${s(a, 'date')} comes before the previous ${s(a, 'previous')}: dated values must be in ascending order`,
    hintZh: () => '把较新的取值放在列表后面；不要删除旧取值，它们是历史记录。',
    hintEn: () => 'Put newer values later in the list; keep old values, they are the history.',
  },
  CH206: {
    name: 'dated-values-duplicate',
    severity: 'error',
    zh: (a) => `生效日期 ${s(a, 'date')} 出现了两次`,
    en: (a) => `Effective date ${s(a, 'date')} appears twice`,
    hintZh: () => '同一日期只能有一个取值；更正取值请改原条目并在 source 中注明。',
    hintEn: () => 'One value per date; to correct a value edit that entry and say so in its source.',
  },
  CH207: {
    name: 'bad-duration',
    severity: 'error',
    zh: (a) => `时限“${s(a, 'value')}”无法解析为 ISO 8601 时长`,
    en: (a) => `"${s(a, 'value')}" is not an ISO 8601 duration`,
    hintZh: (a) =>
      s(a, 'suggest')
        ? `应写成 ${s(a, 'suggest')}（${s(a, 'wordsZh')}）${s(a, 'fixed') ? `：改成“${s(a, 'fixed')}”` : ''}。ISO 8601 时长以大写 PT 开头（天以上以 P 开头），数字后跟大写单位字母：PT15M = 15 分钟，PT2H = 2 小时，P1D = 1 天。`
        : s(a, 'workingDays')
          ? `工作日不是时长：把这个参数的 unit 改为 working-days，取值写数字 ${s(a, 'workingDays')}（工作日按日历中的节假日和调休计数）。`
          : '写法示例：PT15M（15 分钟）、PT1H（1 小时）、PT24H（24 小时）、P3D（3 天）、P5WD 不合法，工作日请用 unit: working-days 与数字。',
    hintEn: (a) =>
      s(a, 'suggest')
        ? `Write ${s(a, 'suggest')} (${s(a, 'wordsEn')})${s(a, 'fixed') ? `: "${s(a, 'fixed')}"` : ''}. An ISO 8601 duration starts with a capital PT (P for days and longer) and each number is followed by a capital unit letter: PT15M = 15 minutes, PT2H = 2 hours, P1D = 1 day.`
        : s(a, 'workingDays')
          ? `Working days are not a duration: set this parameter's unit to working-days and write the number ${s(a, 'workingDays')} (working days follow the calendar's holidays and make-up days).`
          : 'Examples: PT15M (15 min), PT1H (1 h), PT24H (24 h), P3D (3 days); for working days use unit: working-days with a number.',
  },
  CH208: {
    name: 'bad-unit-value',
    severity: 'error',
    zh: (a) => `取值 ${s(a, 'value')} 与单位 ${s(a, 'unit')} 不符：${s(a, 'detailZh')}`,
    en: (a) => `Value ${s(a, 'value')} does not fit unit ${s(a, 'unit')}: ${s(a, 'detail')}`,
    hintZh: (a) => `单位 ${s(a, 'unit')} 的取值示例：${s(a, 'example')}`,
    hintEn: (a) => `Example value for unit ${s(a, 'unit')}: ${s(a, 'example')}`,
  },
  CH209: {
    name: 'frequency-scope-mismatch',
    severity: 'error',
    zh: (a) => `频次的周期“${s(a, 'period')}”与范围“${s(a, 'scope')}”不匹配：${s(a, 'detailZh')}`,
    en: (a) => `Frequency period "${s(a, 'period')}" does not fit scope "${s(a, 'scope')}": ${s(a, 'detail')}`,
    hintZh: (a) => s(a, 'hintZh'),
    hintEn: (a) => s(a, 'hintEn'),
  },
  CH210: {
    name: 'undefined-activity',
    severity: 'error',
    zh: (a) => `活动代码“${s(a, 'id')}”未在 activities 文件中定义`,
    en: (a) => `Activity code "${s(a, 'id')}" is not defined in the activities file`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是“${s(a, 'suggest')}”？否则在 standards/activities.yaml 中添加它。` : '在 standards/activities.yaml 中添加该活动（code、中英文名称、范围单位）。'),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean "${s(a, 'suggest')}"? Otherwise add it to standards/activities.yaml.` : 'Add the activity (code, Chinese and English name, scope unit) to standards/activities.yaml.'),
  },
  CH211: {
    name: 'undefined-parameter',
    severity: 'error',
    zh: (a) => `参数“${s(a, 'name')}”未在本条款的 parameters 中定义`,
    en: (a) => `Parameter "${s(a, 'name')}" is not defined in this requirement's parameters`,
    hintZh: (a) => (s(a, 'defined') ? `已定义的参数：${s(a, 'defined')}。` : '在条款下添加 parameters: 列表并定义它。'),
    hintEn: (a) => (s(a, 'defined') ? `Defined parameters: ${s(a, 'defined')}.` : 'Add a parameters: list to the requirement and define it.'),
  },
  CH212: {
    name: 'parent-mismatch',
    severity: 'error',
    zh: (a) => `条款“${s(a, 'id')}”的上级或所属章与编号不一致：${s(a, 'detailZh')}`,
    en: (a) => `Requirement "${s(a, 'id')}" has a parent or section that does not match its number: ${s(a, 'detail')}`,
    hintZh: () => 'parent 应为去掉最后一级的编号（子项为其所属条款），section 应为第一级编号。',
    hintEn: () => 'parent is the number without its last part (a sub-item’s clause); section is the first part.',
  },
  CH213: {
    name: 'type-block-mismatch',
    severity: 'error',
    zh: (a) => `类型为 ${s(a, 'type')} 的条款必须有且只有 ${s(a, 'type')}: 块（发现：${s(a, 'found')}）`,
    en: (a) => `A requirement of type ${s(a, 'type')} needs exactly its ${s(a, 'type')}: block (found: ${s(a, 'found')})`,
    hintZh: () => '每个条款只有一种类型；把检查内容写在与 type 同名的块中，删去其他类型的块。',
    hintEn: () => 'A requirement has one type; put its details in the block named like its type and remove the others.',
  },
  CH214: {
    name: 'unused-parameter',
    severity: 'warning',
    zh: (a) => `参数“${s(a, 'name')}”已定义但未被使用`,
    en: (a) => `Parameter "${s(a, 'name')}" is defined but never used`,
    hintZh: () => '在检查块中用 {param: 名称} 引用它，或删除它。',
    hintEn: () => 'Reference it with {param: name} in the check block, or remove it.',
  },
  CH215: {
    name: 'deviation-not-needed',
    severity: 'warning',
    zh: (a) => `参数 ${s(a, 'parameter')} 的取值并未放宽标准，deviation 多余`,
    en: (a) => `The value of ${s(a, 'parameter')} does not loosen the standard; the deviation is unnecessary`,
    hintZh: () => '删除 deviation:，以免读者误以为放宽了标准。',
    hintEn: () => 'Remove the deviation: so readers do not think the standard was loosened.',
  },
  CH217: {
    name: 'superseded-without-successor',
    severity: 'error',
    zh: (a) => `条款“${s(a, 'id')}”状态为 superseded（已被取代），但没有指明由哪一条取代`,
    en: (a) => `Requirement "${s(a, 'id')}" is superseded but names no successor`,
    hintZh: () => '添加 links: [{rel: replaced-by, target: 新条款编号}]；若只是撤销而无替代条款，用 status: withdrawn。',
    hintEn: () => 'Add links: [{rel: replaced-by, target: <new id>}]; if it is simply withdrawn, use status: withdrawn.',
  },
  CH218: {
    name: 'period-order',
    severity: 'error',
    zh: (a) => `时段的结束 ${s(a, 'end')} 早于开始 ${s(a, 'start')}`,
    en: (a) => `The period ends (${s(a, 'end')}) before it starts (${s(a, 'start')})`,
    hintZh: () => '检查开始与结束是否写反，日期格式为 YYYY-MM-DD，时刻为 HH:MM。',
    hintEn: () => 'Check whether start and end are swapped; dates are YYYY-MM-DD, times HH:MM.',
  },
  CH234: {
    name: 'unknown-time-zone',
    severity: 'error',
    zh: (a) => `时区“${s(a, 'value')}”不是已知的 IANA 时区`,
    en: (a) => `"${s(a, 'value')}" is not a known IANA time zone`,
    hintZh: (a) => `写 IANA 时区名，区分大小写，例如 Asia/Shanghai（北京时间）。是不是 ${s(a, 'suggestion')}？`,
    hintEn: (a) => `Write an IANA zone name, case-sensitive, such as Asia/Shanghai (China Standard Time). Did you mean ${s(a, 'suggestion')}?`,
  },
  CH235: {
    name: 'not-an-inspection-requirement',
    severity: 'error',
    zh: (a) => `检查计划为条款 ${s(a, 'id')} 设定了检查频次或范围，但它（及其下各项）不是现场检查条款（${s(a, 'typeZh')}）`,
    en: (a) => `The inspection plan sets how often or where ${s(a, 'id')} is inspected, but neither it nor anything under it is an on-site inspection requirement (${s(a, 'type')})`,
    hintZh: () => '只为 type: inspection 的条款（或其上级条款编号）写检查频次；时限、频次、比率、档案条款按服务数据评价，值班条款（watch）按值班表评价。',
    hintEn: () => 'Set inspection frequencies only for type: inspection requirements (or a clause above them); timeliness, frequency, rate and record requirements are judged from service data, watches from duty rosters.',
  },
  CH236: {
    name: 'inspection-scope-outside-building-types',
    severity: 'error',
    zh: (a) => `条款 ${s(a, 'id')} 的检查范围“${s(a, 'scope')}”是${s(a, 'typeZh')}，但该条款只适用于 ${s(a, 'types')} 类楼宇：永远排不出检查`,
    en: (a) => `Requirement ${s(a, 'id')} is inspected at "${s(a, 'scope')}" (${s(a, 'type')} buildings), but it applies only to ${s(a, 'types')} buildings: no round would ever include it`,
    hintZh: () => '检查范围写 building（按 applies_to 的楼宇类型逐栋检查），或写与 applies_to 一致的楼宇范围（如 dormitory-building 对应 dormitory）。',
    hintEn: () => 'Write scope: building (every building of the applies_to types), or a building scope matching applies_to (dormitory-building for dormitory).',
  },
  CH237: {
    name: 'sampling-share-out-of-range',
    severity: 'error',
    zh: (a) => `抽查规则 ${s(a, 'id')} 的比例 ${s(a, 'share')} 不在 1—100（%）之间`,
    en: (a) => `Sampling rule ${s(a, 'id')} has a share of ${s(a, 'share')}, outside 1–100 (%)`,
    hintZh: () => 'share 是每轮抽查的处所百分比（向上取整），例如 20 表示 20%；全部检查写 100 或删去该规则。',
    hintEn: () => 'share is the percentage of places visited per round (rounded up), e.g. 20 for 20 %; to visit every place write 100 or remove the rule.',
  },
  CH238: {
    name: 'unknown-inspector-unit',
    severity: 'error',
    zh: (a) => `检查单位“${s(a, 'value')}”不是校园登记中的单位`,
    en: (a) => `The inspector unit "${s(a, 'value')}" is not a unit of the campus register`,
    hintZh: (a) => (s(a, 'suggest') ? `是不是“${s(a, 'suggest')}”？` : `写 standards/school/register.yaml 中 providers 的一个 id（通常是后勤管理处，kind: office）：${s(a, 'allowed')}。`),
    hintEn: (a) => (s(a, 'suggest') ? `Did you mean "${s(a, 'suggest')}"?` : `Name a provider id of standards/school/register.yaml (normally the logistics office, kind: office): ${s(a, 'allowed')}.`),
  },
  CH239: {
    name: 'duplicate-inspection-rule',
    severity: 'error',
    zh: (a) => `${s(a, 'whatZh')}“${s(a, 'id')}”重复（首次在第 ${s(a, 'first')} 行）：后一条永远不起作用`,
    en: (a) => `Duplicate ${s(a, 'what')} "${s(a, 'id')}" (first at line ${s(a, 'first')}): the later one would never apply`,
    hintZh: () => '每个条款在 requirements 中只写一次；每个范围单位（及轮次：每月/每周）只写一条抽查规则，抽查规则的 id 不重复。',
    hintEn: () => 'List each requirement once under requirements; write one sampling rule per scope (and kind of round: month or week), each with its own id.',
  },
  CH243: {
    name: 'zero-limit',
    severity: 'error',
    zh: (a) => `时限 ${s(a, 'value')} 为零：没有哪一件能在零时间内完成，每一件都会判为超时`,
    en: (a) => `The limit ${s(a, 'value')} is zero: no case can be done in no time, so every case would count as late`,
    hintZh: () => '写出原文规定的时限，例如 PT2H（2 小时）、PT45M（45 分钟）；不考核这项时限时，在方案的 select: exclude: 中排除该条款，不要把时限写成零。',
    hintEn: () => 'Write the limit the source sets, e.g. PT2H (2 hours) or PT45M (45 minutes); to leave the limit out, exclude the requirement under the profile’s select: exclude: instead of setting it to zero.',
  },
  CH244: {
    name: 'percent-as-fraction',
    severity: 'error',
    zh: (a) => `百分比写成了小数：单位是 percent（百分比），${s(a, 'value')} 表示 ${s(a, 'value')} %，而不是 ${s(a, 'percent')} %`,
    en: (a) => `A percentage written as a fraction: the unit is percent, so ${s(a, 'value')} means ${s(a, 'value')} %, not ${s(a, 'percent')} %`,
    hintZh: (a) => `写成 ${s(a, 'percent')}${s(a, 'fixed') ? `：改成“${s(a, 'fixed')}”` : ''}。单位为 percent 时取值是百分号前的数字（95 % 写 95）。`,
    hintEn: (a) => `Write ${s(a, 'percent')}${s(a, 'fixed') ? `: "${s(a, 'fixed')}"` : ''}. With unit percent the value is the number before the percent sign (95 % is 95).`,
  },
  CH245: {
    name: 'version-without-history',
    severity: 'warning',
    zh: (a) => `版本号从 ${s(a, 'from')}（${s(a, 'whereZh')}）改为 ${s(a, 'version')}，但 history 中没有 ${s(a, 'version')} 的记录`,
    en: (a) => `The version went from ${s(a, 'from')} (${s(a, 'where')}) to ${s(a, 'version')}, but history has no entry for ${s(a, 'version')}`,
    hintZh: (a) => `${Number(a.hasHistory) ? '在 history: 列表末尾' : '在文件末尾'}添加这一项，写明改了什么，日后查得到每个版本为何变化：\n${s(a, 'entryZh')}`,
    hintEn: (a) => `Add this entry ${Number(a.hasHistory) ? 'at the end of the history: list' : 'at the end of the file'}, saying what changed, so each version can be traced later:\n${s(a, 'entryEn')}`,
  },
  CH246: {
    name: 'bad-date-format',
    severity: 'error',
    zh: (a) =>
      `日期格式“${s(a, 'value')}”` +
      ({
        'unknown-letters': `中有 Charter 不认识的字母：${s(a, 'unknownZh')}（格式字母区分大小写）`,
        'minutes-for-month': '没有月份：小写 mm 是分钟，月份是大写 M 或 MM',
        'month-for-minutes': '把月份写了两次：时间里的分钟是小写 mm，大写 MM 是月份',
        'twelve-hour': `用了 12 小时制（${s(a, 'unknownZh')}）：Charter 只读 24 小时制的时间（H 或 HH，下午 1 点是 13）`,
        'no-date': '缺少年、月或日：格式至少要有 yyyy、M 和 d 各一次',
        named: `不是可用的格式名：格式名区分大小写，写小写的 iso、excel-serial 或 excel-or-iso`,
      }[s(a, 'cause')] ?? '无法读取') +
      ({ 'minutes-for-month': '；另外小写 mm 是分钟，月份是大写 M 或 MM', 'month-for-minutes': '；另外时间里的分钟是小写 mm，大写 MM 是月份' }[s(a, 'monthCase')] ?? ''),
    en: (a) =>
      `The date format "${s(a, 'value')}" ` +
      ({
        'unknown-letters': `has letters Charter does not read: ${s(a, 'unknownEn')} (format letters are case-sensitive)`,
        'minutes-for-month': 'has no month: lower-case mm is minutes; the month is a capital M or MM',
        'month-for-minutes': 'has the month twice: minutes in the time are lower-case mm; capital MM is the month',
        'twelve-hour': `uses the 12-hour clock (${s(a, 'unknownEn')}): Charter reads 24-hour times only (H or HH; 1 pm is 13)`,
        'no-date': 'lacks the year, month or day: a format needs each of yyyy, M and d once',
        named: 'is not a format name: the names are lower case: iso, excel-serial or excel-or-iso',
      }[s(a, 'cause')] ?? 'cannot be read') +
      ({ 'minutes-for-month': '; also, lower-case mm is minutes, the month is a capital M or MM', 'month-for-minutes': '; also, minutes in the time are lower-case mm, capital MM is the month' }[s(a, 'monthCase')] ?? ''),
    hintZh: (a) =>
      `${s(a, 'suggest') ? `应写成“${s(a, 'suggest')}”${s(a, 'fixed') ? `：改成“${s(a, 'fixed')}”` : ''}。` : ''}格式字母：yyyy 年，M 或 MM 月，d 或 dd 日，H 或 HH 时（24 小时制），mm 分，ss 秒；单个字母读 1—2 位数字，双写字母读 2 位。也可写 iso（ISO 8601）、excel-serial（Excel 日期序号）或 excel-or-iso。`,
    hintEn: (a) =>
      `${s(a, 'suggest') ? `Write "${s(a, 'suggest')}"${s(a, 'fixed') ? `: "${s(a, 'fixed')}"` : ''}. ` : ''}Format letters: yyyy year, M or MM month, d or dd day, H or HH hour (24-hour clock), mm minutes, ss seconds; a single letter reads 1–2 digits, a doubled one exactly 2. Or write iso (ISO 8601), excel-serial (Excel date serials) or excel-or-iso.`,
  },
  CH219: {
    name: 'notice-number-pattern',
    severity: 'error',
    zh: (a) => `通知单编号格式“${s(a, 'value')}”缺少 ${s(a, 'missing')}`,
    en: (a) => `Notice number pattern "${s(a, 'value')}" lacks ${s(a, 'missing')}`,
    hintZh: () => '编号格式须含 {year}（年度）和 {seq} 或 {seq:3}（年度内顺序号，补零到 3 位），例如“后勤督〔{year}〕第{seq:3}号”；否则编号会重复。',
    hintEn: () => 'The pattern needs {year} and {seq} or {seq:3} (the sequence within the year, zero-padded to 3 digits), e.g. "后勤督〔{year}〕第{seq:3}号"; otherwise numbers repeat.',
  },
  CH232: {
    name: 'plan-binds-no-unit',
    severity: 'warning',
    zh: (a) => `方案条款“${s(a, 'id')}”不约束任何单位，不会被评价`,
    en: (a) => `Plan requirement "${s(a, 'id')}" binds no unit, so it is never evaluated`,
    hintZh: (a) => `在校园登记（register.yaml）中把方案 ${s(a, 'profile')} 写入适用单位的 plans:（服务商或后勤处自有服务单位，如综合办公室），或作为其 profile。`,
    hintEn: (a) => `In the register (register.yaml) add ${s(a, 'profile')} to the plans: of the units it governs (a provider, or one of the office's own units such as the general office), or make it their profile.`,
  },
  CH233: {
    name: 'quote-not-in-basis',
    severity: 'error',
    zh: (a) => `引文“${s(a, 'quote')}”不在所依据条款 ${s(a, 'id')} 的原文中`,
    en: (a) => `The quote "${s(a, 'quote')}" does not occur in the text of its basis ${s(a, 'id')}`,
    hintZh: () => '从方案原文（standards/sources/）逐字复制引文，一字不改；方案没有说的内容写在 school_choice 中，作为本校自己的选择。',
    hintEn: () => 'Copy the quote word for word from the plan (standards/sources/); what the plan does not say goes in school_choice as the school’s own choice.',
  },
  CH216: {
    name: 'grade-bands',
    severity: 'error',
    zh: (a) => `等级区间有误：${s(a, 'detailZh')}`,
    en: (a) => `Grade bands are wrong: ${s(a, 'detail')}`,
    hintZh: () => '等级按分数从高到低排列，min 依次递减，最后一级 min 为 0。',
    hintEn: () => 'List grades from high to low with decreasing min; the last grade has min 0.',
  },
};

export function diag(
  code: string,
  file: string,
  pos: { line: number; col: number },
  args: Record<string, string | number> = {},
  pointer?: string,
): Diagnostic {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`unknown diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: entry.severity, file, line: pos.line, col: pos.col, args };
  if (pointer !== undefined) d.pointer = pointer;
  return d;
}

export function message(d: Diagnostic, lang: Lang): { name: string; message: string; hint: string } {
  const e = CATALOGUE[d.code]!;
  return lang === 'en'
    ? { name: e.name, message: e.en(d.args), hint: e.hintEn(d.args) }
    : { name: e.name, message: e.zh(d.args), hint: e.hintZh(d.args) };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}
