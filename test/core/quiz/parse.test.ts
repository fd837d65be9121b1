import { describe, expect, it } from 'vitest';
import { parseChoice, parseList, parseNumber } from '../../../src/core/quiz';

const value = (raw: string, opts = {}) => {
  const r = parseNumber(raw, opts);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseNumber', () => {
  it.each([
    ['1200000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['1 200 000', 1_200_000],
    ['1_200_000', 1_200_000],
    ["1'200'000", 1_200_000],
    ['1.2e6', 1_200_000],
    ['1.2E+6', 1_200_000],
    ['1.2×10^6', 1_200_000],
    ['1.2 x 10^6', 1_200_000],
    ['1.2*10^{6}', 1_200_000],
    ['10^6', 1_000_000],
    ['1.2M', 1_200_000],
    ['1.2 million', 1_200_000],
    ['4.1 GFLOPs', 4_100_000_000],
    ['3.5k', 3500],
    ['25.6K params', 25_600],
    ['1.234567M', 1_234_567],
    ['−0.5', -0.5],
    ['1/4', 0.25],
    ['25%', 0.25],
    ['≈ 0.72', 0.72],
    ['.5', 0.5],
  ])('%s → %d', (raw, want) => {
    expect(value(raw, { lowerMIsMega: true })).toBe(want);
  });

  it('byte units: SI powers of 1000, IEC powers of 1024', () => {
    expect(parseNumber('1.2 MB', { bytes: true })).toMatchObject({
      ok: true,
      value: 1_200_000,
      byteUnit: 'MB',
    });
    expect(parseNumber('1.5MiB', { bytes: true })).toMatchObject({
      ok: true,
      value: 1.5 * 1024 * 1024,
      byteUnit: 'MiB',
    });
    expect(parseNumber('512 KiB', { bytes: true })).toMatchObject({ ok: true, value: 524_288 });
    expect(parseNumber('3 kB', { bytes: true })).toMatchObject({ ok: true, value: 3000 });
    expect(parseNumber('3000 bytes', { bytes: true })).toMatchObject({
      ok: true,
      value: 3000,
      byteUnit: 'B',
    });
    expect(parseNumber('2 GiB', { bytes: true })).toMatchObject({ ok: true, value: 2 * 1024 ** 3 });
  });

  it('rejects or flags what it cannot read for sure', () => {
    expect(parseNumber('1,5')).toMatchObject({ ok: false, ambiguous: true });
    expect(parseNumber('1,20,000')).toMatchObject({ ok: false });
    expect(parseNumber('2.5m')).toMatchObject({ ok: false, ambiguous: true });
    expect(parseNumber('2.5m', { lowerMIsMega: true })).toMatchObject({ ok: true, value: 2_500_000 });
    expect(parseNumber('1.2 MB')).toMatchObject({ ok: false });
    expect(parseNumber('12 apples')).toMatchObject({ ok: false });
    expect(parseNumber('')).toMatchObject({ ok: false });
    expect(parseNumber('1/0')).toMatchObject({ ok: false });
    expect(parseNumber('abc')).toMatchObject({ ok: false });
  });
});

describe('parseList', () => {
  it.each([
    ['[64, 56, 56]', [64, 56, 56]],
    ['(64,56,56)', [64, 56, 56]],
    ['64x56x56', [64, 56, 56]],
    ['64 × 56 × 56', [64, 56, 56]],
    ['56×56', [56, 56]],
    ['3x3', [3, 3]],
    ['7, 2', [7, 2]],
    ['r = 7, j = 2', [7, 2]],
    ['7 and 2', [7, 2]],
    ['64 56 56', [64, 56, 56]],
  ])('%s', (raw, want) => {
    expect(parseList(raw)).toEqual({ ok: true, values: want });
  });

  it('rejects non-numbers', () => {
    expect(parseList('64 x ?')).toMatchObject({ ok: false });
    expect(parseList('[]')).toMatchObject({ ok: false });
  });
});

describe('parseChoice', () => {
  const keys = ['A', 'B', 'C'];
  const texts = ['Gradient clipping', 'More layers', 'Sigmoid'];
  it('letters, numbers and option texts', () => {
    expect(parseChoice('b', keys, texts)).toEqual({ ok: true, key: 'B' });
    expect(parseChoice('(C)', keys, texts)).toEqual({ ok: true, key: 'C' });
    expect(parseChoice('A.', keys, texts)).toEqual({ ok: true, key: 'A' });
    expect(parseChoice('2', keys, texts)).toEqual({ ok: true, key: 'B' });
    expect(parseChoice('gradient  clipping', keys, texts)).toEqual({ ok: true, key: 'A' });
    expect(parseChoice('D', keys, texts)).toMatchObject({ ok: false });
    expect(parseChoice('4', keys, texts)).toMatchObject({ ok: false });
  });
});
