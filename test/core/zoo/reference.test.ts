/**
 * The acceptance bar: zoo models against the PyTorch measurements in shared/reference (beside the repository)
 * (torchvision 0.14, batch 1). Every expected number here is read from the reference files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  callId,
  getZooModel,
  type LayerAnalysis,
  type LayerSpec,
  type ModelSpec,
} from '../../../src/core';
import { REFERENCE_DIR } from '../../helpers/reference';

const REF_DIR = REFERENCE_DIR;

interface RefRow {
  name: string;
  type: string;
  call: number;
  input_shape: number[];
  output_shape: number[];
  params: number;
  macs: number;
  bias_adds: number;
  other_ops: number;
  other_category: string | null;
}
interface RefFunctional {
  parent: string;
  op: string;
  category: string;
  output_shape: number[];
  ops: number;
}
interface RefModel {
  total_params: number;
  trainable_params: number;
  buffer_elements: number;
  macs: number;
  macs_conv: number;
  macs_linear: number;
  bias_adds: number;
  flops_conv_linear: number;
  flops_conv_linear_with_bias: number;
  bn_ops: number;
  norm_ops: number;
  act_ops: number;
  pool_ops: number;
  add_ops: number;
  mul_ops: number;
  other_elem_ops: number;
  activation_elements_incl_functional: number;
  activation_elements_by_type: Record<string, number>;
  layers: RefRow[];
  functional_rows: RefFunctional[];
}

const models = (
  JSON.parse(readFileSync(`${REF_DIR}/torchvision-models.json`, 'utf8')) as {
    models: Record<string, RefModel>;
  }
).models;

const CATEGORY: Record<string, keyof LayerAnalysis['ops']> = {
  bn_ops: 'norm',
  norm_ops: 'norm',
  act_ops: 'activation',
  pool_ops: 'pooling',
  add_ops: 'elementwise',
  mul_ops: 'elementwise',
};

/** torchvision module type → the op this format uses for it. */
const TYPE_TO_OP: Record<string, string[]> = {
  Conv2d: ['conv2d'],
  BatchNorm2d: ['batchnorm'],
  ReLU: ['relu'],
  ReLU6: ['relu6'],
  MaxPool2d: ['maxpool2d'],
  AdaptiveAvgPool2d: ['adaptive_avgpool2d'],
  Dropout: ['dropout'],
  Linear: ['linear'],
};

function zoo(name: string): ModelSpec {
  const m = getZooModel(name);
  if (!m) throw new Error(`no zoo model ${name}`);
  return m;
}

