// One issue type for every stage: a stable code, a location and message arguments.
// Wording lives in the catalogue below so zh/en stay in step and codes never drift.

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

export const CATALOGUE: Record<string, Entry> = {
  CH001: {
    name: 'unknown-command',
    severity: 'error',
    zh: (a) => `没有名为“${s(a, 'value')}”的命令`,
    en: (a) => `There is no command "${s(a, 'value')}"`,
    hintZh: (a) => `可用命令：${s(a, 'allowed')}；运行 charter --help 查看说明。`,
    hintEn: (a) => `Commands: ${s(a, 'allowed')}; run charter --help for details.`,
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
    hintZh: (a) => (a.comma ? '花括号 {…} 里的文字含有逗号时要加引号，例如 en: "Walls, roofs"；' : '') + `检查拼写；此处允许的键：${s(a, 'allowed')}。`,
    hintEn: (a) => (a.comma ? 'Text with a comma inside {…} needs quotes, e.g. en: "Walls, roofs"; ' : '') + `Check the spelling; keys allowed here: ${s(a, 'allowed')}.`,
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
    zh: (a) => `第 ${s(a, 'row')} 行：“${s(a, 'column')}”列为空，但字段 ${s(a, 'field')} 必填`,
    en: (a) => `Row ${s(a, 'row')}: column "${s(a, 'column')}" is empty but field ${s(a, 'field')} is required`,
    hintZh: () => '补上该值后重新提交；或用 --accept-valid 先提交其余正确的行。',
    hintEn: () => 'Fill it in and submit again, or use --accept-valid to store the other, valid rows.',
  },
  CH303: {
    name: 'value-not-mapped',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：“${s(a, 'column')}”列的值“${s(a, 'value')}”无法识别`,
    en: (a) => `Row ${s(a, 'row')}: value "${s(a, 'value')}" in column "${s(a, 'column')}" is not recognised`,
    hintZh: (a) => `可用的值：${s(a, 'allowed')}；新的写法请加到映射文件的 values 中。`,
    hintEn: (a) => `Accepted values: ${s(a, 'allowed')}; add new spellings to the mapping's values.`,
  },
  CH304: {
    name: 'bad-date',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：“${s(a, 'column')}”列的值“${s(a, 'value')}”不是有效的日期时间（格式 ${s(a, 'format')}）`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in column "${s(a, 'column')}" is not a valid date-time (format ${s(a, 'format')})`,
    hintZh: () => '改正该值，或在映射中用 format 声明文件实际的日期格式（如 "yyyy/M/d H:mm"、excel-serial）。',
    hintEn: () => 'Correct the value, or declare the file’s date format in the mapping (e.g. "yyyy/M/d H:mm", excel-serial).',
  },
  CH305: {
    name: 'bad-value-type',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：“${s(a, 'column')}”列的值“${s(a, 'value')}”应为${s(a, 'expectedZh')}`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in column "${s(a, 'column')}" should be ${s(a, 'expected')}`,
    hintZh: () => '是/否类的写法可在映射的 values 中对照为 true/false。',
    hintEn: () => 'Yes/no spellings can be mapped to true/false in the mapping’s values.',
  },
  CH306: {
    name: 'unknown-reference',
    severity: 'error',
    zh: (a) => `第 ${s(a, 'row')} 行：“${s(a, 'column')}”列的“${s(a, 'value')}”不在${({ campus: '校区', building: '楼宇', provider: '服务商', place: '场所', activity: '活动代码' } as Record<string, string>)[s(a, 'what')] ?? s(a, 'what')}登记中`,
    en: (a) => `Row ${s(a, 'row')}: "${s(a, 'value')}" in column "${s(a, 'column')}" is not a registered ${s(a, 'what')}`,
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
    zh: (a) => `第 ${s(a, 'row')} 行：字段 ${s(a, 'field')} 的值“${s(a, 'value')}”不符合数据格式（${s(a, 'detail')}）`,
    en: (a) => `Row ${s(a, 'row')}: field ${s(a, 'field')} value "${s(a, 'value')}" does not fit the data format (${s(a, 'detail')})`,
    hintZh: () => '各字段的格式见 docs/data.md。',
    hintEn: () => 'docs/data.md describes each field.',
  },
  CH309: {
    name: 'impossible-time',
    severity: 'warning',
    zh: (a) => `第 ${s(a, 'row')} 行：${s(a, 'field')}（${s(a, 'value')}）早于 ${s(a, 'before')}（${s(a, 'beforeValue')}），记录已保存并标记为时间异常`,
    en: (a) => `Row ${s(a, 'row')}: ${s(a, 'field')} (${s(a, 'value')}) is before ${s(a, 'before')} (${s(a, 'beforeValue')}); the record is kept and flagged`,
    hintZh: () => '时间异常的记录不会被自动修正，评价时作为数据问题列出；请服务商核实后重新提交更正的记录。',
    hintEn: () => 'Impossible times are never fixed automatically and count as a data finding; ask the provider to check and resubmit a corrected record.',
  },
  CH310: {
    name: 'encoding-error',
    severity: 'error',
    zh: (a) => `文件无法按 ${s(a, 'encoding')} 解码（约第 ${s(a, 'offset')} 字节处）`,
    en: (a) => `The file cannot be decoded as ${s(a, 'encoding')} (near byte ${s(a, 'offset')})`,
    hintZh: () => '用 --encoding 指定编码：Excel 中文版保存的 CSV 通常是 gb18030（GBK），其余多为 utf-8。',
    hintEn: () => 'Give the encoding with --encoding: CSV saved by Chinese Excel is usually gb18030 (GBK), others utf-8.',
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
    zh: (a) => `第 ${s(a, 'row')} 行：${s(a, 'field')} 为 ${s(a, 'value')}，不在申报期间 ${s(a, 'period')} 内`,
    en: (a) => `Row ${s(a, 'row')}: ${s(a, 'field')} ${s(a, 'value')} is outside the declared period ${s(a, 'period')}`,
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
  CH401: {
    name: 'unknown-fact-path',
    severity: 'error',
    zh: (a) => `规则 ${s(a, 'rule')} 读取的事实 ${s(a, 'fact')}${s(a, 'path') ? ' ' + s(a, 'path') : ''} 不在数据格式中`,
    en: (a) => `Rule ${s(a, 'rule')} reads fact ${s(a, 'fact')}${s(a, 'path') ? ' ' + s(a, 'path') : ''}, which the data formats do not have`,
    hintZh: (a) => `可用字段：${s(a, 'allowed')}。改正条款中的字段名，否则该规则永远不会按预期判断。`,
    hintEn: (a) => `Available fields: ${s(a, 'allowed')}. Correct the field name in the requirement, or the rule can never judge as intended.`,
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
    zh: (a) => `无法计算整改期限：${s(a, 'detail')}`,
    en: (a) => `The rectification deadline cannot be computed: ${s(a, 'detail')}`,
    hintZh: () => '该年度的法定节假日安排尚未收录；在 standards/school/calendar.yaml 中补充学校的放假与调休安排后再签发。',
    hintEn: () => 'That year’s public holidays are not in the data yet; add the school’s closures and working days to standards/school/calendar.yaml, then issue.',
  },
  CH503: {
    name: 'unknown-notice',
    severity: 'error',
    zh: (a) => `没有编号为“${s(a, 'value')}”的通知单`,
    en: (a) => `There is no notice "${s(a, 'value')}"`,
    hintZh: () => '用 charter notices list 查看编号；也可写成 年份-序号，如 2026-001。',
    hintEn: () => 'See the numbers with charter notices list; YEAR-SEQ such as 2026-001 also works.',
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
    zh: (a) => `通知单 ${s(a, 'number')} 反馈整改（${s(a, 'since')}）之后还没有可评价的数据，暂不能复查`,
    en: (a) => `Notice ${s(a, 'number')}: there is no data to judge after the rectification was reported (${s(a, 'since')}), so it cannot be verified yet`,
    hintZh: () => '待服务商提交整改之后的服务数据（charter submit）后再复查；--as-of 可指定复查时点。',
    hintEn: () => 'Verify once the provider has submitted service data from after the rectification (charter submit); --as-of sets the time of the check.',
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
    hintZh: () => '改为不低于标准的值；确需放宽时添加 deviation:，写明 reason（理由）、approved_on（批准日期）和 approved_by（批准人）。',
    hintEn: () => 'Use a value at least as strict as the standard, or add a deviation: with reason, approved_on and approved_by.',
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
    hintZh: () => '写法示例：PT15M（15 分钟）、PT1H（1 小时）、PT24H（24 小时）、P3D（3 天）、P5WD 不合法，工作日请用 unit: working-days 与数字。',
    hintEn: () => 'Examples: PT15M (15 min), PT1H (1 h), PT24H (24 h), P3D (3 days); for working days use unit: working-days with a number.',
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
  CH219: {
    name: 'notice-number-pattern',
    severity: 'error',
    zh: (a) => `通知单编号格式“${s(a, 'value')}”缺少 ${s(a, 'missing')}`,
    en: (a) => `Notice number pattern "${s(a, 'value')}" lacks ${s(a, 'missing')}`,
    hintZh: () => '编号格式须含 {year}（年度）和 {seq} 或 {seq:3}（年度内顺序号，补零到 3 位），例如“后勤督〔{year}〕第{seq:3}号”；否则编号会重复。',
    hintEn: () => 'The pattern needs {year} and {seq} or {seq:3} (the sequence within the year, zero-padded to 3 digits), e.g. "后勤督〔{year}〕第{seq:3}号"; otherwise numbers repeat.',
  },
  CH230: {
    name: 'plan-binds-no-unit',
    severity: 'warning',
    zh: (a) => `方案条款“${s(a, 'id')}”不约束任何单位，不会被评价`,
    en: (a) => `Plan requirement "${s(a, 'id')}" binds no unit, so it is never evaluated`,
    hintZh: (a) => `在校园登记（register.yaml）中把方案 ${s(a, 'profile')} 写入适用单位的 plans:（服务商或后勤处自有服务单位，如综合办公室），或作为其 profile。`,
    hintEn: (a) => `In the register (register.yaml) add ${s(a, 'profile')} to the plans: of the units it governs (a provider, or one of the office's own units such as the general office), or make it their profile.`,
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
