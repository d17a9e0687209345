// Hand-built documents for the renderer's tests, the example PDFs and the render benchmark.
// Content follows the shipped standard (clause texts are verbatim) and the sample university.
import type { NoticeDoc, NoticeProblem, Provenance, ScorecardDoc } from './types.ts';

export const PROVENANCE: Provenance = {
  standard: '高等学校物业服务规范 原文版 (gaoxiao-wuye 2025-09-01) · 方案 nantong-supervision',
  calendar: 'chinese-days 1.5.7 (2004–2026)',
  data_sha256: '56dd709d8eb548cdc148eac240a44490825dddf4a89c560bb17429953bd4e2e0',
  engine: 'Charter 0.1.0',
};

const SITE = 'https://hq.example.edu.cn/charter';
const STD = '《高等学校物业服务规范》';

type ProblemSeed = Omit<NoticeProblem, 'seq' | 'url'>;

const PROBLEMS: ProblemSeed[] = [
  {
    requirement: '4.3-1',
    source: `${STD}4.3`,
    clause_text: '日常维修：工作时间接到报修1h内到达维修现场，其余时间2h内到达维修现场，水、电等紧急抢修15min内到达维修现场，电梯事故10min内到达现场处理；',
    place: '华宇物业服务有限公司（全校区）',
    description: '报修到场超时 12 件（本期报修 340 件，按时到场 328 件，达成 96.5%，要求全部按时到场）。',
    evidence: [
      { record: 'WO-2026-000218', actual: '1小时42分', required: '≤1小时' },
      { record: 'WO-2026-000305', actual: '25分钟', required: '≤15分钟（水电抢修）' },
      { record: 'WO-2026-000377', actual: '2小时35分', required: '≤2小时（非工作时间）' },
      { record: 'WO-2026-000412', actual: '1小时18分', required: '≤1小时' },
      { record: 'WO-2026-000542', actual: '25分钟', required: '≤10分钟（电梯事故）' },
    ],
    evidence_total: 12,
    action: '查明超时原因，调整维修班组排班与片区划分，确保按承诺时限到场；对超时工单逐一回访报修人。',
  },
  {
    requirement: '4.3-2',
    source: `${STD}4.3`,
    clause_text: '投诉处理：接到顾客投诉应在24h内完成调查处理，并将处理结果反馈顾客。',
    place: '学生公寓区',
    description: '投诉处理超时 1 件（本期投诉 16 件，按时反馈 15 件）。',
    evidence: [{ record: 'CP-2026-000044', actual: '30.5小时', required: '≤24小时' }],
    evidence_total: 1,
    action: '对该投诉补充回访并书面说明超时原因；完善投诉受理登记与督办流程。',
  },
  {
    requirement: '5.1.2.6-2',
    source: `${STD}5.1.2.6`,
    clause_text: '保持路灯、景观灯、草坪灯照明完好，完好率达95%以上。',
    place: '主校区',
    description: '路灯、景观灯、草坪灯完好率 83.89%，低于要求的 95%。',
    evidence: [{ unit: '主校区', actual: '83.89%', required: '≥95%' }],
    evidence_total: 1,
    action: '全面排查校园室外照明，更换损坏灯具，建立每周巡检记录。',
  },
  {
    requirement: '5.1.2.7-2',
    source: `${STD}5.1.2.7`,
    clause_text: '主配电室宜有专人24小时值守，每日2次巡检，查抄运行参数；',
    place: '东区配电室',
    description: '配电室巡检记录缺失 1 次（本期应巡检 60 次，实有记录 59 次）。',
    evidence: [{ unit: '东区配电室', cell: '2026-04-22', actual: '巡检 1 次', required: '每日 2 次' }],
    evidence_total: 1,
    action: '补齐巡检记录说明，落实值守人员交接班巡检制度。',
  },
  {
    requirement: '5.1.2.9-1',
    source: `${STD}5.1.2.9`,
    clause_text: '室内消火栓箱醒目、无遮挡，箱门应设置紧急开启装置，栓口、水枪、水带齐全好用；',
    place: '第一教学楼、图书馆',
    description: '消火栓箱月度检查记录缺失 3 处。',
    evidence: [
      { unit: '第一教学楼 3F-02 消火栓', cell: '2026-04', actual: '无检查记录', required: '每月检查 1 次' },
      { unit: '第一教学楼 5F-01 消火栓', cell: '2026-04', actual: '无检查记录', required: '每月检查 1 次' },
      { unit: '图书馆 B1-04 消火栓', cell: '2026-04', actual: '无检查记录', required: '每月检查 1 次' },
    ],
    evidence_total: 3,
    action: '立即完成上述消火栓箱检查并补录记录，检查中发现的缺损当日修复。',
  },
  {
    requirement: '5.1.2.11-4',
    source: `${STD}5.1.2.11`,
    clause_text: '电梯出现故障后，维保人员应在30min内到达现场。',
    place: '学生公寓 7 号楼',
    description: '电梯故障到场超时 1 件。',
    evidence: [{ record: 'WO-2026-000611', actual: '48分钟', required: '≤30分钟' }],
    evidence_total: 1,
    action: '督促电梯维保单位落实驻场或就近待命，故障报修同步通知维保人员。',
  },
  {
    requirement: '5.1.2.12-2',
    source: `${STD}5.1.2.12`,
    clause_text: '中央空调、多联机空调在运行期间，应对空调系统每日2次巡检，查看设备运行状态；每周对冷却系统、冷凝器等通风散热系统进行清理，确保高效运行。',
    place: '行政楼、图书馆',
    description: '空调系统运行期间巡检记录缺失 7 次，冷却系统周清理记录缺失 1 次。',
    evidence: [
      { unit: '行政楼中央空调', cell: '2026-04-08', actual: '巡检 1 次', required: '每日 2 次' },
      { unit: '行政楼中央空调', cell: '2026-04-09', actual: '巡检 0 次', required: '每日 2 次' },
      { unit: '图书馆多联机', cell: '2026-04-15', actual: '巡检 1 次', required: '每日 2 次' },
      { unit: '图书馆多联机', cell: '2026-04-16', actual: '巡检 1 次', required: '每日 2 次' },
      { unit: '图书馆冷却系统', cell: '2026-W16', actual: '未清理', required: '每周 1 次' },
    ],
    evidence_total: 8,
    action: '按规定频次巡检并如实记录；补做冷却系统清理，留存清理前后照片。',
  },
  {
    requirement: '5.2.2.2',
    source: `${STD}5.2.2`,
    clause_text: '每日定时对校园进行安全巡视，如发现异常气味、异常声响、违规停车、违反治安管理等事件应立即处置。',
    place: '主校区、东校区',
    description: '校园安全巡视记录缺失 4 天。',
    evidence: [
      { unit: '东校区', cell: '2026-04-05', actual: '无巡视记录', required: '每日巡视' },
      { unit: '东校区', cell: '2026-04-06', actual: '无巡视记录', required: '每日巡视' },
      { unit: '主校区', cell: '2026-04-19', actual: '无巡视记录', required: '每日巡视' },
      { unit: '主校区', cell: '2026-04-26', actual: '无巡视记录', required: '每日巡视' },
    ],
    evidence_total: 4,
    action: '节假日及休息日同样落实巡视，巡视路线与记录纳入电子巡更系统。',
  },
  {
    requirement: '5.2.4.3',
    source: `${STD}5.2.4`,
    clause_text: '每日至少进行1次防火巡查，确定巡查的人员、内容、区域和频次，填写巡查记录；对消防安全重点部位应适当增加巡查频次；学生公寓夜间防火巡查每日不少于2次。',
    place: '学生公寓 3 号楼、5 号楼、7 号楼',
    description: '学生公寓夜间防火巡查不足每日 2 次，共 9 楼·日。',
    evidence: [
      { unit: '学生公寓 3 号楼', cell: '2026-04-03', actual: '夜间巡查 1 次', required: '≥2 次' },
      { unit: '学生公寓 3 号楼', cell: '2026-04-04', actual: '夜间巡查 1 次', required: '≥2 次' },
      { unit: '学生公寓 5 号楼', cell: '2026-04-11', actual: '夜间巡查 0 次', required: '≥2 次' },
      { unit: '学生公寓 5 号楼', cell: '2026-04-12', actual: '夜间巡查 1 次', required: '≥2 次' },
      { unit: '学生公寓 7 号楼', cell: '2026-04-20', actual: '夜间巡查 1 次', required: '≥2 次' },
      { unit: '学生公寓 7 号楼', cell: '2026-04-21', actual: '夜间巡查 1 次', required: '≥2 次' },
    ],
    evidence_total: 9,
    action: '夜间防火巡查落实到人、到时段；宿管值班人员与保安交叉核查巡查记录。',
  },
  {
    requirement: '5.3.2-6',
    source: `${STD}5.3.2`,
    clause_text: '公共卫生间保持无异味、无积水、无明显污垢、无卫生死角；',
    place: '第二教学楼 2 层、4 层公共卫生间',
    description: '现场检查发现地面积水、异味明显，保洁记录未按时段填写。',
    evidence: [
      { unit: '第二教学楼 2F 卫生间', cell: '2026-04-14 10:20', actual: '地面积水、有异味', required: '无异味、无积水' },
      { unit: '第二教学楼 4F 卫生间', cell: '2026-04-14 10:35', actual: '便池污垢明显', required: '无明显污垢' },
    ],
    evidence_total: 2,
    action: '增加课间保洁频次，修复漏水点，按时段填写保洁记录并张贴公示。',
  },
  {
    requirement: '5.3.4',
    source: `${STD}5.3.4`,
    clause_text: '合理设置垃圾容器摆放位置及数量，垃圾容器所收集的垃圾类型应标识清楚，垃圾分类收集并及时清理收运，周围无散落垃圾、无污迹和异味，做到日产日清。',
    place: '学生食堂北侧垃圾收集点',
    description: '垃圾未日产日清 2 天，容器周围有散落垃圾与污迹。',
    evidence: [
      { unit: '食堂北侧收集点', cell: '2026-04-18', actual: '次日 9:00 仍未清运', required: '日产日清' },
      { unit: '食堂北侧收集点', cell: '2026-04-25', actual: '次日 10:30 仍未清运', required: '日产日清' },
    ],
    evidence_total: 2,
    action: '调整清运班次，周末安排专人清运；清洗容器及周边地面。',
  },
  {
    requirement: 'nantong-supervision:daily-self-check',
    source: '《关于进一步加强后勤服务质量监督的实施方案》四、3',
    clause_text: '学生宿舍、餐饮、物业、水电保障等日常服务项目，相关中心每天组织一次自查',
    place: '华宇物业服务有限公司项目部',
    description: '本月有 3 天未提交每日自查记录。',
    evidence: [
      { unit: '项目部', cell: '2026-04-04', actual: '无自查记录', required: '每日 1 次' },
      { unit: '项目部', cell: '2026-04-05', actual: '无自查记录', required: '每日 1 次' },
      { unit: '项目部', cell: '2026-04-06', actual: '无自查记录', required: '每日 1 次' },
    ],
    evidence_total: 3,
    action: '落实每日自查制度，自查记录于次日 10:00 前上传监督平台。',
  },
];

