// The word check itself (engine/model/word-check.ts): it must find each kind of code in text people read,
// and leave alone what is the reader's own (paths, commands, record numbers, error codes, hashes).
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../engine/model/word-check.ts';
import { comparisonWords, durationWords, localTime, requirementRef, shareWords } from '../engine/model/labels.ts';

const ids = { ids: ['huayu-property', 'contract-example-property', 'power-room-inspection', 'service-process-2025'] };
const kinds = (text: string, lang: 'zh' | 'en' = 'zh'): string[] => findLeaks(text, lang, ids).map((l) => `${l.kind}:${l.token}`);

describe('findLeaks counts codes where words belong', () => {
  it.each([
    ['要求 ≤PT10M / ≤PT15M', ['iso-duration:PT10M', 'iso-duration:PT15M']],
    ['时限 PT2H', ['iso-duration:PT2H']],
    ['提交时间 2026-07-10T09:00:00', ['iso-time:2026-07-10T09:00:00']],
    ['arrived_at 早于 reported_at', ['field:arrived_at', 'field:reported_at']],
    ['2026-05-08 10:00  acknowledged  已签收', ['status-word:acknowledged']],
    ['状态 rectification-reported', ['status-word:rectification-reported']],
    ['经办 charter (rule overdue)', ['rule-tag:(rule overdue)', 'status-word:overdue']],
    ['范围 power-room-inspection', ['id:power-room-inspection']],
    ['方案 contract-example-property', ['id:contract-example-property']],
    ['条款 service-process-2025:weekly-site-inspection', ['id:service-process-2025:weekly-site-inspection']],
    ['huayu-property 华宇物业服务有限公司', ['id:huayu-property']],
    ['要求 at-least 95%', ['status-word:at-least']],
    ['抽查 buildings-monthly-share：楼宇 13 处', ['code:buildings-monthly-share']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    '$ charter submit examples/sample-university/work-orders.ndjson --kind work-orders',
    '结果文件：out/2026-04/findings.json',
    '工单 WO-2026-000542 到场用时 25 分钟，时限 15 分钟',
    'examples/x.csv:194:6 错误 CH303 第 194 行：“报修类别”列的值“门窗”无法识别',
    '行 ndjson utf-8 合计 1500；编码：GB18030；sha256 e76f4135875c',
    '请先提交数据：charter submit 文件 --kind work-orders',
    '第4.3条第1项 工作时间报修到达维修现场 ≤ 45 分钟',
  ])('leaves alone: %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('English text may use English status words but not codes', () => {
    expect(kinds('Status: verified and closed; 2 passed, 1 failed', 'en')).toEqual([]);
    expect(kinds('on-site check, follow-up', 'en')).toEqual([]);
    expect(kinds('Status: rectification-reported', 'en')).toEqual(['status-word:rectification-reported']);
    expect(kinds('Status: verified', 'zh')).toEqual(['status-word:verified']);
  });
});

describe('labels: the words themselves', () => {
  const nb = (s: string): string => s.replace(/\u00a0/g, ' ');
  it.each([
    ['PT45M', 'zh', '45 分钟'],
    ['PT2H', 'zh', '2 小时'],
    ['PT1H30M', 'zh', '1 小时 30 分钟'],
    ['P3D', 'zh', '3 天'],
    ['PT1H', 'en', '1 hour'],
    ['PT10M', 'en', '10 minutes'],
  ] as const)('durationWords(%s, %s) = %s', (iso, lang, want) => {
    expect(nb(durationWords(iso, lang))).toBe(want);
  });

  it('comparisons carry their sign and unit, kept on one line', () => {
    expect(comparisonWords('at-least', 18, 'celsius', 'zh')).toBe('≥\u00a018\u00a0℃');
    expect(nb(comparisonWords('below', 5, 'permille', 'zh'))).toBe('< 5 ‰');
    expect(nb(comparisonWords('at-least', 95, 'percent', 'en'))).toBe('≥ 95 %');
    expect(nb(comparisonWords('at-most', 'PT45M', 'duration', 'zh'))).toBe('≤ 45 分钟');
  });

  it('local times and references', () => {
    expect(localTime('2026-05-12T16:00:00+08:00', 'zh')).toBe('5月12日 16:00');
    expect(localTime('2026-05-12T16:00:00+08:00', 'en')).toBe('12 May 16:00');
    expect(requirementRef({ id: '4.3-1', number: '4.3', item: 1 }, 'zh')).toBe('第4.3条第1项');
    expect(requirementRef({ id: '5.1.2.10-4-a', number: '5.1.2.10', item: 4, part: 'a' }, 'zh')).toBe('第5.1.2.10条第4项a)');
    expect(requirementRef({ id: 'quality-improvement:x', planRef: '四、(三)3', planTitle: '学校后勤服务质量提升与监督实施方案' }, 'zh')).toBe('《学校后勤服务质量提升与监督实施方案》四、(三)3');
  });

  it('below 5 cases a share is a count, not a rate', () => {
    expect(nb(shareWords(0, 1, 'zh'))).toBe('1 件中 0 件达成');
    expect(nb(shareWords(4, 4, 'en'))).toBe('4 of 4 cases');
    expect(nb(shareWords(201, 203, 'zh'))).toBe('99.0 %');
  });
});
