import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel } from '../../../src/core';
import { analyzeOnnx, chunkedSource, importOnnx, OnnxImportError, readOnnx } from '../../../src/core/onnx';
import { REFERENCE_DIR } from '../../helpers/reference';

const DIR = join(__dirname, '../../fixtures/onnx');
const REF = REFERENCE_DIR;
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, `${name}.onnx`)));
interface Expected {
  macs: number | null;
  params: number;
  output: number[] | null;
  input: (number | string)[];
  bn_channels?: number;
  ops?: string[];
}
const expected: Record<string, Expected> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const refModels = JSON.parse(readFileSync(join(REF, 'torchvision-models.json'), 'utf8')).models;
const refRf = JSON.parse(readFileSync(join(REF, 'receptive-fields.json'), 'utf8')).networks;

/** Fixtures whose every operator is supported: MACs, params (where no BatchNorm was folded) and shapes are exact. */
const COMPLETE = [
  'plain',
  'residual',
  'inception',
  'dense',
  'depthwise',
  'misc',
  'plain_opset9',
  'depthwise_opset11',
  'misc_opset11',
  'misc_opset17',
  'residual_training',
  'rf_a',
  'rf_b',
  'rf_c',
  'rf_d',
  'rf_e',
  'resnet18_folded',
  'resnet18_bn',
  'mobilenet_v2_folded',
  'mobilenet_v2_bn',
  'googlenet',
  'squeezenet1_1',
  'resnet18_layer4',
  'alexnet_features',
  'inception_v3',
  'opset20_shapes',
];

