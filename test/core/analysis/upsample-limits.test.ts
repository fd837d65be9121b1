import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../src/core';

const withUpsample = (upsample: Record<string, unknown>) => ({
  format: 'convscope-model',
  version: 1,
  name: 'm',
  input: [3, 224, 224],
  layers: [{ id: 'u', op: 'upsample', ...upsample }],
});
const messages = (m: unknown) => {
  const v = validateModel(m);
  return v.ok ? [] : v.errors.map((e) => e.message);
};

describe('upsample size limits', () => {
  it('a huge scale is refused as too large, not as "below 1"', () => {
    expect(messages(withUpsample({ scale: 1e300 }))).toEqual([
      'layer "u": output size 2.240e+302×2.240e+302 (224 × scale 1e+300) exceeds 2⁵³ (9007199254740991), beyond exact integer arithmetic',
    ]);
  });

  it('a tiny scale is refused as below 1', () => {
    expect(messages(withUpsample({ scale: 0.001 }))).toEqual(['layer "u": output size 0×0 is below 1']);
  });
});
