// Hand-built documents for the renderer's tests, the example PDFs and the render benchmark.
// Content follows the shipped standard (clause texts are verbatim) and the sample university.
import type { NoticeDoc, NoticeProblem, Provenance, ScorecardDoc } from './types.ts';
import { clauseSlug } from '../site/slug.ts';

export const PROVENANCE: Provenance = {
  standard: '高等学校物业服务规范 原文版 1.0.0\u00a0版 · 方案 《关于进一步加强后勤服务质量监督的实施方案》',
  calendar: '法定节假日数据 1.5.7\u00a0版（2004–2026）',
  data_sha256: '56dd709d8eb548cdc148eac240a44490825dddf4a89c560bb17429953bd4e2e0',
  engine: 'Charter 0.1.0',
};

const SITE = 'https://hq.example.edu.cn/charter';
const STD = '《高等学校物业服务规范》';
const N = '\u00a0'; // a number and its unit stay on one line (labels.ts)

type ProblemSeed = Omit<NoticeProblem, 'seq' | 'url'>;

// Worded as engine/notices/wording.ts words them: places (never the provider's name), units and signs, counts
// below 5 cases as counts, what to do about this miss, the clause in official style, evidence as sentences.
const PROBLEMS: ProblemSeed[] = [
  {
    requirement: '4.3-1',
    ref: '第4.3条第1项',
    source: STD,
    clause_text: '日常维修：工作时间接到报修1h内到达维修现场，其余时间2h内到达维修现场，水、电等紧急抢修15min内到达维修现场，电梯事故10min内到达现场处理；',
    place: '全校',
    description: `工作时间报修到达维修现场（时限 1${N}小时）：本期 340${N}件，超时 12${N}件，按时率 96.5${N}%。`,
    evidence: [
      { record: 'WO-2026-000218', text: `WO-2026-000218 用时 1.7${N}小时，时限 1${N}小时` },
      { record: 'WO-2026-000305', text: `WO-2026-000305 用时 25${N}分钟，时限 15${N}分钟（水、电紧急抢修）` },
      { record: 'WO-2026-000377', text: `WO-2026-000377 用时 2.6${N}小时，时限 2${N}小时（其余时间报修）` },
      { record: 'WO-2026-000412', text: `WO-2026-000412 用时 1.3${N}小时，时限 1${N}小时` },
      { record: 'WO-2026-000542', text: `WO-2026-000542（第3教学楼）用时 25${N}分钟，时限 10${N}分钟（电梯事故）` },
    ],
    evidence_total: 12,
    action: `对超时的 12${N}件工单逐单说明原因；确保工作时间报修到达维修现场不超过 1${N}小时。`,
  },
  {
    requirement: '4.3-2',
    ref: '第4.3条第2项',
    source: STD,
    clause_text: '投诉处理：接到顾客投诉应在24h内完成调查处理，并将处理结果反馈顾客。',
    place: '学生公寓区',
    description: `完成调查处理并反馈顾客（时限 24${N}小时）：本期 4${N}件，超时 1${N}件，4${N}件中${N}3${N}件按时。`,
    evidence: [{ record: 'CP-2026-000044', text: `CP-2026-000044 用时 30.5${N}小时，时限 24${N}小时` }],
    evidence_total: 1,
    action: `对超时的 1${N}件投诉逐单说明原因；确保完成调查处理并反馈顾客不超过 24${N}小时。`,
  },
  {
    requirement: '5.1.2.6-2',
    ref: '第5.1.2.6条第2项',
    source: STD,
    clause_text: '保持路灯、景观灯、草坪灯照明完好，完好率达95%以上。',
    place: '本部',
    description: `路灯、景观灯、草坪灯完好率 83.9${N}%，要求 ≥${N}95${N}%。`,
    evidence: [{ text: `本部 路灯、景观灯、草坪灯完好率 83.9${N}%（4月30日统计，422 盏中 354 盏完好），要求 ≥${N}95${N}%` }],
    evidence_total: 1,
    action: `查明本部路灯、景观灯、草坪灯完好率未达标的原因并落实改进，使其 ≥${N}95${N}%。`,
  },
  {
    requirement: '5.1.2.7-2',
    ref: '第5.1.2.7条第2项',
    source: STD,
    clause_text: '主配电室宜有专人24小时值守，每日2次巡检，查抄运行参数；',
    place: '东校区主配电室',
    description: `配电室巡检应每天 2${N}次：本期 60${N}个应查时段中 1${N}个不足（东校区主配电室4月22日${N}1${N}次）。`,
    evidence: [{ text: `东校区主配电室 4月22日 配电室巡检 1${N}次（应 2${N}次）` }],
    evidence_total: 1,
    action: `补做东校区主配电室每天 2${N}次配电室巡检（所缺 1${N}个时段）并签字存档，此后按规定频次执行。`,
  },
  {
    requirement: '5.1.2.9-1',
    ref: '第5.1.2.9条第1项',
    source: STD,
    clause_text: '室内消火栓箱醒目、无遮挡，箱门应设置紧急开启装置，栓口、水枪、水带齐全好用；',
    place: '第一教学楼、图书馆',
    description: `消火栓箱检查应每月 1${N}次：本期 48${N}个应查时段中 3${N}个不足（第一教学楼4月${N}0${N}次，图书馆4月${N}0${N}次等）。`,
    evidence: [
      { text: `第一教学楼 3F-02 消火栓 4月 消火栓箱检查 0${N}次（应 1${N}次）` },
      { text: `第一教学楼 5F-01 消火栓 4月 消火栓箱检查 0${N}次（应 1${N}次）` },
      { text: `图书馆 B1-04 消火栓 4月 消火栓箱检查 0${N}次（应 1${N}次）` },
    ],
    evidence_total: 3,
    action: `补做第一教学楼、图书馆每月 1${N}次消火栓箱检查（所缺 3${N}个时段）并签字存档，检查中发现的缺损当日修复。`,
  },
  {
    requirement: '5.1.2.11-4',
    ref: '第5.1.2.11条第4项',
    source: STD,
    clause_text: '电梯出现故障后，维保人员应在30min内到达现场。',
    place: '学生公寓7号楼',
    description: `电梯故障维保人员到达现场（时限 30${N}分钟）：本期 3${N}件，超时 1${N}件，3${N}件中${N}2${N}件按时。`,
    evidence: [{ record: 'WO-2026-000611', text: `WO-2026-000611 用时 48${N}分钟，时限 30${N}分钟` }],
    evidence_total: 1,
    action: `对超时的 1${N}件工单逐单说明原因；确保电梯故障维保人员到达现场不超过 30${N}分钟。`,
  },
  {
    requirement: '5.1.2.12-2',
    ref: '第5.1.2.12条第2项',
    source: STD,
    clause_text: '中央空调、多联机空调在运行期间，应对空调系统每日2次巡检，查看设备运行状态；每周对冷却系统、冷凝器等通风散热系统进行清理，确保高效运行。',
    place: '行政楼、图书馆',
    description: `空调系统巡检应每天 2${N}次：本期 60${N}个应查时段中 7${N}个不足（行政楼4月8日${N}1${N}次，行政楼4月9日${N}0${N}次等）；冷却系统清理 1 周未做。`,
    evidence: [
      { text: `行政楼 4月8日 空调系统巡检 1${N}次（应 2${N}次）` },
      { text: `行政楼 4月9日 空调系统巡检 0${N}次（应 2${N}次）` },
      { text: `图书馆 4月15日 空调系统巡检 1${N}次（应 2${N}次）` },
      { text: `图书馆 4月16日 空调系统巡检 1${N}次（应 2${N}次）` },
      { text: `图书馆 截至4月19日的一周 冷却系统清理 0${N}次（应 1${N}次）` },
    ],
    evidence_total: 8,
    action: `补做行政楼、图书馆每天 2${N}次空调系统巡检的记录并签字存档；补做图书馆冷却系统清理，留存清理前后照片。`,
  },
  {
    requirement: '5.2.2.2',
    ref: '第5.2.2.2条',
    source: STD,
    clause_text: '每日定时对校园进行安全巡视，如发现异常气味、异常声响、违规停车、违反治安管理等事件应立即处置。',
    place: '本部、东校区',
    description: `校园安全巡视应每天 1${N}次：本期 60${N}个应查时段中 4${N}个不足（东校区4月5日${N}0${N}次，东校区4月6日${N}0${N}次等）。`,
    evidence: [
      { text: `东校区 4月5日 校园安全巡视 0${N}次（应 1${N}次）` },
      { text: `东校区 4月6日 校园安全巡视 0${N}次（应 1${N}次）` },
      { text: `本部 4月19日 校园安全巡视 0${N}次（应 1${N}次）` },
      { text: `本部 4月26日 校园安全巡视 0${N}次（应 1${N}次）` },
    ],
    evidence_total: 4,
    action: `补做本部、东校区每天 1${N}次校园安全巡视（所缺 4${N}个时段）的情况说明并签字存档；节假日及休息日同样落实巡视。`,
  },
  {
    requirement: '5.2.4.3',
    ref: '第5.2.4.3条',
    source: STD,
    clause_text: '每日至少进行1次防火巡查，确定巡查的人员、内容、区域和频次，填写巡查记录；对消防安全重点部位应适当增加巡查频次；学生公寓夜间防火巡查每日不少于2次。',
    place: '学生公寓3号楼、学生公寓5号楼、学生公寓7号楼',
    description: `学生公寓夜间防火巡查应每晚 2${N}次：本期 90${N}个应查时段中 9${N}个不足（学生公寓3号楼4月3日${N}1${N}次，学生公寓3号楼4月4日${N}1${N}次等）。`,
    evidence: [
      { text: `学生公寓3号楼 4月3日 学生公寓夜间防火巡查 1${N}次（应 2${N}次）` },
      { text: `学生公寓3号楼 4月4日 学生公寓夜间防火巡查 1${N}次（应 2${N}次）` },
      { text: `学生公寓5号楼 4月11日 学生公寓夜间防火巡查 0${N}次（应 2${N}次）` },
      { text: `学生公寓5号楼 4月12日 学生公寓夜间防火巡查 1${N}次（应 2${N}次）` },
      { text: `学生公寓7号楼 4月20日 学生公寓夜间防火巡查 1${N}次（应 2${N}次）` },
    ],
    evidence_total: 9,
    action: `补做学生公寓3号楼、5号楼、7号楼每晚 2${N}次夜间防火巡查（所缺 9${N}个时段）并签字存档，此后按规定频次执行。`,
  },
  {
    requirement: '5.3.2-6',
    ref: '第5.3.2条第6项',
    source: STD,
    clause_text: '公共卫生间保持无异味、无积水、无明显污垢、无卫生死角；',
    place: '第二教学楼',
    description: `现场检查不合格 2${N}处：二楼卫生间地面积水、有异味（检查人 某某，4月14日 10:20）。`,
    evidence: [
      { text: '第二教学楼：二楼卫生间地面积水、有异味（检查人 某某，4月14日 10:20）' },
      { text: '第二教学楼：四楼卫生间便池污垢明显（检查人 某某，4月14日 10:35）' },
    ],
    evidence_total: 2,
    action: '立即整改第二教学楼现场检查发现的问题（二楼卫生间地面积水、有异味；四楼卫生间便池污垢明显），留存整改前后照片，报请复查。',
  },
  {
    requirement: '5.3.4',
    ref: '第5.3.4条',
    source: STD,
    clause_text: '合理设置垃圾容器摆放位置及数量，垃圾容器所收集的垃圾类型应标识清楚，垃圾分类收集并及时清理收运，周围无散落垃圾、无污迹和异味，做到日产日清。',
    place: '第1食堂北侧垃圾收集点',
    description: `现场检查不合格 2${N}处：次日 9:00 仍未清运（检查人 某某，4月19日 09:00）。`,
    evidence: [
      { text: '第1食堂北侧垃圾收集点：次日 9:00 仍未清运（检查人 某某，4月19日 09:00）' },
      { text: '第1食堂北侧垃圾收集点：次日 10:30 仍未清运（检查人 某某，4月26日 10:30）' },
    ],
    evidence_total: 2,
    action: '立即整改第1食堂北侧垃圾收集点现场检查发现的问题（垃圾未日产日清），调整清运班次，留存整改前后照片，报请复查。',
  },
  {
    requirement: 'nantong-supervision:daily-self-check',
    ref: '四、3',
    source: '《关于进一步加强后勤服务质量监督的实施方案》',
    clause_text: '学生宿舍、餐饮、物业、水电保障等日常服务项目，相关中心每天组织一次自查',
    place: '全校',
    description: `日常服务自查应每天 1${N}次：本期 30${N}个应查时段中 3${N}个不足（全校4月4日${N}0${N}次，全校4月5日${N}0${N}次等）。`,
    evidence: [
      { text: `全校 4月4日 日常服务自查 0${N}次（应 1${N}次）` },
      { text: `全校 4月5日 日常服务自查 0${N}次（应 1${N}次）` },
      { text: `全校 4月6日 日常服务自查 0${N}次（应 1${N}次）` },
    ],
    evidence_total: 3,
    action: `补做每天 1${N}次日常服务自查的记录（所缺 3${N}个时段）并签字存档，此后按规定频次执行。`,
  },
];

