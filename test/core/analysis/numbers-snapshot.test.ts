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
import { analyzeModel, getZooModel, listZoo } from '../../../src/core';
import { layerWithFormulas } from '../../../src/core/analysis/engine';
import { runCli } from '../../cli/cli-run';
import { EVERY_ID_OP, EVERY_OP, EVERY_SEQUENCE_OP } from '../../helpers/every-op';

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

  it('models with every operator (maps, sequences, token ids) give the same rows, formulas and warnings', async () => {
    const out: string[] = [];
    for (const [m, model] of [EVERY_OP, EVERY_SEQUENCE_OP, EVERY_ID_OP].entries())
      for (const [k, o] of [{}, ALL_COUNTED].entries()) {
        const a = analyzeModel(model, o);
        out.push(`# ${m ? `${model.name}, ` : ''}options ${k}`, `totals ${JSON.stringify(a.totals)}`);
        for (const w of a.warnings) out.push(`warning ${w.kind}: ${w.message}`);
        for (const l of a.layers) {
          const { formulas, ...row } = layerWithFormulas(l);
          out.push(`${l.id} ${JSON.stringify(row)}`);
          for (const f of formulas)
            out.push(`  ${f.quantity} | ${f.formula} | ${f.substituted} | ${f.value}`);
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
