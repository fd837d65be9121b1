import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  getZooModel,
  listZoo,
  WARNING_MESSAGES,
  warningLine,
  type LayerSpec,
  type ModelSpec,
  type MessageNote,
  type WarningNote,
  validateModel,
} from '../../../src/core';
import { EVERY_OP, EVERY_SEQUENCE_OP } from '../../helpers/every-op';

/**
 * Every analysis warning is a code with parameters (numbers, ids, axes, nested clauses); its English
 * `message` is that code's template filled in, the layer's id first, so the CLI, the reports and the
 * renderer's English all read one table.
 */
const model = (input: ModelSpec['input'], layers: LayerSpec[]): ModelSpec => ({
  format: 'convscope-model',
  version: 1,
  name: 'm',
  input,
  layers,
});

/** Every code a note uses, its nested clauses and list items included. */
function codesOf(n: MessageNote): string[] {
  const out = [n.code as string];
  for (const v of Object.values(n.params)) {
    if (Array.isArray(v)) for (const x of v) out.push(...codesOf(x));
    else if (typeof v === 'object') out.push(...codesOf(v));
  }
  return out;
}

describe('analysis warnings by code', () => {
  it("ResNet-50's warnings: half of each 1×1 stride-2 downsample input, by axis, with the counts", () => {
    const a = analyzeModel(getZooModel('resnet50')!);
    const rows = a.warnings.map((w) => ({
      layerId: w.layerId,
      kind: w.kind,
      code: w.code,
      params: w.params,
    }));
    const gaps = (layerId: string, axis: 'rows' | 'columns', size: number) => ({
      layerId,
      kind: 'inexact-division',
      code: `unread-gaps-${axis}`,
      params: {
        count: size / 2,
        size,
        taps: { code: 'taps', params: { count: 1 } },
        spacing: '',
        stride: 2,
        last: { code: `gaps-last-${axis}`, params: { count: 1 } },
      },
    });
    expect(rows).toEqual([
      gaps('layer2.0.downsample.0', 'rows', 56),
      gaps('layer2.0.downsample.0', 'columns', 56),
      gaps('layer3.0.downsample.0', 'rows', 28),
      gaps('layer3.0.downsample.0', 'columns', 28),
      gaps('layer4.0.downsample.0', 'rows', 14),
      gaps('layer4.0.downsample.0', 'columns', 14),
    ]);
    expect(a.warnings[0].message).toBe(
      'layer "layer2.0.downsample.0": along H, 28 of the 56 input rows are never read: windows of 1 tap at stride 2 leave gaps, including the last 1',
    );
  });

  it('holes, ceil_mode, unknown operators, unequal adaptive windows and misaligned branches have their own codes', () => {
    const a = analyzeModel(EVERY_OP);
    expect(a.warnings.map((w) => [w.layerId, w.code])).toEqual([
      ['c3', 'rf-holes'],
      ['mp', 'ceil-past-input'],
      ['mp', 'ceil-past-input'],
      ['un', 'unsupported'],
      ['aap', 'adaptive-unequal'],
      ['cat2', 'misaligned-branches'],
    ]);
    const [holes, ceilH, ceilW, unsupported, adaptive, misaligned] = a.warnings;
    // c1 (3×3, stride 2), c2 (3×1) and c3 (3×3, dilation 2): 15×11.
    expect(holes.params).toEqual({ h: 15, w: 11 });
    expect(ceilH.params).toMatchObject({ axis: 'H' });
    expect(ceilW.params).toMatchObject({ axis: 'W' });
    expect(unsupported.params).toEqual({ name: 'Foo' });
    expect(adaptive.params).toMatchObject({ out: 5, axis: 'W' });
    const branches = misaligned.params.branches as WarningNote[];
    expect(branches.map((b) => [b.code, b.params.id])).toEqual([
      ['branch-rf', 'ln2'],
      ['branch-rf', 'fc2'],
    ]);
  });

  it('a merge of different jumps lists each branch with its jump', () => {
    const a = analyzeModel(
      model(
        [1, 8, 8],
        [
          { id: 'a', op: 'conv2d', out_channels: 1, kernel: 2, stride: 2, inputs: ['input'] },
          { id: 'b', op: 'conv2d', out_channels: 1, kernel: 5, inputs: ['input'] },
          { id: 'sum', op: 'add', inputs: ['a', 'b'] },
        ],
      ),
    );
    const w = a.warnings.find((x) => x.code === 'jump-mismatch')!;
    expect(w.params).toEqual({
      branches: [
        { code: 'branch-jump', params: { id: 'a', h: 2, w: 2 } },
        { code: 'branch-jump', params: { id: 'b', h: 1, w: 1 } },
      ],
    });
    expect(w.message).toBe(
      'layer "sum": branches have different jumps ("a" 2×2, "b" 1×1); the larger is used',
    );
  });

  it('the last rows skipped by a plain stride: their count, the numerator and the stride', () => {
    const a = analyzeModel(
      model([1, 8, 8], [{ id: 'c', op: 'conv2d', out_channels: 1, kernel: 3, stride: 2 }]),
    );
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([
      ['unread-last-rows', { numerator: 5, stride: 2, count: 1 }],
      ['unread-last-columns', { numerator: 5, stride: 2, count: 1 }],
    ]);
  });

  it('a layer beyond exact integer arithmetic is an issue by code: which number, its value, the limit', () => {
    const v = validateModel(
      model([1, 100_000_000, 100_000_000], [{ id: 'big', op: 'conv2d', out_channels: 1_000_000, kernel: 1 }]),
    );
    if (v.ok) throw new Error('expected a refusal');
    const issue = v.errors.find((e) => e.note)!;
    expect(issue.note).toEqual({
      code: 'beyond-2-53',
      params: { what: { code: 'limit-output-elements', params: {} }, value: '1.000e+22', max: 2 ** 53 - 1 },
    });
    expect(issue.message).toBe(
      'layer "big": output elements 1.000e+22 exceed 2⁵³ (9007199254740991), beyond exact integer arithmetic',
    );
    expect(issue.message).toBe(warningLine({ layerId: 'big', ...issue.note! }));
  });

  it('every message is its code’s template filled in, and every code is used', () => {
    // The ONNX warnings are checked with the importer, the issue beyond 2^53 above (each of its limits).
    const used = new Set<string>(['onnx-skipped-one', 'onnx-skipped', 'layer', 'beyond-2-53']);
    for (const c of Object.keys(WARNING_MESSAGES)) if (c.startsWith('limit-')) used.add(c);
    const models = [...listZoo().map((z) => getZooModel(z.name)!), EVERY_OP, EVERY_SEQUENCE_OP];
    models.push(
      model(
        [1, 12, 12],
        [
          { id: 'p', op: 'maxpool2d', kernel: 2, stride: 3 },
          { id: 'd', op: 'conv2d', out_channels: 1, kernel: 2, dilation: 2, stride: 3, inputs: ['input'] },
          { id: 'a', op: 'conv2d', out_channels: 1, kernel: 2, stride: 2, inputs: ['input'] },
          { id: 'b', op: 'conv2d', out_channels: 1, kernel: 7, inputs: ['input'] },
          { id: 'sum', op: 'add', inputs: ['a', 'b'] },
        ],
      ),
    );
    let count = 0;
    for (const m of models) {
      for (const w of analyzeModel(m).warnings) {
        expect(w.message).toBe(warningLine(w));
        expect(w.message).not.toMatch(/\{\w+\}/);
        for (const c of codesOf(w)) used.add(c);
        count++;
      }
    }
    expect(count).toBeGreaterThan(40);
    expect([...used].sort()).toEqual(Object.keys(WARNING_MESSAGES).sort());
  });
});