describe.each(Object.keys(models))('zoo:%s against PyTorch', (name) => {
  const ref = models[name];
  const a = analyzeModel(zoo(name));
  const byId = new Map(a.layers.map((l) => [l.id, l]));

  it('has every leaf-module call of the reference, with equal output shape, params, MACs and ops', () => {
    expect(a.layers.length).toBeGreaterThan(0);
    for (const row of ref.layers) {
      const id = callId(row.name, row.call);
      const l = byId.get(id);
      expect(l, `layer ${id}`).toBeDefined();
      if (!l) continue;
      expect(TYPE_TO_OP[row.type], `${id} type ${row.type}`).toContain(l.op);
      expect(l.outputShape, `${id} shape`).toEqual(row.output_shape.slice(1));
      expect(l.inputShapes[0], `${id} input shape`).toEqual(row.input_shape.slice(1));
      if (row.call === 0) expect(l.params.total, `${id} params`).toBe(row.params);
      expect(l.macs, `${id} MACs`).toBe(row.macs);
      expect(l.ops.bias, `${id} bias adds`).toBe(row.bias_adds);
      if (row.other_category)
        expect(l.ops[CATEGORY[row.other_category]], `${id} ${row.other_category}`).toBe(row.other_ops);
    }
  });

  it('has the functional ops (residual adds, functional pooling) with equal shape and op count', () => {
    for (const f of ref.functional_rows) {
      const id = f.category === 'add_ops' ? `${f.parent}.add` : f.parent ? `${f.parent}.${f.op}` : 'avgpool';
      const l = byId.get(id);
      expect(l, `functional ${f.op} in "${f.parent}"`).toBeDefined();
      if (!l) continue;
      expect(l.outputShape).toEqual(f.output_shape.slice(1));
      expect(l.ops[CATEGORY[f.category]]).toBe(f.ops);
    }
  });

  it('has no layers beyond the reference rows except flatten (a zero-cost functional op)', () => {
    const known = new Set(ref.layers.map((r) => callId(r.name, r.call)));
    for (const f of ref.functional_rows) known.add(f.category === 'add_ops' ? `${f.parent}.add` : 'avgpool');
    const extra = a.layers.filter((l) => !known.has(l.id)).map((l) => l.op);
    expect(extra).toEqual(['flatten']);
  });

  it('matches total params, buffers, MACs and every op category to the last unit', () => {
    const t = a.totals;
    expect(t.params).toBe(ref.total_params);
    expect(t.trainableParams).toBe(ref.trainable_params);
    expect(t.buffers).toBe(ref.buffer_elements);
    expect(t.macs).toBe(ref.macs);
    expect(a.layers.filter((l) => l.op === 'conv2d').reduce((s, l) => s + l.macs, 0)).toBe(ref.macs_conv);
    expect(a.layers.filter((l) => l.op === 'linear').reduce((s, l) => s + l.macs, 0)).toBe(ref.macs_linear);
    expect(t.ops.bias).toBe(ref.bias_adds);
    expect(t.ops.norm).toBe(ref.bn_ops + ref.norm_ops);
    expect(t.ops.activation).toBe(ref.act_ops);
    expect(t.ops.pooling).toBe(ref.pool_ops);
    expect(t.ops.elementwise).toBe(ref.add_ops + ref.mul_ops);
  });

  it('reproduces the reference FLOP conventions through the toggles', () => {
    expect(a.totals.flops).toBe(ref.flops_conv_linear);
    expect(analyzeModel(zoo(name), { countBias: true }).totals.flops).toBe(ref.flops_conv_linear_with_bias);
    expect(analyzeModel(zoo(name), { convention: 'macs' }).totals.flops).toBe(ref.macs);
    const all = analyzeModel(zoo(name), {
      countBias: true,
      countNorm: true,
      countActivations: true,
      countPooling: true,
      countElementwise: true,
    });
    expect(all.totals.flops).toBe(ref.flops_conv_linear_with_bias + ref.other_elem_ops);
  });

  it('counts activation elements like the reference (every output, flatten being a view it does not list)', () => {
    const flatten = a.layers.filter((l) => l.op === 'flatten').reduce((s, l) => s + l.outputElements, 0);
    expect(a.totals.activationElements - flatten).toBe(ref.activation_elements_incl_functional);
    // Functional ops (mobilenet_v2's F.adaptive_avg_pool2d, residual adds) are not modules: not in by-type sums.
    const functional = new Set(
      ref.functional_rows.map((f) => (f.category === 'add_ops' ? `${f.parent}.add` : 'avgpool')),
    );
    for (const [type, elems] of Object.entries(ref.activation_elements_by_type)) {
      const ops = TYPE_TO_OP[type];
      const mine = a.layers.filter((l) => ops.includes(l.op) && !functional.has(l.id));
      expect(
        mine.reduce((s, l) => s + l.outputElements, 0),
        type,
      ).toBe(elems);
    }
  });
});

// ---------------------------------------------------------------- receptive fields
interface RefRf {
  input_size: number;
  output_shape: number[];
  formula: {
    rf_interval_union: [number, number];
    rf_max_over_branches: [number, number];
    jump: [number, number];
    effective_padding: [number, number];
  };
  empirical: {
    centre_unit: [number, number];
    binarized: { rows: [number, number]; cols: [number, number]; rf: [number, number] };
    effective_stride: [number, number];
  };
}
const rfRef = (
  JSON.parse(readFileSync(`${REF_DIR}/receptive-fields.json`, 'utf8')) as { networks: Record<string, RefRf> }
).networks;

/** The zoo model cut after layer `last`, at input 3×N×N. */
function truncated(name: string, last: string, size: number): ModelSpec {
  const m = zoo(name);
  const end = m.layers.findIndex((l) => l.id === last);
  if (end < 0) throw new Error(`${name} has no layer ${last}`);
  return { ...m, input: [3, size, size], layers: m.layers.slice(0, end + 1) };
}

function stack(layers: LayerSpec[], size: number): ModelSpec {
  return { format: 'convscope-model', version: 1, name: 'stack', input: [3, size, size], layers };
}