describe('ONNX fixtures exported from PyTorch', () => {
  it('covers every fixture file', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.onnx'))
      .map((f) => f.replace('.onnx', ''));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(COMPLETE)('%s: complete, MACs and output shape equal the PyTorch module', (name) => {
    const e = expected[name];
    const { imported, analysis } = analyzeOnnx(load(name));
    expect(imported.unsupported).toEqual([]);
    expect(imported.skipped).toEqual([]);
    expect(imported.complete).toBe(true);
    expect(analysis.totals.macs).toBe(e.macs);
    expect(analysis.outputShape).toEqual(e.output);
    expect(analysis.input).toEqual(e.input);
    // Every ONNX operator of the file is listed with its count.
    expect(imported.ops.map((o) => o.op).sort()).toEqual([...new Set(imported.ops.map((o) => o.op))].sort());
    if (e.ops) expect(imported.ops.map((o) => o.op).sort()).toEqual(e.ops);
  });

  it.each(['resnet18_bn', 'mobilenet_v2_bn', 'residual_training', 'rf_a', 'rf_e', 'dense', 'inception'])(
    '%s: with BatchNorm kept, params equal PyTorch exactly',
    (name) => {
      const { imported, analysis } = analyzeOnnx(load(name));
      expect(analysis.totals.params).toBe(expected[name].params);
      expect(imported.params.total).toBe(expected[name].params);
    },
  );

  it.each(['resnet18', 'mobilenet_v2'])(
    '%s: BatchNorm-kept and folded exports agree with the zoo and the reference',
    (zoo) => {
      const z = analyzeModel(getZooModel(zoo)!);
      const bn = analyzeOnnx(load(`${zoo}_bn`)).analysis;
      const folded = analyzeOnnx(load(`${zoo}_folded`)).analysis;
      expect(bn.totals.macs).toBe(z.totals.macs);
      expect(folded.totals.macs).toBe(z.totals.macs);
      expect(bn.totals.macs).toBe(refModels[zoo].macs);
      expect(bn.totals.params).toBe(z.totals.params);
      expect(bn.totals.params).toBe(refModels[zoo].total_params);
      // Folding removes each BatchNorm's scale and shift (2C) and gives its bias-free conv a bias (C).
      expect(folded.totals.params + expected[`${zoo}_folded`].bn_channels!).toBe(z.totals.params);
      expect(bn.layers.filter((l) => l.op === 'batchnorm').length).toBeGreaterThan(0);
      expect(folded.layers.filter((l) => l.op === 'batchnorm').length).toBe(0);
    },
  );

  it('googlenet and squeezenet1_1 equal the zoo in MACs', () => {
    for (const name of ['googlenet', 'squeezenet1_1']) {
      expect(analyzeOnnx(load(name)).analysis.totals.macs).toBe(analyzeModel(getZooModel(name)!).totals.macs);
    }
  });

  it.each([
    ['rf_a', 'syn_a_3x_conv3'],
    ['rf_b', 'syn_b_conv3s2_2x_conv3'],
    ['rf_c', 'syn_c_dilated_1_2_4_8'],
    ['rf_d', 'syn_d_stem_k7s2_pool_2conv'],
    ['rf_e', 'syn_e_two_branch'],
    ['resnet18_layer4', 'resnet18.layer4'],
    ['alexnet_features', 'alexnet.features'],
  ])('%s: receptive field, jump and padding equal the reference %s', (name, ref) => {
    const { analysis } = analyzeOnnx(load(name));
    const last = analysis.layers[analysis.layers.length - 1];
    const f = refRf[ref].formula;
    expect(last.rf.size).toEqual(f.rf_interval_union);
    expect(last.rf.jump).toEqual(f.jump);
    expect(last.rf.padding).toEqual(f.effective_padding);
  });

  it('reads weights stored as external data without the data file', () => {
    const info = readOnnx(load('resnet18_folded'));
    expect(info.initializers.some((t) => t.external)).toBe(true);
    const { imported } = analyzeOnnx(load('resnet18_folded'));
    expect(imported.source.externalData).toBe(true);
  });

  it('gives the same result from a chunked source as from bytes in memory', () => {
    const bytes = load('inception_v3');
    let reads = 0;
    const src = chunkedSource(bytes.length, (target, pos) => {
      reads++;
      const part = bytes.subarray(pos, pos + target.length);
      target.set(part);
      return part.length;
    });
    const a = importOnnx(src);
    const b = importOnnx(bytes);
    expect(a.model).toEqual(b.model);
    expect(reads).toBeGreaterThan(0);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    importOnnx(load('googlenet'), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });
});

describe('unsupported operators are reported, never hidden', () => {
  it('GELU exported as Erf (x · 0.5 · (1 + erf(x/√2))) is one gelu layer, complete', () => {
    const { imported, analysis } = analyzeOnnx(load('gelu_erf'));
    expect(imported.unsupported).toEqual([]);
    expect(imported.skipped).toEqual([]);
    expect(imported.model.layers.map((l) => l.op)).toEqual(['conv2d', 'gelu', 'conv2d']);
    expect(analysis.layers[1].outputShape).toEqual([4, 8, 8]);
    expect(analysis.totals.complete).toBe(true);
    expect(analysis.totals.params).toBe(expected.gelu_erf.params);
    expect(analysis.totals.macs).toBe(expected.gelu_erf.macs);
    expect(analysis.layers.at(-1)?.outputShape).toEqual(expected.gelu_erf.output);
  });

  it('an element-wise operator it does not know: listed, an unsupported layer keeps shapes, totals incomplete', () => {
    const { imported, analysis } = analyzeOnnx(load('unsupported'));
    expect(imported.complete).toBe(false);
    const layer = imported.model.layers.find((l) => l.id === imported.unsupportedLayers[0]);
    expect(layer).toMatchObject({ op: 'unsupported', name: 'Softplus', output_shape: [8, 8, 8] });
    expect(analysis.warnings.filter((w) => w.kind === 'unsupported').map((w) => w.layerId)).toEqual(
      expect.arrayContaining(imported.unsupportedLayers),
    );
    expect(analysis.totals.complete).toBe(false);
    expect(analysis.totals.incomplete).toEqual(expect.arrayContaining(imported.unsupportedLayers));
    expect(analysis.layers.find((l) => l.id === imported.unsupportedLayers[0])?.unsupported).toBe('Softplus');
  });

  it('an operator that changes shape: later layers are left out and listed', () => {
    const { imported, analysis } = analyzeOnnx(load('unsupported'));
    expect(imported.unsupported).toEqual(
      expect.arrayContaining([
        { op: 'TopK', count: 1 },
        { op: 'CumSum', count: 1 },
        { op: 'Softplus', count: 1 },
      ]),
    );
    expect(imported.complete).toBe(false);
    // Nodes left out make the analysis incomplete too, even where no layer is marked.
    expect(analysis.totals.complete).toBe(false);
    expect(imported.skipped.map((s) => s.op)).toContain('Conv');
    // conv1 8×3×3×3 over 8×8 and conv2 8×8×3×3 over 8×8 are in; conv3 after TopK is not: 8·8·8·27 + 8·8·8·72.
    expect(analysis.totals.macs).toBe(8 * 8 * 8 * 27 + 8 * 8 * 8 * 72);
    expect(analysis.totals.macs).toBeLessThan(expected.unsupported.macs!);
  });

  it('a custom-domain operator is named with its domain', () => {
    const { imported, analysis } = analyzeOnnx(load('opset7_custom'));
    expect(imported.unsupported).toEqual([{ op: 'com.example::Foo', count: 1 }]);
    expect(imported.skipped.map((s) => s.node)).toEqual(['foo', 'conv2']);
    expect(analysis.totals.macs).toBe(expected.opset7_custom.macs);
    expect(analysis.warnings.some((w) => w.kind === 'unsupported')).toBe(true);
  });
});

describe('inputs, parameters and conventions', () => {
  it('symbolic spatial dims must be given; batch defaults to 1', () => {
    expect(() => importOnnx(load('shared_symbolic'))).toThrow(/symbolic/);
    const a = analyzeOnnx(load('shared_symbolic'), { dims: { height: 10, width: 12 } }).analysis;
    expect(a.input).toEqual([4, 10, 12]);
    // Two 3×3 convs 4→4 with padding 1 on 10×12: 2 · (10·12·4) · (4·9).
    expect(a.totals.macs).toBe(2 * 10 * 12 * 4 * 4 * 9);
    const b = analyzeOnnx(load('shared_symbolic'), { inputShape: [4, 10, 12] }).analysis;
    expect(b.totals.macs).toBe(a.totals.macs);
    expect(() => importOnnx(load('shared_symbolic'), { inputShape: [3, 10, 12] })).toThrow(/fixed at 4/);
  });

  it('an initializer shared through Identity is counted once', () => {
    const { imported, analysis } = analyzeOnnx(load('shared_symbolic'), { dims: { height: 8, width: 8 } });
    expect(imported.params.total).toBe(expected.shared_symbolic.params);
    // The model format counts per layer: twice.
    expect(analysis.totals.params).toBe(2 * expected.shared_symbolic.params);
  });

  it('opset 20 Gelu, GlobalMaxPool and a Shape/Slice/ConstantOfShape/Range/Cast subgraph', () => {
    const { imported, analysis } = analyzeOnnx(load('opset20_shapes'));
    expect(analysis.layers.map((l) => l.op)).toEqual([
      'conv2d',
      'gelu',
      'hardsigmoid',
      'maxpool2d',
      'flatten',
      'linear',
    ]);
    expect(imported.notes.some((n) => n.includes('HardSigmoid'))).toBe(true);
  });

  it('opset 9 Clip(0, 6) becomes relu6 and Upsample an upsample layer', () => {
    const ops = analyzeOnnx(load('opset7_custom')).analysis.layers.map((l) => l.op);
    expect(ops).toEqual(['conv2d', 'relu6', 'upsample']);
  });

  it('Clip with a max but no min becomes clamp (max only), never relu6', () => {
    const { imported, analysis } = analyzeOnnx(load('elementwise'));
    const clips = imported.model.layers.filter((l) => l.op === 'clamp');
    expect(clips).toEqual([
      { id: 'clip_max', op: 'clamp', max: 6 },
      { id: 'clip_both', op: 'clamp', min: -1, max: 1, inputs: ['clip_max'] },
    ]);
    expect(analysis.layers.some((l) => l.op === 'relu6')).toBe(false);
  });

  it('Sub, Div, constants and Erf map to sub, div, constant_shape and an unsupported layer', () => {
    const e = expected.elementwise;
    const { imported, analysis } = analyzeOnnx(load('elementwise'), { analysis: { countElementwise: true } });
    expect(analysis.layers.map((l) => l.op)).toEqual([
      'conv2d',
      'clamp',
      'conv2d',
      'clamp',
      'sub',
      'div',
      'unsupported',
      'add',
      'mul',
    ]);
    const L = Object.fromEntries(imported.model.layers.map((l) => [l.id, l]));
    expect(L.sub).toMatchObject({ op: 'sub', inputs: ['clip_both', 'conv2'] });
    expect(L.sub).not.toHaveProperty('constant_shape');
    // Constants of rank 3 ([4,1,1]), 0 (scalar) and 4 ([1,1,6,6]) right-aligned to [N,C,H,W], batch dropped.
    expect(L.div).toMatchObject({ op: 'div', constant_shape: [4, 1, 1] });
    expect(L.add).toMatchObject({ op: 'add', constant_shape: [1, 1, 1] });
    expect(L.mul).toMatchObject({ op: 'mul', constant_shape: [1, 6, 6] });
    expect(imported.unsupported).toEqual([{ op: 'Erf', count: 1 }]);
    expect(imported.notes).toEqual([]);
    expect(analysis.totals.macs).toBe(e.macs);
    expect(analysis.outputShape).toEqual(e.output);
    expect(analysis.totals.complete).toBe(false);
    expect(imported.ops.map((o) => o.op).sort()).toEqual(e.ops);
    // Element-wise: sub, div, add and mul each one op per output element of 4·6·6.
    expect(analysis.totals.ops.elementwise).toBe(4 * 4 * 6 * 6);
  });

  it('misc ops map to the expected layers', () => {
    for (const name of ['misc', 'misc_opset11', 'misc_opset17']) {
      const ops = new Set(analyzeOnnx(load(name)).analysis.layers.map((l) => l.op));
      for (const op of [
        'conv_transpose2d',
        'upsample',
        'pad',
        'add',
        'sub',
        'mul',
        'div',
        'maxpool2d',
        'flatten',
        'linear',
        'relu',
      ]) {
        expect(ops, `${name} has ${op}`).toContain(op);
      }
    }
  });

  it('bad inputs give OnnxImportError', () => {
    expect(() => importOnnx(new Uint8Array(0))).toThrow(OnnxImportError);
    expect(() => importOnnx(new TextEncoder().encode('{"format": "convscope-model"}'))).toThrow(
      OnnxImportError,
    );
  });
});
