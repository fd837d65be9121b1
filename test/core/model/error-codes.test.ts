import { describe, expect, it } from 'vitest';
import {
  ERROR_MESSAGES,
  issueLine,
  type MessageNote,
  validateModel,
  WARNING_MESSAGES,
  type ModelIssue,
} from '../../../src/core';
import { BAD_MODELS } from '../../helpers/bad-models';

/**
 * Every validation error is a code with parameters; its English `message` is that code's template
 * filled in (the layer's id first), so the CLI, the core and the renderer's English read one table.
 */
const issues: ModelIssue[] = BAD_MODELS.flatMap((json) => {
  const v = validateModel(json);
  if (v.ok) throw new Error(`expected a refusal: ${JSON.stringify(json)}`);
  return v.errors;
});

function codesOf(n: MessageNote): string[] {
  const out = [n.code as string];
  for (const v of Object.values(n.params)) {
    if (Array.isArray(v)) for (const x of v) out.push(...codesOf(x));
    else if (typeof v === 'object') out.push(...codesOf(v));
  }
  return out;
}

describe('validation errors by code', () => {
  it('the warnings and the errors share no code', () => {
    const warnings = new Set(Object.keys(WARNING_MESSAGES));
    expect(Object.keys(ERROR_MESSAGES).filter((c) => warnings.has(c))).toEqual([]);
  });

  it('every problem has a code, and its message is the template filled in', () => {
    for (const issue of issues) {
      expect(issue.note, issue.message).toBeDefined();
      expect(issueLine(issue)).toBe(issue.message);
      expect(issue.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('a kernel larger than the padded input: the kernel, its dilated size and the padded input', () => {
    const [plain] = issues;
    expect(plain.note).toEqual({ code: 'kernel-too-large', params: { kernel: '7', h: 5, w: 5 } });
    expect(plain.message).toBe('layer "conv3": kernel 7 is larger than the padded input 5×5');
    const dilated = issues.find((i) => i.layerId === 'd')!;
    expect(dilated.note).toEqual({
      code: 'kernel-too-large-dilated',
      params: { kernel: '3', dilated: '9', h: 7, w: 7 },
    });
  });

  it('a zod issue names the field and what was wrong by kind', () => {
    const find = (path: string) => issues.find((i) => i.path === path && i.layerId === 'c')!;
    expect(find('layers[0].out_channels').note).toEqual({
      code: 'at-field',
      params: {
        field: { code: 'field', params: { key: 'out_channels' } },
        text: { code: 'too-small', params: { minimum: 1 } },
      },
    });
    expect(find('layers[0].kernel[1]').message).toBe(
      'layer "c": kernel.1: Too small: expected number to be >=1',
    );
  });

  it('most codes are met by the bad models', () => {
    const used = new Set(issues.flatMap((i) => codesOf(i.note!)));
    // An ONNX file's codes are met by bad files (test/core/onnx/error-codes.test.ts).
    const unused = Object.keys(ERROR_MESSAGES).filter((c) => !used.has(c) && !c.startsWith('onnx-'));
    // Guards that the schema already answers (a layer never reaches them with such a value), and
    // zod kinds the schema does not produce.
    const unreachable = [
      'bad-input-shape',
      'empty-inputs',
      'needs-sequence',
      'negative-padding',
      'not-non-negative-int',
      'not-positive-int',
      'one-input-only',
      'pad-not-non-negative',
      'scale-not-positive',
      'too-big-exclusive',
      'too-long-array',
      'too-small-exclusive',
      'type-int',
      'type-object',
      'type-other',
      'unknown-op-short',
      'upsample-beyond-2-53',
      'zod-other',
    ];
    expect(unused.filter((c) => !unreachable.includes(c))).toEqual([]);
    expect(used.size).toBeGreaterThan(60);
  });
});