function problems(): NoticeProblem[] {
  return PROBLEMS.map((p, i) => ({ ...p, seq: i + 1, url: `${SITE}/standard/${clauseSlug(p.requirement)}/` }));
}

/** A notice with 12 problems, long enough for the table to continue onto a second page. */
export function sampleNotice(): NoticeDoc {
  const ps = problems();
  return {
    number: '后勤督〔2026〕第001号',
    issued_at: '2026-05-06T09:30:00+08:00',
    office: '示例大学后勤管理处',
    title: '问题整改通知单',
    provider: { id: 'huayu-property', name: '华宇物业服务有限公司' },
    inspection_type: '月度服务数据核查',
    period: '2026-04',
    problems: ps,
    demand:
      '根据《高等学校物业服务规范》及《关于进一步加强后勤服务质量监督的实施方案》，我处对你单位2026年4月的物业服务数据进行了核查，发现下列问题。请你单位对下列问题限期整改，并在整改期限内将整改情况书面反馈我处（附整改前后照片）。',
    deadline: { date: '2026-05-13', working_days: 5, rule: '签发之日起 5\u00a0个工作日内（签发当日不计，遇法定节假日顺延），即 2026年5月13日前' },
    recheck: '整改期限届满后 3\u00a0个工作日内，由后勤管理处质量监督科会同学校相关部门现场复查，并核对服务数据平台记录。',
    // Placeholders, not a real-looking person or number (issue 13 §4).
    issuer: { name: '后勤管理处质量监督科', contact: '0000-0000000' },
    objection: {
      working_days: 5,
      until: '2026-05-13',
      text: '如对上述问题有异议，请于收到本通知之日起 5\u00a0个工作日内向后勤管理处质量监督科书面反馈，并附相关证明材料；逾期视为无异议。',
    },
    provenance: PROVENANCE,
    qr_url: ps[0]!.url,
  };
}

