import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  type LayerSpec,
  layerWithFormulas,
  type ModelSpec,
  validateModel,
} from '../../../src/core';

function model(input: ModelSpec['input'], layers: LayerSpec[]): ModelSpec {
  return { format: 'convscope-model', version: 1, name: 'test', input, layers };
}

/** conv 3→4 k3 p1 on 3×8×8, then the layers under test. */
function afterConv(...layers: LayerSpec[]): ModelSpec {
  return model([3, 8, 8], [{ id: 'conv', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 }, ...layers]);
}

const byId = (m: ModelSpec, opts = {}) =>
  Object.fromEntries(analyzeModel(m, opts).layers.map((l) => [l.id, l]));

describe('unsupported layers: cost unknown, never zero', () => {
  const m = afterConv(
    { id: 'erf', op: 'unsupported', name: 'Erf' },
    { id: 'conv2', op: 'conv2d', out_channels: 2, kernel: 3, stride: 2 },
  );
  const a = analyzeModel(m);
  const L = Object.fromEntries(a.layers.map((l) => [l.id, l]));

  it('is marked, warned about, and makes the totals incomplete', () => {
    expect(L.erf.unsupported).toBe('Erf');
    expect(L.conv.unsupported).toBeUndefined();
    expect('unsupported' in L.conv).toBe(false);
    expect(a.totals.complete).toBe(false);
    expect(a.totals.incomplete).toEqual(['erf']);
    const w = a.warnings.filter((x) => x.kind === 'unsupported');
    expect(w.map((x) => x.layerId)).toEqual(['erf']);
    expect(w[0].message).toMatch(/Erf.*unknown.*incomplete/);
  });

  it('keeps the graph going: default output shape is the input shape, later layers count', () => {
    expect(L.erf.outputShape).toEqual([4, 8, 8]);
    // conv2: ⌊(8 − 3) / 2⌋ + 1 = 3 → 2×3×3 outputs × (4 · 3 · 3) = 18 · 36 = 648 MACs.
    expect(L.conv2.outputShape).toEqual([2, 3, 3]);
    expect(L.conv2.macs).toBe(648);
    // conv1: 4·8·8 outputs × 3·3·3 = 6912.
    expect(a.totals.macs).toBe(6912 + 648);
  });

  it('passes the receptive field through unchanged', () => {
    expect(L.erf.rf).toEqual(L.conv.rf);
    // conv k3 s1 → 3; conv2 k3 s2 after it: 3 + 2·1 = 5, jump 2.
    expect(L.conv2.rf.size).toEqual([5, 5]);
    expect(L.conv2.rf.jump).toEqual([2, 2]);
  });

  it('has an activation map (its shape is known) and a formula trace saying the cost is unknown', () => {
    expect(L.erf.activation.elements).toBe(4 * 8 * 8);
    const f = layerWithFormulas(L.erf).formulas.find((t) => t.quantity === 'cost');
    expect(f?.formula).toMatch(/unknown/);
  });

  it('takes an output shape, also a different rank', () => {
    const b = byId(
      afterConv(
        { id: 'op', op: 'unsupported', name: 'Foo', output_shape: [10] },
        { id: 'fc', op: 'linear', out_features: 2 },
      ),
    );
    expect(b.op.outputShape).toEqual([10]);
    expect(b.fc.macs).toBe(20);
  });

  it('a model without unsupported layers is complete', () => {
    const b = analyzeModel(afterConv({ id: 'r', op: 'relu' }));
    expect(b.totals.complete).toBe(true);
    expect(b.totals.incomplete).toEqual([]);
  });

  it('JSON of a row carries the mark', () => {
    expect(JSON.parse(JSON.stringify(L.erf)).unsupported).toBe('Erf');
  });
});

describe('element-wise ops with a constant operand', () => {
  it('add of one input and a scalar constant costs one op per output element', () => {
    const L = byId(afterConv({ id: 'add', op: 'add', constant_shape: [1, 1, 1] }), {
      countElementwise: true,
    });
    expect(L.add.outputShape).toEqual([4, 8, 8]);
    expect(L.add.ops.elementwise).toBe(4 * 8 * 8);
    expect(L.add.flops).toBe(4 * 8 * 8);
    // The constant is read (1 element), but is not a parameter.
    expect(L.add.params.total).toBe(0);
    expect(L.add.memoryAccess.weightBytes).toBe(4);
    expect(L.add.rf).toEqual(L.conv.rf);
  });

  it('mul by a per-channel constant [C, 1, 1]', () => {
    const L = byId(afterConv({ id: 'scale', op: 'mul', constant_shape: [4, 1, 1] }));
    expect(L.scale.ops.elementwise).toBe(256);
    expect(L.scale.memoryAccess.weightBytes).toBe(4 * 4);
  });

  it('a constant can broadcast the output larger', () => {
    const m = afterConv(
      { id: 'gap', op: 'global_avgpool' },
      { id: 'add', op: 'add', constant_shape: [1, 5, 5] },
    );
    const L = byId(m);
    expect(L.add.outputShape).toEqual([4, 5, 5]);
    expect(L.add.ops.elementwise).toBe(100);
  });

  it('two inputs and a constant: (2 + 1 − 1) ops per element', () => {
    const m = afterConv(
      { id: 'r', op: 'relu' },
      { id: 'add', op: 'add', inputs: ['conv', 'r'], constant_shape: [1, 1, 1] },
    );
    expect(byId(m).add.ops.elementwise).toBe(2 * 256);
  });

  it('refuses a constant that does not broadcast, and one input without a constant', () => {
    const bad = validateModel(afterConv({ id: 'add', op: 'add', constant_shape: [3, 1, 1] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].message).toMatch(/layer "add".*constant_shape/);
    const one = validateModel(afterConv({ id: 'mul', op: 'mul' }));
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.errors[0].message).toMatch(/layer "mul".*constant_shape/);
    const rank = validateModel(afterConv({ id: 'sub', op: 'sub', constant_shape: [1] }));
    expect(rank.ok).toBe(false);
    if (!rank.ok) expect(rank.errors[0].message).toMatch(/ranks differ/);
  });
});

