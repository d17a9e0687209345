// linkPhones (site/src/lib/phones.ts): which runs of digits in free data text are phone numbers a reader
// can tap, and which are dates, prices, durations, counts, clause numbers or record ids left as text.
import { describe, expect, it } from 'vitest';
import { linkPhones, phonesIn, telHref } from '../site/src/lib/phones.ts';

describe('linkPhones', () => {
  const phones: [string, string[]][] = [
    ['立即拨打 119，并报学校保卫处 24 小时值班电话 0000-00000001', ['119', '0000-00000001']],
    ['切断电源后拨打后勤服务热线 0000-00000000；有人受伤拨打 120', ['0000-00000000', '120']],
    ['遇到危及生命安全的情况，先拨打 110、119 或 120，再报告学校。', ['110', '119', '120']],
    ['拨打120', ['120']],
    ['后勤服务中心 0513-85012345（24 小时）', ['0513-85012345']],
    ['值班电话：85012345', ['85012345']],
    ['手机 13812345678 或 138 1234 5678 或 138-1234-5678', ['13812345678', '138 1234 5678', '138-1234-5678']],
    ['北京 010-12345678 转 8001', ['010-12345678 转 8001']],
    ['(0513) 85012345', ['(0513) 85012345']],
    ['全国客服 400-123-4567', ['400-123-4567']],
    ['Call 119 at once, then the campus security 24-hour line 0000-00000001', ['119', '0000-00000001']],
    ['If someone is hurt call 120.', ['120']],
    ['交通事故拨打 122', ['122']],
  ];
  it.each(phones)('finds the numbers in %s', (text, want) => {
    expect(phonesIn(text)).toEqual(want);
  });

  const notPhones: string[] = [
    '2026-07-10', // a date
    '20260710', // a date written without separators
    '统计期间 2026年7月1日—31日',
    '收费 120 元/次', // a price
    '¥120', '￥119.00', '120.00 元',
    '时限 120 分钟', '到场用时 119 min', '120 minutes',
    '本月 110 件，按时 109 件', // counts
    '共 120 宗', '约120人',
    '第4.3条第1项', '条款 4.3-1', '8.2', '第119条', // clause numbers
    '工单 WO-2026-000542', 'WO-20260710-0001', 'A12345678', // record ids
    '09:00—17:30', '11:00', // times
    '1.110', '110.5', '1200', '11900', // part of a longer number
    '评分 85.5 分', '得分 89.6',
    'hash 3f2a9c120b', '02120266796fab3c', // hex (a checksum)
  ];
  it.each(notPhones)('leaves %s as text', (text) => {
    expect(phonesIn(text)).toEqual([]);
  });

  it('gives the text back unchanged, with each number as a tel: link of its digits', () => {
    const text = '火灾拨打 119，并报保卫处 0513-85012345 转 801；手机 138 1234 5678。';
    const parts = linkPhones(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.flatMap((p) => ('tel' in p ? [p.tel] : []))).toEqual(['tel:119', 'tel:051385012345;ext=801', 'tel:13812345678']);
    expect(linkPhones('')).toEqual([{ text: '' }]);
    expect(linkPhones('无号码')).toEqual([{ text: '无号码' }]);
  });

  it('dials digits only', () => {
    expect(telHref('0000-00000000')).toBe('tel:000000000000');
    expect(telHref('(0513) 85012345')).toBe('tel:051385012345');
    expect(telHref('110')).toBe('tel:110');
  });
});