const PROVIDERS = [
  { id: 'huayu-property', name: '华宇物业服务有限公司' },
  { id: 'xinyuan-service', name: '信源后勤服务有限公司' },
  { id: 'jinghua-property', name: '京华物业管理有限公司' },
];

/** n distinct notices (numbers 001…, providers and problem counts varied) for batch tests and the bench. */
export function noticeBatch(n: number): NoticeDoc[] {
  const base = sampleNotice();
  return Array.from({ length: n }, (_, i) => {
    const count = 3 + (i % 10);
    const ps = base.problems.slice(0, count).map((p, k) => ({ ...p, seq: k + 1 }));
    return {
      ...base,
      number: `后勤督〔2026〕第${String(i + 1).padStart(3, '0')}号`,
      provider: PROVIDERS[i % PROVIDERS.length]!,
      problems: ps,
      qr_url: ps[0]!.url,
    };
  });
}

/** A scorecard's footer in words: titles, not ids (the ids stay in findings.json). */
export const SCORECARD_PROVENANCE: Provenance = {
  standard: '《高等学校物业服务规范》原文版 第1.0.0版 · 方案《后勤服务质量监督实施方案》 · 评分表《物业服务月度考核评分表》',
  calendar: '法定节假日及调休安排 2004–2026年（数据第1.5.7版）',
  data_sha256: PROVENANCE.data_sha256,
  engine: PROVENANCE.engine,
};

