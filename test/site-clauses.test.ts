// The words of a clause on the site (issue 14 §2, engine/site/clauses.ts): Chinese punctuation for
// half-width marks in Chinese text, Traditional → Simplified for the two Traditional-character plans,
// official references in place of ids, parameters named in words with their units.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseRef, displayText, fullWidthPunctuation, parameterLabel, parameterValueWords } from '../engine/site/clauses.ts';
import { buildIndex } from '../engine/validate/checks.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT } from './helpers.ts';

describe('fullWidthPunctuation', () => {
  it.each([
    // [input, expected, why]
    ['线下:设立意见箱于教学楼入口,每周开箱2次。', '线下：设立意见箱于教学楼入口，每周开箱2次。', 'colon and comma after Chinese'],
    ['是否及时?是!', '是否及时？是！', 'question and exclamation marks'],
    ['检查;记录', '检查；记录', 'semicolon'],
    ['二、(二)2.(1)', '二、（二）2.（1）', 'bracketed numbering in Chinese text, as pairs'],
    ['关键绩效指标(KPI)监控', '关键绩效指标（KPI）监控', 'Latin in brackets touching Chinese'],
    ['工作时间 8:30-17:00, 周一至周五', '工作时间 8:30-17:00，周一至周五', 'a time stays; the comma before Chinese drops its space'],
    ['误差率1.5%以内', '误差率1.5%以内', 'a decimal stays'],
    ['收费1,000元', '收费1,000元', 'a thousands separator stays'],
    ['see e.g. a:b, c (d)', 'see e.g. a:b, c (d)', 'Latin text stays'],
    ['KPI (Key Performance Indicator) 指标', 'KPI (Key Performance Indicator) 指标', 'Latin in brackets set off by spaces stays'],
    ['（已是全角）：，', '（已是全角）：，', 'full-width marks stay'],
    ['', '', 'empty'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(fullWidthPunctuation(input)).toBe(expected);
  });
});

describe('displayText', () => {
  it.each([
    ['線下:設立意見箱于教學樓入口,每周開箱2次。', '线下：设立意见箱于教学楼入口，每周开箱2次。'],
    ['1日內登記問題', '1日内登记问题'],
    ['服務內容與職責劃分', '服务内容与职责划分'],
    ['承擔著', '承担着'],
    ['日常维修：接到报修后', '日常维修：接到报修后'],
  ])('%s → %s', (input, expected) => {
    expect(displayText(input)).toBe(expected);
  });
});

describe('references and parameters in words', () => {
  const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  const idx = buildIndex([tree]);
  const req = (id: string) => idx.requirements.get(id)!.value;

  it('names a clause by its official reference', () => {
    expect(clauseRef(req('4.3-1'), idx)).toEqual({ zh: '第4.3条第1项', en: 'Clause 4.3 item 1' });
    const outline = [...idx.requirements.values()].find((r) => /第 94—98 行/.test(r.value.source?.ref ?? ''))!.value;
    expect(clauseRef(outline, idx).zh).toBe('《学校综合办公室服务指南》三、（二）2（概要稿）');
    expect(clauseRef(req('office-service-guide:complaint-reply'), idx)).toEqual({ zh: '《学校综合办公室服务指南》二、（二）2.（2）', en: 'School general office service guide, 二、（二）2.（2）' });
  });

  it('names a parameter without a label by what it counts and how often, and writes values with units', () => {
    expect(parameterLabel(req('5.1.1.4-1'), { name: 'per-year', unit: 'count' })).toEqual({ zh: '每年房屋建筑主体工程观测次数', en: 'Observation of the main structure: times a year' });
    expect(parameterLabel(req('4.3-1'), { name: 'checks-per-week', unit: 'count' })).toEqual({ zh: '每周检查次数', en: 'Checks: times a week' });
    expect(parameterLabel(req('4.3-1'), { name: 'x', label: { zh: '标签', en: 'Label' }, unit: 'count' })).toEqual({ zh: '标签', en: 'Label' });
    expect(parameterValueWords('2', 'count')).toEqual({ zh: '2\u00a0次', en: '2\u00a0times' });
    expect(parameterValueWords('P5Y', 'duration')).toEqual({ zh: '5\u00a0年', en: '5\u00a0years' });
    expect(parameterValueWords('95', 'percent').zh).toBe('95\u00a0%');
    expect(parameterValueWords('08:30-17:00', 'time-range').zh).toBe('08:30—17:00');
  });
});
