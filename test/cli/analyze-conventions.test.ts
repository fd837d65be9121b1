/** `convscope analyze --convention NAME` and `--training OPT --batch N`, as a user runs them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, analyzeTraining, applyConvention, getZooModel } from '../../src/core';
import { runCli as run } from './cli-run';

describe('convscope analyze --convention', () => {
  it.each(['paper', 'all', 'fvcore', 'ptflops'] as const)('--json states the convention %s', async (name) => {
    const r = await run('analyze', 'zoo:mobilenet_v2', '--convention', name, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const model = getZooModel('mobilenet_v2')!;
    const want = applyConvention(model, analyzeModel(model), name);
    expect(doc.convention.name).toBe(name);
    expect(doc.convention.unit).toBe(want.convention.unit);
    expect(doc.convention.label).toBe(want.convention.label);
    expect(doc.convention.total).toBe(want.total);
    expect(doc.convention.layers).toHaveLength(doc.layers.length);
    expect(doc.convention.layers[0]).toEqual({
      id: 'features.0.0',
      count: want.layers[0].value,
      rule: want.layers[0].rule,
    });
    // The legacy FLOPs column is left as it was.
    expect(doc.totals.flops).toBe(2 * doc.totals.macs);
  });

  it('the table shows each figure with its rule, the unit and what fvcore warns about', async () => {
    const r = await run('analyze', 'zoo:resnet18', '--convention', 'fvcore');
    expect(r.code).toBe(0);
    expect(r.out).toContain('convention   fvcore (MACs)');
    expect(r.out).toMatch(/total {8}1,819,065,856 MACs/);
    expect(r.out).toContain('not counted  by fvcore, which warns: aten::max_pool2d ×1, aten::add ×8');
  });

  it('an operator not understood is listed and the total marked incomplete, not zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convscope-conv-'));
    const file = join(dir, 'm.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'convscope-model',
        version: 1,
        name: 'm',
        input: [1, 6, 6],
        layers: [
          { id: 'conv', op: 'conv2d', out_channels: 2, kernel: 3, bias: false },
          { id: 'erf', op: 'unsupported', name: 'Erf' },
          { id: 'erf2', op: 'unsupported', name: 'Erf' },
        ],
      }),
    );
    const text = await run('analyze', file, '--convention', 'all', '--training', 'sgd');
    expect(text.out).toContain('INCOMPLETE   operators not understood: Erf ×2; the total is a lower bound');
    expect(text.out).toContain('INCOMPLETE     operators not understood: Erf ×2; figures are lower bounds');
    const doc = JSON.parse(
      (await run('analyze', file, '--convention', 'paper', '--training', 'sgd', '--json')).out,
    );
    expect(doc.convention.complete).toBe(false);
    expect(doc.convention.unsupported).toEqual([{ name: 'Erf', count: 2 }]);
    expect(doc.convention.layers[1].count).toBeNull();
    expect(doc.convention.total).toBe(2 * 4 * 4 * 9);
    expect(doc.training.complete).toBe(false);
    expect(doc.training.unsupported).toEqual([{ name: 'Erf', count: 2 }]);
  });

  it.each([
    [['--convention', 'thop'], '--convention must be paper, all, fvcore, ptflops, macs or flops, got "thop"'],
    [['--training', 'rmsprop'], '--training must be sgd, momentum, adam, adamw, got "rmsprop"'],
    [['--training', 'sgd', '--batch', '0'], '--batch must be a positive integer, got "0"'],
    [['--batch', '4'], '--batch needs --training'],
    [['--convention', 'all', '--csv'], '--csv prints the layer table only'],
  ])('bad flags %j → exit 1 and one line', async (flags, message) => {
    const r = await run('analyze', 'zoo:lenet5', ...flags);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('convscope analyze --training', () => {
  it('--json has the training object with the documented keys', async () => {
    const r = await run(
      'analyze',
      'zoo:resnet18',
      '--training',
      'adam',
      '--batch',
      '8',
      '--inplace',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc.training)).toEqual([
      'optimizer',
      'batch',
      'forwardMacs',
      'backwardMacs',
      'stepMacs',
      'paramBytes',
      'gradBytes',
      'optimizerStateBytes',
      'savedActivationBytes',
      'peakBytes',
      'peakAt',
      'complete',
      'unsupported',
      'layers',
    ]);
    const model = getZooModel('resnet18')!;
    const t = analyzeTraining(model, analyzeModel(model, { inplaceActivations: true }), {
      optimizer: 'adam',
      batch: 8,
    });
    expect(doc.training.optimizer).toBe('adam');
    expect(doc.training.batch).toBe(8);
    expect(doc.training.backwardMacs).toBe(t.backwardMacs);
    expect(doc.training.savedActivationBytes).toBe(t.savedActivationBytes);
    expect(doc.training.peakBytes).toBe(t.peakBytes);
  });

  it('the table adds the training step', async () => {
    const r = await run('analyze', 'zoo:vgg11', '--training', 'momentum');
    expect(r.out).toContain('training     momentum, batch 1');
    expect(r.out).toMatch(/backward MACs {2}15,131,475,968/);
  });
});