const NB = '\u00a0';

export function sampleScorecard(): ScorecardDoc {
  return {
    title: '华宇物业服务有限公司 2026年4月 物业服务月度考核评分表',
    office: '示例大学后勤管理处',
    period: '2026-04',
    provider: { id: 'huayu-property', name: '华宇物业服务有限公司' },
    profile: 'nantong-supervision',
    profile_title: '后勤服务质量监督实施方案',
    categories: [
      {
        id: 'commitments',
        name: { zh: '基本要求与服务承诺', en: 'Basic requirements and pledges' },
        weight: 20,
        per_finding: 2,
        cap: 20,
        deducted: 4,
        score: 16,
        items: [
          { requirement: '4.3-1', ref: '第4.3条第1项', problem: `电梯事故到达现场（时限 10${NB}分钟）1${NB}件中 1${NB}件未按时；工作时间报修到达维修现场（时限 45${NB}分钟）71${NB}件中 1${NB}件未按时；如：WO-2026-000542 用时 25${NB}分钟，时限 10${NB}分钟（共 2${NB}件）`, text: '日常维修：工作时间接到报修1h内到达维修现场，其余时间2h内到达维修现场，水、电等紧急抢修15min内到达维修现场，电梯事故10min内到达现场处理；', scope: '全校区', deduction: 2, notice: '后勤督〔2026〕第001号' },
          { requirement: '4.3-2', ref: '第4.3条第2项', problem: `投诉处理（时限 24${NB}小时）16${NB}件中 1${NB}件未按时；如：CP-2026-000044 用时 30.5${NB}小时，时限 24${NB}小时`, text: '投诉处理：接到顾客投诉应在24h内完成调查处理，并将处理结果反馈顾客。', scope: '学生公寓区', deduction: 2, notice: '后勤督〔2026〕第001号' },
        ],
      },
      {
        id: 'facilities',
        name: { zh: '房屋建筑与设施设备维护', en: 'Buildings and facilities' },
        weight: 25,
        per_finding: 2,
        cap: 25,
        deducted: 10,
        score: 15,
        items: [
          { requirement: '5.1.2.6-2', ref: '第5.1.2.6条第2项', problem: `实测 83.9${NB}%（要求 ≥ 95${NB}%）；如：主校区 实测 83.9${NB}%`, text: '保持路灯、景观灯、草坪灯照明完好，完好率达95%以上。', scope: '主校区', deduction: 2, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.1.2.7-2-b', ref: '第5.1.2.7条第2项b)', problem: `应做 60${NB}项中 1${NB}项次数不足（每项应 2${NB}次）；如：东区配电室 4月22日 做了 1${NB}次（应 2${NB}次）`, text: '每日2次巡检，查抄运行参数', scope: '东区配电室', deduction: 2, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.1.2.9-1', ref: '第5.1.2.9条第1项', problem: `现场检查 12${NB}项中 2${NB}项不合格；如：第一教学楼：三楼东侧消火栓箱前堆放桌椅（共 2${NB}处）`, text: '室内消火栓箱醒目、无遮挡，箱门应设置紧急开启装置，栓口、水枪、水带齐全好用；', scope: '第一教学楼、图书馆', deduction: 2, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.1.2.11-4', ref: '第5.1.2.11条第4项', problem: `电梯故障到达现场（时限 30${NB}分钟）6${NB}件中 1${NB}件未按时；如：WO-2026-000377 用时 48${NB}分钟，时限 30${NB}分钟`, text: '电梯出现故障后，维保人员应在30min内到达现场。', scope: '学生公寓 7 号楼', deduction: 2, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.1.2.12-2', ref: '第5.1.2.12条第2项', problem: `应做 60${NB}项中 3${NB}项次数不足（每项应 2${NB}次）；如：行政楼 4月11日 做了 1${NB}次（应 2${NB}次）（共 3${NB}处）`, text: '中央空调、多联机空调在运行期间，应对空调系统每日2次巡检，查看设备运行状态；每周对冷却系统、冷凝器等通风散热系统进行清理，确保高效运行。', scope: '行政楼、图书馆', deduction: 2, notice: '后勤督〔2026〕第001号' },
        ],
      },
      {
        id: 'safety',
        name: { zh: '安全与秩序维护', en: 'Safety and order' },
        weight: 25,
        per_finding: 3,
        cap: 25,
        deducted: 6,
        score: 19,
        items: [
          { requirement: '5.2.2.2', ref: '第5.2.2.2条', problem: `应做 60${NB}项中 2${NB}项次数不足（每项应 1${NB}次）；如：东校区 4月5日 做了 0${NB}次（应 1${NB}次）（共 2${NB}处）`, text: '每日定时对校园进行安全巡视，如发现异常气味、异常声响、违规停车、违反治安管理等事件应立即处置。', scope: '主校区、东校区', deduction: 3, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.2.4.3', ref: '第5.2.4.3条', problem: `应做 90${NB}项中 1${NB}项次数不足（每项应 2${NB}次）；如：学生公寓7号楼 4月18日 做了 1${NB}次（应 2${NB}次）`, text: '每日至少进行1次防火巡查，确定巡查的人员、内容、区域和频次，填写巡查记录；对消防安全重点部位应适当增加巡查频次；学生公寓夜间防火巡查每日不少于2次。', scope: '学生公寓 3、5、7 号楼', deduction: 3, notice: '后勤督〔2026〕第001号' },
        ],
      },
      {
        id: 'cleaning',
        name: { zh: '清洁与绿化', en: 'Cleaning and grounds' },
        weight: 15,
        per_finding: 1,
        cap: 15,
        deducted: 2,
        score: 13,
        items: [
          { requirement: '5.3.2-6', ref: '第5.3.2条第6项', problem: `现场检查 8${NB}项中 1${NB}项不合格；如：第二教学楼：二楼男卫生间地面积水、有异味`, text: '公共卫生间保持无异味、无积水、无明显污垢、无卫生死角；', scope: '第二教学楼', deduction: 1, notice: '后勤督〔2026〕第001号' },
          { requirement: '5.3.4', ref: '第5.3.4条', problem: `现场检查 6${NB}项中 1${NB}项不合格；如：学生食堂北侧：垃圾桶满溢，周边散落垃圾`, text: '合理设置垃圾容器摆放位置及数量，垃圾容器所收集的垃圾类型应标识清楚，垃圾分类收集并及时清理收运，周围无散落垃圾、无污迹和异味，做到日产日清。', scope: '学生食堂北侧', deduction: 1, notice: '后勤督〔2026〕第001号' },
        ],
      },
      {
        id: 'special',
        name: { zh: '专项与特约服务', en: 'Special and extra services' },
        weight: 10,
        per_finding: 1,
        cap: 10,
        deducted: 1,
        score: 9,
        items: [{ requirement: '6.2.1.6-3', ref: '第6.2.1.6条第3项', problem: `上课期间报修到达故障地点（时限 3${NB}分钟）14${NB}件中 1${NB}件未按时；如：WO-2026-000412 用时 7${NB}分钟，时限 3${NB}分钟`, text: '上课期间接到报修后应在3分钟到达故障地点，及时解决问题；', scope: '第一教学楼', deduction: 1 }],
      },
      {
        id: 'quality',
        name: { zh: '应急处置与质量改进', en: 'Emergencies and quality improvement' },
        weight: 5,
        per_finding: 1,
        cap: 5,
        deducted: 0,
        score: 5,
        items: [],
      },
    ],
    veto: [{ requirement: '5.2.4.2', ref: '第5.2.4.2条', text: '疏散通道、疏散楼梯、安全出口、消防车道保持畅通，不得堵塞、占用、锁闭、分隔。', failed: false }],
    vetoed: false,
    supervisor_score: 77,
    users_score: 91.7,
    users_detail: { respondents: 120, satisfied: 110 },
    blend: { supervisor: 80, users: 20 },
    // 77 × 80 % = 61.6, 91.7 × 20 % = 18.3: the printed parts add up to the total.
    weighted: { supervisor: 61.6, users: 18.3 },
    total: 79.9,
    grade: { code: 'pass', name: { zh: '合格', en: 'Pass' } },
    grades: [
      { code: 'excellent', name: { zh: '优秀', en: 'Excellent' }, min: 90 },
      { code: 'good', name: { zh: '良好', en: 'Good' }, min: 80 },
      { code: 'pass', name: { zh: '合格', en: 'Pass' }, min: 70 },
      { code: 'fail', name: { zh: '不合格', en: 'Fail' }, min: 0 },
    ],
    trend: [
      { period: '2025-11', total: null },
      { period: '2025-12', total: 88.1 },
      { period: '2026-01', total: null, provisional: true },
      { period: '2026-02', total: 84.2 },
      { period: '2026-03', total: 81.5 },
      { period: '2026-04', total: 79.9 },
    ],
    checked: 186,
    failed: 12,
    provenance: SCORECARD_PROVENANCE,
    generated_at: '2026-05-06T10:00:00+08:00',
    signatures: ['考核人', '服务单位负责人', '后勤管理处负责人'],
  };
}
