import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel, DEFAULT_OPTIONS, getZooModel } from '../../../src/core';
import {
  csvField,
  REPORT_COLUMNS,
  renderTable,
  reportHeader,
  reportRows,
  reportText,
  round6,
  terminalSafe,
} from '../../../src/core/report';

describe('csvField', () => {
  it.each([
    ['conv1', 'conv1'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['a;b', '"a;b"'],
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-cmd', `"'-cmd"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j → %j', (value, field) => expect(csvField(value)).toBe(field));

  it('numbers stay numbers, negative ones too', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.125)).toBe('0.125');
    expect(csvField(2 ** 53)).toBe('9007199254740992');
  });
});

describe('terminalSafe', () => {
  it.each([
    ['conv1', 'conv1'],
    ['a\u001b[31mb', 'a\\u001b[31mb'],
    ['nul\u0000', 'nul\\u0000'],
    ['cr\rlf\ntab\t', 'cr\\rlf\\ntab\\t'],
    ['del\u007f c1\u009b', 'del\\u007f c1\\u009b'],
    ['\u202eevil\u2066', '\\u202eevil\\u2066'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['中文 ×', '中文 ×'],
  ])('%j → %j', (text, safe) => expect(terminalSafe(text)).toBe(safe));
});

describe('renderTable', () => {
  it('pads columns to the widest escaped cell', () => {
    expect(
      renderTable(
        ['a', 'n'],
        [
          ['x\u001by', '1'],
          ['z', '22'],
        ],
        ['left', 'right'],
      ),
    ).toBe(['a          n', '--------  --', 'x\\u001by   1', 'z         22'].join('\n'));
  });
});

describe('report columns', () => {
  const a = analyzeModel(getZooModel('resnet18')!, { convention: 'macs', dtype: 'fp16' });

  it('every row has one cell per column, the header names units from the options', () => {
    const header = reportHeader(a.options);
    expect(header).toHaveLength(REPORT_COLUMNS.length);
    expect(new Set(header).size).toBe(header.length);
    expect(header).toContain('flops_macs');
    expect(header).toContain('activation_bytes_fp16');
    expect(reportHeader(DEFAULT_OPTIONS)).toContain('memory_access_bytes_fp32');
    const rows = reportRows(a);
    expect(rows).toHaveLength(a.layers.length + 1);
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it('non-integers are rounded to 6 significant digits, integers are exact', () => {
    expect(round6(12.3456789)).toBe(12.3457);
    expect(round6(4_089_184_256)).toBe(4_089_180_000);
    const col = reportHeader(a.options).indexOf('arithmetic_intensity_flops_per_byte');
    const rows = reportRows(a);
    a.layers.forEach((l, i) => expect(rows[i][col]).toBe(round6(l.arithmeticIntensity)));
    const macs = reportHeader(a.options).indexOf('macs');
    expect(rows.at(-1)![macs]).toBe(a.totals.macs);
  });

  it('the terminal table says which FLOPs convention it used', () => {
    expect(reportText(a)).toContain('FLOPs = MACs (1 MAC = 1 FLOP)');
    expect(reportText(analyzeModel(getZooModel('lenet5')!))).toContain('FLOPs = 2 × MACs');
  });

  it('README documents these CSV columns', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\n  ${reportHeader(DEFAULT_OPTIONS).join(',')}\n`);
  });
});
