import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatInt, formatShape } from '../../src/core';

describe('number formatting', () => {
  it('formatCount uses decimal suffixes with 3 significant digits', () => {
    expect(formatCount(1.2e6)).toBe('1.2M');
    expect(formatCount(4_089_184_256)).toBe('4.09G');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1K');
    expect(formatCount(61_706)).toBe('61.7K');
    expect(formatCount(0)).toBe('0');
  });

  it('formatBytes states SI (kB, MB) or IEC (KiB, MiB) explicitly', () => {
    expect(formatBytes(1_048_576, 'iec')).toBe('1 MiB');
    expect(formatBytes(1_048_576, 'si')).toBe('1.05 MB');
    expect(formatBytes(1000, 'si')).toBe('1 kB');
    expect(formatBytes(1000, 'iec')).toBe('1000 B');
    expect(formatBytes(3_211_264)).toBe('3.06 MiB'); // 64·112·112·4 bytes
  });

  it('formatInt and formatShape', () => {
    expect(formatInt(25_557_032)).toBe('25,557,032');
    expect(formatShape([64, 56, 56])).toBe('64×56×56');
  });
});
