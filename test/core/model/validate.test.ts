import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type ModelIssue, validateModel } from '../../../src/core';

const base = { format: 'convscope-model', version: 1, name: 't', input: [3, 8, 8] };
function errorsOf(json: unknown): ModelIssue[] {
  const v = validateModel(json);
  return v.ok ? [] : v.errors;
}
function firstMessage(layers: unknown[], input: unknown = base.input): string {
  const e = errorsOf({ ...base, input, layers });
  expect(e.length).toBeGreaterThan(0);
  return e[0].message;
}

describe('validateModel', () => {
  it('accepts a valid model and returns it typed', () => {
    const v = validateModel({
      ...base,
      layers: [{ id: 'c', op: 'conv2d', out_channels: 4, kernel: 3, padding: 'same' }],
    });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.model.layers[0]).toMatchObject({ id: 'c', op: 'conv2d' });
  });

  it('with analysis options, a valid model comes with the analysis analyzeModel gives, rows and all', () => {
    for (const name of ['resnet18', 'mobilenet_v2', 'vit_b_16']) {
      const zoo = getZooModel(name);
      expect(zoo).toBeDefined();
      const json = JSON.parse(JSON.stringify(zoo)) as unknown;
      const options = { convention: 'macs', dtype: 'fp16', countNorm: true } as const;
      const v = validateModel(json, undefined, options);
      expect(v.ok).toBe(true);
      if (!v.ok) continue;
      expect(v.analysis).toBeDefined();
      expect(JSON.parse(JSON.stringify(v.analysis))).toEqual(
        JSON.parse(JSON.stringify(analyzeModel(v.model, options))),
      );
      expect(validateModel(json)).not.toHaveProperty('analysis');
    }
    const bad = validateModel(
      { ...base, layers: [{ id: 'c', op: 'conv2d', out_channels: 4, kernel: 30 }] },
      undefined,
      {},
    );
    expect(bad.ok).toBe(false);
    expect(bad).not.toHaveProperty('analysis');
  });

  it('rejects a non-model value, wrong format or version, and a bad input shape', () => {
    expect(errorsOf(42)[0].message).toMatch(/^model: /);
    expect(errorsOf({ ...base, format: 'onnx', layers: [] })[0]).toMatchObject({ path: 'format' });
    expect(errorsOf({ ...base, version: 2, layers: [] })[0].path).toBe('version');
    expect(errorsOf({ ...base, input: [3, 0, 8], layers: [] })[0].path).toMatch(/^input/);
  });

  it('unknown op, listing the known ones', () => {
    const m = firstMessage([{ id: 'c1', op: 'conv3d' }]);
    expect(m).toMatch(/^layer "c1": unknown op "conv3d" \(known: conv2d, conv_transpose2d, /);
  });

  it('unknown field (a typo) and wrong field types name the layer and the field', () => {
    expect(firstMessage([{ id: 'c1', op: 'conv2d', out_channels: 4, kernel: 3, kernal: 3 }])).toBe(
      'layer "c1": unknown field "kernal"',
    );
    const e = errorsOf({ ...base, layers: [{ id: 'c1', op: 'conv2d', out_channels: 4, kernel: '3' }] });
    expect(e[0]).toMatchObject({ layerId: 'c1', path: 'layers[0].kernel' });
    expect(e[0].message).toMatch(/^layer "c1": kernel: /);
    expect(firstMessage([{ id: 'c1', op: 'conv2d', out_channels: 0, kernel: 3 }])).toMatch(
      /^layer "c1": out_channels: /,
    );
    expect(firstMessage([{ op: 'relu' }])).toMatch(/^layer 0: id: /);
  });

  it('unknown input', () => {
    const e = errorsOf({
      ...base,
      layers: [
        { id: 'a', op: 'relu' },
        { id: 'b', op: 'add', inputs: ['a', 'zzz'] },
      ],
    });
    expect(e).toEqual([
      {
        layerId: 'b',
        path: 'layers[1].inputs[1]',
        message: 'layer "b": unknown input "zzz"',
        note: { code: 'unknown-input', params: { input: 'zzz' } },
      },
    ]);
  });

  it('duplicate ids and the reserved id "input"', () => {
    expect(
      firstMessage([
        { id: 'a', op: 'relu' },
        { id: 'a', op: 'relu' },
      ]),
    ).toBe('layer "a": duplicate id (also used by layer 0)');
    expect(firstMessage([{ id: 'input', op: 'relu' }])).toMatch(/reserved for the model input/);
  });

  it('duplicate, reserved and unknown ids of a large model, in list order (the id table is filled by region)', () => {
    const layers: { id: string; op: string; inputs?: string[] }[] = [];
    for (let i = 0; i < 20_000; i++) layers.push({ id: `l${i}`, op: 'relu' });
    layers[7_000] = { id: 'l19000', op: 'relu' };
    layers[12_345] = { id: 'input', op: 'relu' };
    layers[15_000] = { id: 'l3', op: 'relu' };
    layers[19_999] = { id: 'last', op: 'relu', inputs: ['l19998', 'l7000', 'l15000'] };
    expect(errorsOf({ ...base, layers }).map((e) => e.message)).toEqual([
      'layer 12345: the id "input" is reserved for the model input',
      'layer "l3": duplicate id (also used by layer 3)',
      'layer "l19000": duplicate id (also used by layer 7000)',
      'layer "last": unknown input "l7000"',
      'layer "last": unknown input "l15000"',
    ]);
  });

  it('a cycle, named by its layers', () => {
    const m = firstMessage([
      { id: 'a', op: 'relu', inputs: ['c'] },
      { id: 'b', op: 'relu', inputs: ['a'] },
      { id: 'c', op: 'relu', inputs: ['b'] },
    ]);
    expect(m).toMatch(/^layer "\w": the graph has a cycle \(/);
    expect(m).toContain('a → b → c');
    expect(firstMessage([{ id: 'a', op: 'relu', inputs: ['a'] }])).toBe(
      'layer "a": the graph has a cycle (a → a)',
    );
  });

  it('a 100,000-layer cycle is found without recursion', () => {
    const layers = Array.from({ length: 100_000 }, (_, i) => ({
      id: `l${i}`,
      op: 'relu',
      inputs: [`l${(i + 99_999) % 100_000}`],
    }));
    expect(firstMessage(layers)).toMatch(/the graph has a cycle/);
  });

  it('kernel larger than the padded input', () => {
    expect(firstMessage([{ id: 'conv3', op: 'conv2d', out_channels: 1, kernel: 7 }], [3, 5, 5])).toBe(
      'layer "conv3": kernel 7 is larger than the padded input 5×5',
    );
    expect(
      firstMessage(
        [{ id: 'd', op: 'conv2d', out_channels: 1, kernel: 3, dilation: 4, padding: 1 }],
        [3, 5, 5],
      ),
    ).toBe('layer "d": kernel 3 (dilated to 9) is larger than the padded input 7×7');
    expect(firstMessage([{ id: 'p', op: 'maxpool2d', kernel: [2, 9] }], [3, 5, 5])).toBe(
      'layer "p": kernel 2×9 is larger than the padded input 5×5',
    );
  });

  it('channels not divisible by groups', () => {
    expect(firstMessage([{ id: 'g', op: 'conv2d', out_channels: 8, kernel: 1, groups: 2 }])).toBe(
      'layer "g": input channels 3 are not divisible by groups 2',
    );
  });

  it('mismatched shapes at add and concat', () => {
    const layers = [
      { id: 'a', op: 'conv2d', out_channels: 4, kernel: 1, inputs: ['input'] },
      { id: 'b', op: 'conv2d', out_channels: 4, kernel: 1, stride: 2, inputs: ['input'] },
    ];
    expect(firstMessage([...layers, { id: 's', op: 'add', inputs: ['a', 'b'] }])).toBe(
      'layer "s": shapes do not match: [4, 8, 8] ("a") and [4, 4, 4] ("b")',
    );
    expect(firstMessage([...layers, { id: 'k', op: 'concat', inputs: ['a', 'b'] }])).toBe(
      'layer "k": concat needs equal H×W but inputs are 8×8 ("a") and 4×4 ("b")',
    );
  });

  it('wrong input kinds and counts', () => {
    expect(firstMessage([{ id: 'fc', op: 'linear', out_features: 2 }])).toBe(
      'layer "fc": needs a flat [N] input or a [T, D] sequence but gets [3, 8, 8]; add a flatten (or tokens) layer before it',
    );
    expect(firstMessage([{ id: 'a', op: 'attention', num_heads: 2 }])).toBe(
      'layer "a": needs a [T, D] token sequence but gets [3, 8, 8]; add a tokens layer before it',
    );
    expect(firstMessage([{ id: 'a', op: 'attention', num_heads: 5 }], [4, 8])).toBe(
      'layer "a": num_heads 5 does not divide the 8 features of [4, 8]',
    );
    expect(firstMessage([{ id: 'r', op: 'relu', inputs: ['input', 'input'] }])).toBe(
      'layer "r": relu takes one input but 2 are given',
    );
    expect(firstMessage([{ id: 's', op: 'add' }])).toBe(
      'layer "s": add needs at least two inputs, or one and constant_shape, but gets 1',
    );
    expect(firstMessage([{ id: 'c', op: 'conv2d', out_channels: 1, kernel: 1 }], [12])).toBe(
      'layer "c": needs a [C, H, W] input but gets [12]',
    );
  });

  it('sizes beyond 2^53', () => {
    const m = firstMessage(
      [{ id: 'big', op: 'conv2d', out_channels: 1_000_000, kernel: 1 }],
      [1, 100_000_000, 100_000_000],
    );
    expect(m).toMatch(/^layer "big": output elements 1\.000e\+22 exceed 2⁵³/);
  });

  it('reports one message for one mistake, not a cascade downstream', () => {
    const e = errorsOf({
      ...base,
      input: [3, 5, 5],
      layers: [
        { id: 'c', op: 'conv2d', out_channels: 1, kernel: 7 },
        { id: 'r', op: 'relu' },
        { id: 'p', op: 'maxpool2d', kernel: 2 },
      ],
    });
    expect(e).toHaveLength(1);
  });

  it('never lets NaN or a crash through: mutated zoo models either fail validation or analyse to finite integers', async () => {
    const { analyzeModel } = await import('../../../src/core');
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: unknown[] = [
      0,
      -1,
      1,
      2,
      3,
      7,
      1.5,
      1e9,
      2 ** 60,
      'same',
      'valid',
      null,
      [2, 3],
      [0, 1],
      true,
      'x',
      NaN,
    ];
    const src = getZooModel('googlenet')!;
    let ok = 0;
    for (let n = 0; n < 300; n++) {
      const m = structuredClone(src) as unknown as { layers: Record<string, unknown>[]; input: unknown };
      for (let k = 0; k < 3; k++) {
        const layer = m.layers[Math.floor(rnd() * m.layers.length)];
        const keys = Object.keys(layer);
        layer[keys[Math.floor(rnd() * keys.length)]] = values[Math.floor(rnd() * values.length)];
      }
      if (rnd() < 0.1) m.input = [3, Math.floor(rnd() * 300), 224];
      const v = validateModel(m);
      if (!v.ok) {
        for (const e of v.errors) expect(e.message.length).toBeGreaterThan(5);
        continue;
      }
      ok++;
      const a = analyzeModel(v.model);
      for (const l of a.layers) {
        for (const x of [
          l.macs,
          l.flops,
          l.params.total,
          l.outputElements,
          l.memoryAccess.totalBytes,
          l.rf.size[0],
          l.rf.jump[1],
        ]) {
          expect(Number.isFinite(x)).toBe(true);
        }
      }
      expect(Number.isSafeInteger(a.totals.flops)).toBe(true);
    }
    expect(ok).toBeGreaterThan(0);
  });
});

describe('validateModel with a cache of checked layers', () => {
  it('gives the same result as without, and checks each new layer object, even one with a known id', () => {
    const resnet = getZooModel('resnet18')!;
    const cache = new WeakMap();
    expect(validateModel(resnet, cache)).toEqual(validateModel(resnet));
    // Layer 0 replaced by a copy with a kernel larger than the input: refused although its id was checked.
    const layers = resnet.layers.map((l, i) => (i === 0 ? { ...l, kernel: 400 } : l));
    const bad = validateModel({ ...resnet, layers }, cache);
    expect(bad).toEqual(validateModel({ ...resnet, layers }));
    expect(bad.ok).toBe(false);
    // An unknown field in a new object is refused too; the layers kept from before are not parsed again.
    const typo = resnet.layers.map((l, i) => (i === 3 ? { ...l, kernal: 3 } : l));
    const v = validateModel({ ...resnet, layers: typo }, cache);
    expect(v.ok ? [] : v.errors.map((e) => e.path)).toEqual(['layers[3]']);
    const again = validateModel(resnet, cache);
    expect(again.ok && again.model.layers[1]).toBe(cache.get(resnet.layers[1]));
  });
});