function problems(): NoticeProblem[] {
  return PROBLEMS.map((p, i) => ({ ...p, seq: i + 1, url: `${SITE}/clauses/${encodeURIComponent(p.requirement)}` }));
}

/** A notice with 12 problems, long enough for the table to continue onto a second page. */
export function sampleNotice(): NoticeDoc {
  const ps = problems();
  return {
    number: '后勤督〔2026〕第001号',
    issued_at: '2026-05-06T09:30:00+08:00',
    office: '南通示范大学后勤管理处',
    title: '问题整改通知单',
    provider: { id: 'huayu-property', name: '华宇物业服务有限公司' },
    inspection_type: '月度服务数据核查',
    period: '2026-04',
    problems: ps,
    demand:
      '根据《高等学校物业服务规范》及《关于进一步加强后勤服务质量监督的实施方案》，我处对你单位 2026年4月 的物业服务数据进行了核查，发现下列问题。请你单位对下列问题限期整改，并在整改期限内将整改情况书面反馈我处（附整改前后照片）。',
    deadline: { date: '2026-05-13', working_days: 5, rule: '签发之日起 5 个工作日（不含当日，遇节假日顺延）' },
    recheck: '整改期限届满后 3 个工作日内，由后勤管理处质量监督科会同学校相关部门现场复查，并核对服务数据平台记录。',
    issuer: { name: '王建国（质量监督科）', contact: '0513-8501 2345' },
    objection: {
      working_days: 5,
      until: '2026-05-13',
      text: '如对上述问题有异议，请于收到本通知之日起 5 个工作日内向后勤管理处质量监督科书面反馈，并附相关证明材料；逾期视为无异议。',
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
    office: '南通示范大学后勤管理处',
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