describe('sub and div follow add and mul', () => {
  const branches = (op: 'add' | 'sub' | 'mul' | 'div') =>
    afterConv(
      { id: 'a', op: 'conv2d', out_channels: 4, kernel: 1 },
      { id: 'b', op: 'global_avgpool', inputs: ['conv'] },
      { id: 'x', op, inputs: ['a', 'b'] },
    );

  it.each([
    ['sub', 'add'],
    ['div', 'mul'],
  ] as const)('%s: same shape, cost and receptive field as %s', (op, twin) => {
    const x = byId(branches(op), { countElementwise: true }).x;
    const y = byId(branches(twin), { countElementwise: true }).x;
    expect(x.op).toBe(op);
    expect(x.outputShape).toEqual([4, 8, 8]);
    // [4, 8, 8] with [4, 1, 1] broadcast: one op per output element.
    expect(x.ops.elementwise).toBe(256);
    expect(x.flops).toBe(256);
    const numbers = (l: typeof x) => [
      l.outputShape,
      l.params,
      l.macs,
      l.ops,
      l.flops,
      l.activation,
      l.memoryAccess,
      l.rf,
    ];
    expect(numbers(x)).toEqual(numbers(y));
  });

  it('mismatched shapes name both inputs', () => {
    const m = afterConv(
      { id: 'p', op: 'maxpool2d', kernel: 2 },
      { id: 'd', op: 'div', inputs: ['conv', 'p'] },
    );
    const v = validateModel(m);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0].message).toMatch(/layer "d": shapes do not match.*"conv".*"p"/);
  });
});

describe('clamp', () => {
  it('max only: one op per element, in-place capable, not relu6', () => {
    const m = afterConv({ id: 'c', op: 'clamp', max: 6 });
    const L = byId(m, { countActivations: true, inplaceActivations: true });
    expect(L.c.op).toBe('clamp');
    expect(L.c.ops.activation).toBe(256);
    expect(L.c.flops).toBe(256);
    expect(L.c.activation.inplace).toBe(true);
    expect(L.c.activation.bytes).toBe(0);
    expect(L.c.rf).toEqual(L.conv.rf);
  });

  it('min and max, or min only', () => {
    expect(validateModel(afterConv({ id: 'c', op: 'clamp', min: -1, max: 1 })).ok).toBe(true);
    expect(validateModel(afterConv({ id: 'c', op: 'clamp', min: 0.5 })).ok).toBe(true);
  });

  it('needs a bound, and min ≤ max', () => {
    const none = validateModel(afterConv({ id: 'c', op: 'clamp' }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors[0].message).toBe('layer "c": clamp needs min, max or both');
    const crossed = validateModel(afterConv({ id: 'c', op: 'clamp', min: 2, max: 1 }));
    expect(crossed.ok).toBe(false);
    if (!crossed.ok) expect(crossed.errors[0].message).toMatch(/min ≤ max/);
  });

  it('min and max are for clamp only', () => {
    const v = validateModel(afterConv({ id: 'r', op: 'relu', max: 6 } as LayerSpec));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0].message).toMatch(/layer "r": unknown field "max"/);
  });
});

describe('schema of the new ops', () => {
  it('rejects a bad output_shape and a bad constant_shape', () => {
    const a = validateModel(
      afterConv({ id: 'u', op: 'unsupported', output_shape: [4, 0, 8] } as unknown as LayerSpec),
    );
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.errors[0].message).toMatch(/layer "u": output_shape/);
    const b = validateModel(
      afterConv({ id: 'm', op: 'mul', constant_shape: [4, 1, 1, 1] } as unknown as LayerSpec),
    );
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.errors[0].message).toMatch(/layer "m": constant_shape/);
    // [T, D] is a shape of the format, but not one a [C, H, W] map combines with.
    const c = validateModel(afterConv({ id: 'm', op: 'mul', constant_shape: [4, 1] }));
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors[0].message).toMatch(/layer "m": cannot combine .* ranks differ/);
  });
});
