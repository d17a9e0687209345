// Typing slips in YAML: one message per slip naming its cause and the corrected line (issue 13 §2), never a
// cascade of parser messages; and valid YAML that merely looks similar is left alone.
import { describe, expect, it } from 'vitest';
import { findSlips } from '../engine/load/yaml-slips.ts';
import { loadYamlText } from '../engine/load/yaml.ts';
import { message } from '../engine/diagnostics.ts';

const doc = (...lines: string[]): string => lines.join('\n') + '\n';

describe('a slip is one CH127 naming its cause, with the corrected line', () => {
  it.each([
    ['a tab used for indentation', doc('kind: activities', 'scopes:', '\t- {code: school, name: {zh: 全校}}', 'activities: []'), 'tab-indent', 3, 1, '  - {code: school, name: {zh: 全校}}', '制表符'],
    ['a full-width colon after a key', doc('kind：activities', 'scopes: []', 'activities: []'), 'fullwidth-colon', 1, 5, 'kind: activities', '全角冒号'],
    ['a full-width colon after a nested key', doc('kind: activities', 'scopes:', '  - code：school', '    name: {zh: 全校}', 'activities: []'), 'fullwidth-colon', 3, 9, '  - code: school', '全角冒号'],
    ['a full-width space in the indentation', doc('kind: activities', 'scopes:', '  - code: school', '  \u3000name: {zh: 全校}', 'activities: []'), 'fullwidth-space', 4, 3, '    name: {zh: 全校}', '全角空格'],
    ['a full-width space after the colon', doc('kind:\u3000activities', 'scopes: []', 'activities: []'), 'fullwidth-space', 1, 6, 'kind: activities', '全角空格'],
    ['no space after the colon in a flow map', doc('kind: activities', 'scopes:', '  - {code:school, name: {zh: 全校}}', 'activities: []'), 'no-space-after-colon', 3, 11, '  - {code: school, name: {zh: 全校}}', '缺少空格'],
    ['no space after the colon of a block key', doc('kind: activities', 'scopes:', '  - code: school', '    name:', '      zh: 全校', '    within:school', 'activities: []'), 'no-space-after-colon', 6, 12, '    within: school', '缺少空格'],
    ['a quote never closed', doc('kind: activities', 'scopes:', '  - code: school', '    name: {zh: "全校}', 'activities: []'), 'unclosed-quote', 4, 16, '    name: {zh: "全校"}', '引号没有成对'],
  ])('%s', (_name, source, cause, line, col, fixed, words) => {
    const y = loadYamlText(source, 'f.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['CH127', line, col]]);
    expect(y.diagnostics[0]!.args).toMatchObject({ cause, fixed });
    expect(y.data).toBeNull();
    const m = message(y.diagnostics[0]!, 'zh');
    expect(m.message).toContain(words);
    expect(m.hint).toContain(fixed.trimEnd());
    expect(message(y.diagnostics[0]!, 'en').message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('valid YAML that looks like a slip is left alone', () => {
  it.each([
    ['times and URLs', doc('hours: "08:00-17:00"', 'start: 08:30', 'url: https://example.edu/x', 'list: [08:00, 17:30]')],
    ['plan requirement ids in lists', doc('requirements:', '  - office-service-guide:complaint-registration', '  - quality-improvement:problem-list')],
    ['Chinese text with a full-width colon in a value', doc('text: 要求如下：每月一次', 'items:', '  - 说明：见附件')],
    ['a number pattern with braces in plain text', doc('number: 后勤督〔{year}〕第{seq:3}号')],
    ['a tab inside a block scalar', doc('note: |', '  first line', '  \tindented with a tab inside the text', 'next: 1')],
    ['a quoted value that closes', doc('zh: "全校"', "en: 'Don''t'", 'en2: Provider\'s name')],
    ['a # in a value and a comment', doc('title: 第#1号 # comment', 'x: {a: 1, b: 2}')],
  ])('%s', (_name, source) => {
    expect(findSlips(source, true)).toEqual([]);
    expect(loadYamlText(source, 'f.yaml').diagnostics.filter((d) => d.code === 'CH127')).toEqual([]);
  });
});