const conv = (
  id: string,
  k: number,
  o: Partial<{ stride: number; padding: number; dilation: number }> = {},
  inputs?: string[],
): LayerSpec => ({
  id,
  op: 'conv2d',
  out_channels: 4,
  kernel: k,
  ...o,
  ...(inputs ? { inputs } : {}),
});

const RF_MODELS: Record<string, (n: number) => ModelSpec> = {
  'alexnet.features': (n) => truncated('alexnet', 'features.12', n),
  'vgg16.features': (n) => truncated('vgg16', 'features.30', n),
  'resnet18.layer4': (n) => truncated('resnet18', callId('layer4.1.relu', 1), n),
  syn_a_3x_conv3: (n) =>
    stack([conv('c1', 3, { padding: 1 }), conv('c2', 3, { padding: 1 }), conv('c3', 3, { padding: 1 })], n),
  syn_b_conv3s2_2x_conv3: (n) =>
    stack(
      [
        conv('c1', 3, { stride: 2, padding: 1 }),
        conv('c2', 3, { padding: 1 }),
        conv('c3', 3, { padding: 1 }),
      ],
      n,
    ),
  syn_c_dilated_1_2_4_8: (n) =>
    stack(
      [1, 2, 4, 8].map((d, i) => conv(`c${i}`, 3, { padding: d, dilation: d })),
      n,
    ),
  syn_d_stem_k7s2_pool_2conv: (n) =>
    stack(
      [
        conv('c1', 7, { stride: 2, padding: 3 }),
        { id: 'pool', op: 'maxpool2d', kernel: 3, stride: 2, padding: 1 },
        conv('c2', 3, { padding: 1 }),
        conv('c3', 3, { padding: 1 }),
      ],
      n,
    ),
  syn_e_two_branch: (n) =>
    stack(
      [
        conv('a', 3, { padding: 1 }, ['input']),
        conv('b', 5, { padding: 2 }, ['input']),
        { id: 'sum', op: 'add', inputs: ['a', 'b'] },
        conv('c', 3, { stride: 2, padding: 1 }),
      ],
      n,
    ),
};

describe('receptive fields against receptive-fields.json', () => {
  it('covers every network of the reference', () => {
    expect(Object.keys(RF_MODELS).sort()).toEqual(Object.keys(rfRef).sort());
  });

  it.each(Object.keys(rfRef))('%s: RF size, jump, effective padding and the centre unit box', (key) => {
    const ref = rfRef[key];
    const a = analyzeModel(RF_MODELS[key](ref.input_size));
    const last = a.layers[a.layers.length - 1];
    expect(last.outputShape.slice(1)).toEqual(ref.output_shape.slice(2));
    expect(last.rf.size).toEqual(ref.formula.rf_interval_union);
    expect(last.rf.size).toEqual(ref.empirical.binarized.rf);
    expect(last.rf.jump).toEqual(ref.formula.jump);
    expect(last.rf.jump).toEqual(ref.empirical.effective_stride);
    expect(last.rf.padding).toEqual(ref.formula.effective_padding);
    expect(last.rf.hasHoles).toBe(false);
    // Unit i sees [i·j − P, i·j − P + r − 1]: the measured gradient box of the centre unit.
    const [ch, cw] = ref.empirical.centre_unit;
    const box = (c: number, d: 0 | 1) => [
      c * last.rf.jump[d] - last.rf.padding[d],
      c * last.rf.jump[d] - last.rf.padding[d] + last.rf.size[d] - 1,
    ];
    expect(box(ch, 0)).toEqual(ref.empirical.binarized.rows);
    expect(box(cw, 1)).toEqual(ref.empirical.binarized.cols);
  });

  it('zoo teaching nets reproduce the synthetic stacks (a) and (c)', () => {
    const three = analyzeModel(zoo('rf_three_conv3'));
    expect(three.layers[three.layers.length - 1].rf.size).toEqual(
      rfRef.syn_a_3x_conv3.formula.rf_interval_union,
    );
    const dil = analyzeModel(zoo('rf_dilated_stack'));
    expect(dil.layers[dil.layers.length - 1].rf.size).toEqual(
      rfRef.syn_c_dilated_1_2_4_8.formula.rf_interval_union,
    );
  });
});
