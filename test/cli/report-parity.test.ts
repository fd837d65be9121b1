import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type AnalysisOptions, type ModelSpec } from '../../src/core';
import { analyzeOnnx } from '../../src/core/onnx';
import { reportJson } from '../../src/core/report';
import { analysisCsv } from '../../src/renderer/src/designs/csv';
import { runCli } from './cli-run';

const ONNX = 'test/fixtures/onnx/elementwise.onnx';
const tiny = JSON.parse(readFileSync('test/fixtures/models/tiny-cnn.json', 'utf8')) as ModelSpec;

/** CLI flags for analysis options, as the user would type them. */
function flags(o: Partial<AnalysisOptions>): string[] {
  return [...(o.convention ? ['--convention', o.convention] : []), ...(o.dtype ? ['--dtype', o.dtype] : [])];
}

describe('one report for the CLI and the Designs page', () => {
  it.each([
    ['zoo:resnet18', getZooModel('resnet18')!, {}],
    ['zoo:googlenet', getZooModel('googlenet')!, { convention: 'macs', dtype: 'fp16' }],
    ['test/fixtures/models/tiny-cnn.json', tiny, { dtype: 'int8' }],
    ['test/fixtures/models/hostile-strings.json', undefined, {}],
  ] as [string, ModelSpec | undefined, Partial<AnalysisOptions>][])(
    '%s %j: `analyze --csv` prints the bytes the Designs export downloads',
    async (arg, spec, options) => {
      const model = spec ?? (JSON.parse(readFileSync(arg, 'utf8')) as ModelSpec);
      const cli = await runCli('analyze', arg, '--csv', ...flags(options));
      expect(cli.code).toBe(0);
      const designs = analysisCsv(analyzeModel(model, options));
      expect(Buffer.from(cli.out)).toEqual(Buffer.from(designs));
      expect(designs.split('\r\n')).toHaveLength(1 + model.layers.length + 1 + 1);
    },
  );

  it('ONNX input: the CLI and the Designs "Open ONNX" analysis give the same CSV', async () => {
    const { analysis } = analyzeOnnx(new Uint8Array(readFileSync(ONNX)));
    const cli = await runCli('analyze', ONNX, '--csv');
    expect(cli.out).toBe(analysisCsv(analysis));
  });

  it('`analyze --json` is the report module’s document', async () => {
    const cli = await runCli('analyze', 'zoo:mobilenet_v2', '--json', '--dtype', 'fp16');
    const model = getZooModel('mobilenet_v2')!;
    const doc = reportJson(analyzeModel(model, { dtype: 'fp16' }), model);
    expect(cli.out).toBe(JSON.stringify(doc, null, 2));
  });

  it('the totals row of the CSV carries the analysis totals', async () => {
    const a = analyzeModel(getZooModel('resnet18')!);
    const lines = analysisCsv(a).trimEnd().split('\r\n');
    const header = lines[0].split(',');
    const total = lines.at(-1)!.split(',');
    const col = (name: string) => total[header.indexOf(name)];
    expect(col('id')).toBe('total');
    expect(col('params')).toBe(String(a.totals.params));
    expect(col('macs')).toBe(String(a.totals.macs));
    expect(col('flops_flops')).toBe(String(a.totals.flops));
    expect(col('activation_bytes_fp32')).toBe(String(a.totals.activationBytes));
    expect(col('memory_access_bytes_fp32')).toBe(String(a.totals.memoryAccessBytes));
  });
});

describe('the CSV of a model with layers of unknown cost', () => {
  it('leaves their costs empty (not 0) and names the operator', async () => {
    const { analysis } = analyzeOnnx(new Uint8Array(readFileSync(join(ONNX))));
    const [header, ...rows] = analysisCsv(analysis)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const erf = rows.find((r) => r[header.indexOf('op')] === 'unsupported')!;
    for (const name of ['params', 'macs', 'flops_flops', 'trainable_params'])
      expect(erf[header.indexOf(name)], name).toBe('');
    expect(erf[header.indexOf('unsupported')]).toBe('Erf');
  });
});
