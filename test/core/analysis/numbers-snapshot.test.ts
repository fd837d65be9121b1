/**
 * The numbers of `convscope analyze --json` for every zoo model and every model fixture (ONNX and
 * JSON), kept as a file snapshot so that a change to how operators are computed cannot move a number
 * unnoticed. Each layer is one line (id, op, shape, params, MACs, FLOPs, activation bytes, RF); the
 * rest of the document (warnings, totals, formulas under other options) is kept as a digest.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, listZoo, type ModelSpec } from '../../../src/core';
import { layerWithFormulas } from '../../../src/core/analysis/engine';
import { runCli } from '../../cli/cli-run';

const FIXTURES = ['test/fixtures/onnx', 'test/fixtures/models'];

interface Doc {
  totals: Record<string, number>;
  layers: {
    id: string;
    op: string;
    outputShape: number[];
    params: number;
    macs: number;
    flops: number;
    activationBytes: number;
    rf: { size: number[]; jump: number[]; padding: number[] };
  }[];
}

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

async function summary(source: string): Promise<string> {
  const r = await runCli('analyze', source, '--json');
  if (r.code !== 0) return `## ${source}\nerror: ${r.err}\n`;
  const doc = JSON.parse(r.out) as Doc;
  const lines = doc.layers.map(
    (l) =>
      `${l.id} ${l.op} [${l.outputShape.join(',')}] p=${l.params} m=${l.macs} f=${l.flops} a=${l.activationBytes} rf=${l.rf.size.join('x')}/${l.rf.jump.join('x')}/${l.rf.padding.join('x')}`,
  );
  return [
    `## ${source}`,
    `totals ${JSON.stringify(doc.totals)}`,
    `document ${digest(doc)}`,
    ...lines,
    '',
  ].join('\n');
}

describe('analyze numbers stay put', () => {
  it('every zoo model and fixture gives the same analyze --json numbers', async () => {
    const sources = [
      ...listZoo().map((z) => `zoo:${z.name}`),
      ...FIXTURES.flatMap((dir) =>
        readdirSync(dir)
          .filter((f) => /\.(onnx|json)$/.test(f) && f !== 'expected.json')
          .sort()
          .map((f) => join(dir, f)),
      ),
    ];
    const parts: string[] = [];
    for (const s of sources) parts.push(await summary(s));
    await expect(parts.join('\n')).toMatchFileSnapshot('__snapshots__/analyze-numbers.txt');
  }, 120_000);

  it('every zoo model gives the same rows and formula traces under every counting option', async () => {
    const options = [
      {},
      {
        convention: 'macs' as const,
        countBias: true,
        countNorm: true,
        countActivations: true,
        countPooling: true,
        countElementwise: true,
        dtype: 'fp16' as const,
        inplaceActivations: true,
      },
    ];
    const lines: string[] = [];
    for (const z of listZoo()) {
      const model = getZooModel(z.name);
      if (!model) throw new Error(z.name);
      for (const [k, o] of options.entries()) {
        const a = analyzeModel(model, o);
        const rows = a.layers.map((l) => layerWithFormulas(l));
        lines.push(`${z.name}#${k} ${digest({ rows, totals: a.totals, warnings: a.warnings })}`);
      }
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/analyze-formulas.txt');
  }, 120_000);

  it('a model with every operator gives the same rows, formulas and warnings', async () => {
    const out: string[] = [];
    for (const [k, o] of [{}, ALL_COUNTED].entries()) {
      const a = analyzeModel(EVERY_OP, o);
      out.push(`# options ${k}`, `totals ${JSON.stringify(a.totals)}`);
      for (const w of a.warnings) out.push(`warning ${w.kind}: ${w.message}`);
      for (const l of a.layers) {
        const { formulas, ...row } = layerWithFormulas(l);
        out.push(`${l.id} ${JSON.stringify(row)}`);
        for (const f of formulas) out.push(`  ${f.quantity} | ${f.formula} | ${f.substituted} | ${f.value}`);
      }
    }
    await expect(out.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/analyze-every-op.txt');
  });
});

const ALL_COUNTED = {
  convention: 'macs' as const,
  countBias: true,
  countNorm: true,
  countActivations: true,
  countPooling: true,
  countElementwise: true,
  dtype: 'int8' as const,
  inplaceActivations: true,
};

/** Every operator at least once, with non-default attributes where it has some. */
const EVERY_OP: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'every op',
  input: [3, 17, 17],
  layers: [
    { id: 'c1', op: 'conv2d', out_channels: 8, kernel: 3, stride: 2 },
    { id: 'c2', op: 'conv2d', out_channels: 8, kernel: [3, 1], padding: 'same', groups: 2, bias: false },
    { id: 'c3', op: 'conv2d', out_channels: 8, kernel: 3, dilation: 2, padding: 2 },
    { id: 'bn', op: 'batchnorm' },
    { id: 'bn2', op: 'batchnorm', affine: false, track_running_stats: false },
    { id: 'r', op: 'relu' },
    { id: 'r6', op: 'relu6' },
    { id: 'lr', op: 'leaky_relu', negative_slope: 0.2 },
    { id: 'el', op: 'elu', alpha: 0.5 },
    { id: 'ge', op: 'gelu' },
    { id: 'si', op: 'silu' },
    { id: 'sg', op: 'sigmoid' },
    { id: 'th', op: 'tanh' },
    { id: 'hs', op: 'hardswish' },
    { id: 'hsg', op: 'hardsigmoid' },
    { id: 'sm', op: 'softmax' },
    { id: 'cl', op: 'clamp', min: -1, max: 1 },
    { id: 'ln', op: 'layernorm' },
    { id: 'mp', op: 'maxpool2d', kernel: 3, stride: 2, padding: 1, ceil_mode: true },
    { id: 'up', op: 'upsample', scale: 2, mode: 'bilinear' },
    { id: 'up2', op: 'upsample', size: [9, 10] },
    { id: 'ap', op: 'avgpool2d', kernel: 2, stride: 1 },
    { id: 'pd', op: 'pad', padding: [1, 0, 2, 1], mode: 'replicate' },
    {
      id: 'ct',
      op: 'conv_transpose2d',
      out_channels: 4,
      kernel: 3,
      stride: 2,
      padding: 1,
      output_padding: 1,
    },
    { id: 'a1', op: 'add', inputs: ['ct', 'ct'] },
    { id: 'm1', op: 'mul', constant_shape: [4, 1, 1] },
    { id: 's1', op: 'sub', inputs: ['a1', 'm1'] },
    { id: 'd1', op: 'div', constant_shape: [1, 1, 1] },
    { id: 'cat', op: 'concat', inputs: ['d1', 's1'] },
    { id: 'id', op: 'identity' },
    { id: 'dr', op: 'dropout', p: 0.1 },
    { id: 'un', op: 'unsupported', name: 'Foo' },
    { id: 'aap', op: 'adaptive_avgpool2d', output_size: [3, 5] },
    { id: 'gap', op: 'global_avgpool', inputs: ['cat'] },
    { id: 'fl', op: 'flatten' },
    { id: 'fc', op: 'linear', out_features: 5 },
    { id: 'ln2', op: 'layernorm', elementwise_affine: false },
    { id: 'fl2', op: 'flatten', inputs: ['aap'] },
    { id: 'fc2', op: 'linear', out_features: 5, bias: false },
    { id: 'cat2', op: 'concat', inputs: ['ln2', 'fc2'] },
  ],
};
