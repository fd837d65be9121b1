import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  type LayerSpec,
  layerWithFormulas,
  type ModelSpec,
  ModelValidationError,
} from '../../../src/core';

function model(input: ModelSpec['input'], layers: LayerSpec[]): ModelSpec {
  return { format: 'convscope-model', version: 1, name: 'test', input, layers };
}

/** conv 1→2 k3 p1 (bias) · bn · relu · maxpool k2 · global pool · flatten · linear 2→3, on 1×4×4. */
const small = model(
  [1, 4, 4],
  [
    { id: 'conv', op: 'conv2d', out_channels: 2, kernel: 3, padding: 1 },
    { id: 'bn', op: 'batchnorm' },
    { id: 'relu', op: 'relu' },
    { id: 'pool', op: 'maxpool2d', kernel: 2 },
    { id: 'gap', op: 'global_avgpool' },
    { id: 'flat', op: 'flatten' },
    { id: 'fc', op: 'linear', out_features: 3 },
  ],
);

describe('analyzeModel on a hand-worked net', () => {
  const a = analyzeModel(small);
  const L = Object.fromEntries(a.layers.map((l) => [l.id, l]));

  it('shapes', () => {
    expect(a.layers.map((l) => l.outputShape)).toEqual([
      [2, 4, 4],
      [2, 4, 4],
      [2, 4, 4],
      [2, 2, 2],
      [2, 1, 1],
      [2],
      [3],
    ]);
    expect(L.pool.inputShapes).toEqual([[2, 4, 4]]);
    expect(a.outputShape).toEqual([3]);
  });

  it('params: weights, bias, buffers, trainable', () => {
    // conv 2·1·9 = 18 + 2; bn γ,β = 2 + 2, buffers 2·2 + 1 = 5; fc 3·2 = 6 + 3
    expect(L.conv.params).toEqual({ weights: 18, bias: 2, buffers: 0, trainable: 20, total: 20 });
    expect(L.bn.params).toEqual({ weights: 2, bias: 2, buffers: 5, trainable: 4, total: 4 });
    expect(L.fc.params).toEqual({ weights: 6, bias: 3, buffers: 0, trainable: 9, total: 9 });
    expect(a.totals).toMatchObject({ params: 33, trainableParams: 33, buffers: 5 });
  });

  it('MACs count conv/linear only; FLOPs = 2 × MACs by default', () => {
    // conv: 32 outputs × 1·9 = 288; fc: 3 × 2 = 6
    expect(L.conv.macs).toBe(288);
    expect(L.fc.macs).toBe(6);
    expect(a.totals.macs).toBe(294);
    expect(a.totals.flops).toBe(588);
    expect(L.relu.flops).toBe(0);
  });

  it('other ops per category, always computed', () => {
    // bias adds: conv 32, fc 3; bn 32; relu 32; maxpool 8 outputs × 4 = 32; global pool 8 inputs
    expect(a.totals.ops).toEqual({ bias: 35, norm: 32, activation: 32, pooling: 32 + 8, elementwise: 0 });
  });

  it('the MAC = 1 FLOP convention and each toggle', () => {
    expect(analyzeModel(small, { convention: 'macs' }).totals.flops).toBe(294);
    expect(analyzeModel(small, { countBias: true }).totals.flops).toBe(588 + 35);
    expect(analyzeModel(small, { countNorm: true }).totals.flops).toBe(588 + 32);
    expect(analyzeModel(small, { countActivations: true }).totals.flops).toBe(588 + 32);
    expect(analyzeModel(small, { countPooling: true }).totals.flops).toBe(588 + 40);
    const all = analyzeModel(small, {
      convention: 'macs',
      countBias: true,
      countNorm: true,
      countActivations: true,
      countPooling: true,
    });
    expect(all.totals.flops).toBe(294 + 35 + 32 + 32 + 40);
  });

  it('activation memory per dtype, and in-place activations', () => {
    expect(L.conv.activation).toEqual({ elements: 32, bytes: 128, inplace: false });
    expect(analyzeModel(small, { dtype: 'fp16' }).layers[0].activation.bytes).toBe(64);
    expect(analyzeModel(small, { dtype: 'int8' }).layers[0].activation.bytes).toBe(32);
    // elements: 32 + 32 + 32 + 8 + 2 + 2 + 3 = 111
    expect(a.totals.activationElements).toBe(111);
    const inplace = analyzeModel(small, { inplaceActivations: true });
    const relu = inplace.layers.find((l) => l.id === 'relu')!;
    expect(relu.activation).toEqual({ elements: 0, bytes: 0, inplace: true });
    expect(relu.outputElements).toBe(32);
    // relu (32) and flatten (2, a view) allocate nothing
    expect(inplace.totals.activationElements).toBe(111 - 32 - 2);
  });

  it('memory access and arithmetic intensity', () => {
    // conv reads 16 inputs + 20 params, writes 32 outputs: 68 × 4 B = 272 B; AI = 576 / 272
    expect(L.conv.memoryAccess).toEqual({
      inputBytes: 64,
      weightBytes: 80,
      outputBytes: 128,
      totalBytes: 272,
    });
    expect(L.conv.arithmeticIntensity).toBeCloseTo(576 / 272, 12);
    // bn reads γ, β and the running mean and variance: 4 + 4 = 8 values
    expect(L.bn.memoryAccess.weightBytes).toBe(32);
    // flatten is a view: nothing moves, intensity 0 rather than NaN
    expect(L.flat.memoryAccess.totalBytes).toBe(0);
    expect(L.flat.arithmeticIntensity).toBe(0);
  });

  it('cumulative sums run along the layers', () => {
    let macs = 0;
    let mem = 0;
    for (const l of a.layers) {
      macs += l.macs;
      mem += l.memoryAccess.totalBytes;
      expect(l.cumulative.macs).toBe(macs);
      expect(l.cumulative.memoryAccessBytes).toBe(mem);
    }
    expect(a.layers[a.layers.length - 1].cumulative.flops).toBe(a.totals.flops);
    expect(a.layers[a.layers.length - 1].cumulative.activationBytes).toBe(a.totals.activationBytes);
  });

  it('receptive field per layer; global pooling and flatten see the whole map', () => {
    expect(L.conv.rf).toEqual({
      size: [3, 3],
      jump: [1, 1],
      padding: [1, 1],
      start: [-1, -1],
      hasHoles: false,
    });
    // pool k2 s2: 3 + 1·1 = 4, jump 2; global pool over 2 positions: 4 + 1·2 = 6
    expect(L.pool.rf.size).toEqual([4, 4]);
    expect(L.pool.rf.jump).toEqual([2, 2]);
    expect(L.gap.rf.size).toEqual([6, 6]);
    expect(L.fc.rf.size).toEqual([6, 6]);
  });

  it('output-size traces on windowed layers only, and a formula for every number', () => {
    expect(L.conv.outputSizeTrace?.[0]).toMatchObject({
      X: 4,
      K: 3,
      P: [1, 1],
      S: 1,
      result: 4,
      exact: true,
    });
    expect(L.relu.outputSizeTrace).toBeNull();
    const q = Object.fromEntries(L.conv.formulas.map((f) => [f.quantity, f.value]));
    expect(q).toMatchObject({
      'outputSize.h': 4,
      'params.weights': 18,
      'params.bias': 2,
      macs: 288,
      flops: 576,
      outputElements: 32,
      'activation.bytes': 128,
      'memoryAccess.totalBytes': 272,
      'rf.size.h': 3,
      'rf.jump.w': 1,
    });
    for (const l of a.layers)
      for (const f of l.formulas) expect(Number.isFinite(f.value), `${l.id} ${f.quantity}`).toBe(true);
    // rows are plain data for JSON and structured cloning; layerWithFormulas carries the traces along
    expect(JSON.parse(JSON.stringify(L.conv))).not.toHaveProperty('formulas');
    expect(structuredClone(L.conv).macs).toBe(288);
    const plain = layerWithFormulas(L.conv);
    expect(structuredClone(plain).formulas).toEqual(L.conv.formulas);
    // the lazy getter also works through a Proxy (reactive wrappers in the UI)
    const proxied = new Proxy(a.layers[1], {});
    expect(proxied.formulas.find((f) => f.quantity === 'ops.norm')?.value).toBe(32);
  });

  it('frozen layers are not trainable', () => {
    const m = model(
      [4],
      [
        { id: 'fc', op: 'linear', out_features: 2, trainable: false },
        { id: 'fc2', op: 'linear', out_features: 1 },
      ],
    );
    // fc: 8 + 2 frozen; fc2: 2 + 1
    expect(analyzeModel(m).totals).toMatchObject({ params: 13, trainableParams: 3 });
  });
});

