import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatExactCount,
  formatLargeCount,
  formatPercent,
  formatPlain,
  formatPower,
  formatPowerOfTen,
  formatScientific,
  keepTogether,
  texGrouping,
} from '../../../src/renderer/src/format';

describe('locale number formatting', () => {
  it('writes large counts in the reader’s grouping: millions and billions, 万 and 亿', () => {
    // ResNet-50: 25,557,032 parameters and 4,089,184,256 MACs.
    expect(formatLargeCount(25_557_032, 'en')).toBe('25.6 million');
    expect(formatLargeCount(25_557_032, 'zh-CN')).toBe('2,556 万');
    expect(formatLargeCount(4_089_184_256, 'en')).toBe('4.09 billion');
    expect(formatLargeCount(4_089_184_256, 'zh-CN')).toBe('40.9 亿');
    expect(formatLargeCount(115_605_504, 'zh-CN')).toBe('1.16 亿');
    expect(formatLargeCount(2.5e12, 'zh-CN')).toBe('2.5 万亿');
    // Small counts stay exact, with the locale's grouping.
    expect(formatLargeCount(36_864, 'en')).toBe('36,864');
    expect(formatLargeCount(36_864, 'zh-CN')).toBe('36,864');
    expect(formatLargeCount(999_999, 'en')).toBe('999,999');
  });

  it('never rounds the whole part of a count away', () => {
    expect(formatLargeCount(123_456_789_012, 'en')).toBe('123 billion');
    expect(formatLargeCount(98_765_432, 'zh-CN')).toBe('9,877 万');
  });

  it('writes percentages without a space in both languages', () => {
    expect(formatPercent(0.483, 'en')).toBe('48%');
    expect(formatPercent(0.483, 'zh-CN')).toBe('48%');
    expect(formatPercent(0.4835, 'en', 1)).toBe('48.4%');
  });

  it('keeps fractions that must not round to the next whole number', () => {
    expect(formatPlain(111.5, 'en')).toBe('111.5');
    expect(formatPlain(0.000123456, 'zh-CN')).toBe('0.000123');
    expect(formatPlain(1234567, 'zh-CN')).toBe('1,234,567');
  });

  it('writes short axis ticks and scientific notation', () => {
    expect(formatCompact(200_000_000, 'en')).toBe('200M');
    expect(formatCompact(200_000_000, 'zh-CN')).toBe('2亿');
    // English axes use the tables' SI prefixes: 4G, not Intl's 4B.
    expect(formatCompact(4e9, 'en')).toBe('4G');
    // No-break spaces: a line never ends at "6.1 ×".
    expect(formatScientific(6.103515625e-5, 'en')).toBe('6.1\u00a0×\u00a010⁻⁵');
    expect(formatScientific(1.4e42, 'zh-CN')).toBe('1.4\u00a0×\u00a010⁴²');
    expect(formatPowerOfTen(1e-5, 'en')).toBe('10⁻⁵');
    expect(formatPowerOfTen(1, 'en')).toBe('10⁰');
    expect(formatPowerOfTen(1000, 'zh-CN')).toBe('10³');
  });

  it('raises a fractional exponent: a fitted power and a log10 value', () => {
    expect(formatPower('side', 1.9712)).toBe('side¹·⁹⁷');
    expect(formatPower(10, -3.4512)).toBe('10⁻³·⁴⁵');
    expect(formatPower(10, 2, 1)).toBe('10²·⁰');
    expect(formatPower(10, -0.001)).toBe('10⁰·⁰⁰');
    expect(keepTogether('落在 22 × 22 内，3×3 卷积')).toBe('落在 22\u00a0×\u00a022 内，3×3 卷积');
    expect(keepTogether('<span class="cs-value">22</span> × <span class="cs-value">22</span>')).toBe(
      '<span class="cs-value">22</span>\u00a0×\u00a0<span class="cs-value">22</span>',
    );
  });

  it('groups the digits of formulas as the locale groups them outside formulas', () => {
    expect(texGrouping('115\\,605\\,504 \\text{ MACs} = 9\\,408 \\cdot x', 'zh-CN')).toBe(
      '115{,}605{,}504 \\text{ MACs} = 9{,}408 \\cdot x',
    );
    expect(texGrouping('a\\,b', 'en')).toBe('a\\,b');
  });

  it('an exact count keeps every digit; Chinese adds its 万/亿 reading from 10⁵ on', () => {
    expect(formatExactCount(19_760_384, 'en')).toBe('19,760,384');
    expect(formatExactCount(19_760_384, 'zh-CN')).toBe('19,760,384（约 1,976 万）');
    expect(formatExactCount(4_110_000_000, 'zh-CN')).toBe('4,110,000,000（约 41.1 亿）');
    expect(formatExactCount(99_999, 'zh-CN')).toBe('99,999');
  });
});