describe('every op', () => {
  const one = (input: ModelSpec['input'], layer: LayerSpec) => analyzeModel(model(input, [layer])).layers[0];

  it('conv2d padding modes', () => {
    expect(
      one([1, 7, 7], { id: 'c', op: 'conv2d', out_channels: 1, kernel: 3, stride: 2, padding: 'same' })
        .outputShape,
    ).toEqual([1, 4, 4]);
    expect(
      one([1, 7, 7], { id: 'c', op: 'conv2d', out_channels: 1, kernel: 3, padding: 'valid' }).outputShape,
    ).toEqual([1, 5, 5]);
    expect(
      one([1, 8, 10], { id: 'c', op: 'conv2d', out_channels: 1, kernel: [3, 5], padding: [1, 2] })
        .outputShape,
    ).toEqual([1, 8, 10]);
  });

  it('conv_transpose2d doubles the size and shrinks the jump', () => {
    const l = one([16, 7, 7], {
      id: 't',
      op: 'conv_transpose2d',
      out_channels: 8,
      kernel: 4,
      stride: 2,
      padding: 1,
    });
    expect(l.outputShape).toEqual([8, 14, 14]);
    expect(l.macs).toBe(100_352);
    expect(l.rf.jump).toEqual([0.5, 0.5]);
    // ⌈4/2⌉ = 2 inputs per output: size 1 + 1·1 = 2
    expect(l.rf.size).toEqual([2, 2]);
  });

  it('avgpool2d with ceil_mode, adaptive pool with exact and inexact windows', () => {
    expect(
      one([1, 5, 5], { id: 'p', op: 'avgpool2d', kernel: 2, stride: 2, ceil_mode: true }).outputShape,
    ).toEqual([1, 3, 3]);
    const ad = analyzeModel(model([2, 12, 12], [{ id: 'a', op: 'adaptive_avgpool2d', output_size: [3, 4] }]));
    expect(ad.layers[0].outputShape).toEqual([2, 3, 4]);
    expect(ad.layers[0].ops.pooling).toBe(288);
    expect(ad.layers[0].rf.size).toEqual([4, 3]); // windows 12/3 = 4 and 12/4 = 3
    expect(ad.warnings).toEqual([]);
    const odd = analyzeModel(model([1, 13, 13], [{ id: 'a', op: 'adaptive_avgpool2d', output_size: 5 }]));
    expect(odd.layers[0].outputShape).toEqual([1, 5, 5]);
    expect(odd.warnings.map((w) => w.kind)).toEqual(['inexact-division', 'inexact-division']);
    // windows [⌊13i/5⌋, ⌈13(i+1)/5⌉): [0, 3), [2, 6), … the largest spans 4 pixels
    expect(odd.layers[0].rf.size).toEqual([4, 4]);
  });

  it('layernorm, dropout, identity, every activation', () => {
    expect(one([8, 2, 2], { id: 'n', op: 'layernorm' }).params).toMatchObject({
      weights: 8,
      bias: 8,
      buffers: 0,
    });
    expect(one([8, 2, 2], { id: 'n', op: 'layernorm' }).ops.norm).toBe(32);
    expect(one([8], { id: 'd', op: 'dropout', p: 0.1 }).outputShape).toEqual([8]);
    expect(one([8], { id: 'i', op: 'identity' }).memoryAccess.totalBytes).toBe(0);
    for (const op of [
      'relu',
      'relu6',
      'leaky_relu',
      'elu',
      'gelu',
      'silu',
      'sigmoid',
      'tanh',
      'hardswish',
      'hardsigmoid',
      'softmax',
    ] as const) {
      const l = one([3, 2, 2], { id: 'a', op });
      expect(l.ops.activation, op).toBe(12);
      expect(l.outputShape).toEqual([3, 2, 2]);
    }
  });

  it('mul broadcasts [C, 1, 1] over [C, H, W] (squeeze-and-excitation)', () => {
    const a = analyzeModel(
      model(
        [4, 8, 8],
        [
          { id: 'gap', op: 'global_avgpool', inputs: ['input'] },
          { id: 'sig', op: 'sigmoid' },
          { id: 'scale', op: 'mul', inputs: ['input', 'sig'] },
        ],
      ),
    );
    const s = a.layers[2];
    expect(s.outputShape).toEqual([4, 8, 8]);
    expect(s.ops.elementwise).toBe(256);
    expect(s.rf.size).toEqual([8, 8]); // the broadcast branch saw the whole image
    expect(a.warnings).toEqual([]); // broadcast branches are not "misaligned"
  });

  it('concat sums channels; upsample nearest/bilinear; pad', () => {
    const a = analyzeModel(
      model(
        [3, 8, 8],
        [
          { id: 'a', op: 'conv2d', out_channels: 4, kernel: 1, inputs: ['input'] },
          { id: 'b', op: 'conv2d', out_channels: 5, kernel: 3, padding: 1, inputs: ['input'] },
          { id: 'cat', op: 'concat', inputs: ['a', 'b'] },
          { id: 'up', op: 'upsample', scale: 2 },
          { id: 'upb', op: 'upsample', size: [20, 24], mode: 'bilinear' },
          { id: 'pad', op: 'pad', padding: [1, 2, 3, 4] },
        ],
      ),
    );
    const L = Object.fromEntries(a.layers.map((l) => [l.id, l]));
    expect(L.cat.outputShape).toEqual([9, 8, 8]);
    expect(L.cat.rf.size).toEqual([3, 3]);
    expect(L.up.outputShape).toEqual([9, 16, 16]);
    expect(L.up.rf.jump).toEqual([0.5, 0.5]);
    expect(L.upb.outputShape).toEqual([9, 20, 24]);
    expect(L.upb.ops.elementwise).toBe(4 * 9 * 20 * 24);
    expect(L.pad.outputShape).toEqual([9, 23, 31]);
    expect(L.pad.rf.padding[0] - L.upb.rf.padding[0]).toBeCloseTo(1 * L.upb.rf.jump[0], 12);
  });

  it('add with more than two inputs counts (n − 1) × elements', () => {
    const a = analyzeModel(
      model(
        [2, 3, 3],
        [
          { id: 'x', op: 'identity', inputs: ['input'] },
          { id: 'y', op: 'identity', inputs: ['input'] },
          { id: 's', op: 'add', inputs: ['input', 'x', 'y'] },
        ],
      ),
    );
    expect(a.layers[2].ops.elementwise).toBe(2 * 18);
  });
});

describe('warnings', () => {
  it('inexact division names the stride and the unread rows', () => {
    // Unpadded: 6 − 3 = 3 is odd, so the last real row and column are never read (with padding 1 the
    // position left over would be padding, which is no warning: see never-read.test.ts).
    const a = analyzeModel(
      model([1, 6, 6], [{ id: 'c', op: 'conv2d', out_channels: 1, kernel: 3, stride: 2, padding: 0 }]),
    );
    expect(a.warnings).toHaveLength(2);
    expect(a.warnings[0]).toMatchObject({ layerId: 'c', kind: 'inexact-division' });
    expect(a.warnings[0].message).toContain('not divisible by stride 2');
    expect(a.warnings[0].message).toContain('the last 1 input row is never read');
  });

  it('misaligned branches: the RF is the hull, larger than either branch, with a warning', () => {
    // a: 3×3 "same" sees [−1, 1]; b: pad bottom/right by 2 then 3×3 valid sees [0, 2]; hull [−1, 2] = 4
    const a = analyzeModel(
      model(
        [1, 8, 8],
        [
          { id: 'a', op: 'conv2d', out_channels: 1, kernel: 3, padding: 'same', inputs: ['input'] },
          { id: 'p', op: 'pad', padding: [0, 2, 0, 2], inputs: ['input'] },
          { id: 'b', op: 'conv2d', out_channels: 1, kernel: 3 },
          { id: 'sum', op: 'add', inputs: ['a', 'b'] },
        ],
      ),
    );
    const sum = a.layers.find((l) => l.id === 'sum')!;
    expect(sum.rf.size).toEqual([4, 4]);
    expect(sum.rf.padding).toEqual([1, 1]);
    const w = a.warnings.filter((x) => x.kind === 'misaligned-branches');
    expect(w).toHaveLength(1);
    expect(w[0].layerId).toBe('sum');
  });

  it('jump mismatch at a merge', () => {
    // 8×8: k2 s2 → 4×4 with jump 2; k5 valid → 4×4 with jump 1
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
    expect(a.warnings.map((w) => w.kind)).toContain('jump-mismatch');
  });

  it('RF holes are reported once, at the layer that creates them', () => {
    const a = analyzeModel(
      model(
        [1, 16, 16],
        [
          { id: 'c1', op: 'conv2d', out_channels: 1, kernel: 1, stride: 2 },
          { id: 'c2', op: 'conv2d', out_channels: 1, kernel: 3 },
          { id: 'c3', op: 'conv2d', out_channels: 1, kernel: 1 },
        ],
      ),
    );
    expect(a.layers.map((l) => l.rf.hasHoles)).toEqual([false, true, true]);
    expect(a.warnings.filter((w) => w.kind === 'rf-holes').map((w) => w.layerId)).toEqual(['c2']);
  });
});

describe('graph handling', () => {
  it('analyses layers listed out of order in topological order', () => {
    const a = analyzeModel(
      model(
        [1, 4, 4],
        [
          { id: 'b', op: 'relu', inputs: ['a'] },
          { id: 'a', op: 'conv2d', out_channels: 2, kernel: 1, inputs: ['input'] },
        ],
      ),
    );
    expect(a.layers.map((l) => l.id)).toEqual(['a', 'b']);
  });

  it('throws ModelValidationError listing the problems for an invalid model', () => {
    const bad = model([3, 5, 5], [{ id: 'conv3', op: 'conv2d', out_channels: 1, kernel: 7 }]);
    expect(() => analyzeModel(bad)).toThrow(ModelValidationError);
    expect(() => analyzeModel(bad)).toThrow('layer "conv3": kernel 7 is larger than the padded input 5×5');
  });

  it('a 100,000-layer chain analyses without recursion limits', () => {
    const layers: LayerSpec[] = [];
    for (let i = 0; i < 100_000; i++)
      layers.push({ id: `l${i}`, op: i % 2 ? 'relu' : 'conv2d', out_channels: 4, kernel: 1 } as LayerSpec);
    const a = analyzeModel(model([4, 8, 8], layers));
    expect(a.layers).toHaveLength(100_000);
    expect(a.totals.macs).toBe(50_000 * 4 * 64 * 4);
    // reversed listing forces the general topological sort
    const rev = analyzeModel(
      model([4, 8, 8], layers.map((l, i) => ({ ...l, inputs: [i === 0 ? 'input' : `l${i - 1}`] })).reverse()),
    );
    expect(rev.layers[0].id).toBe('l0');
    expect(rev.totals.macs).toBe(a.totals.macs);
  });
});
