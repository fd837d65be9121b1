import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { analyzeModel, getZooModel } from '../../src/core';
import { computeErf } from '../../src/core/erf';
import { fakeIO, runCli } from './cli-run';

const stacks = JSON.parse(readFileSync(new URL('../fixtures/erf/stacks.json', import.meta.url), 'utf8')) as {
  stacks: { model: { name: string }; uniform: { map: number[]; stats: Record<string, number> } }[];
};

describe('convscope erf', () => {
  it('--json is exactly the documented document, with the core’s numbers', async () => {
    const r = await runCli('erf', 'zoo:rf_three_conv3', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['layer', 'input', 'mode', 'seeds', 'map', 'hull', 'stats']);
    expect(Object.keys(doc.hull)).toEqual(['size', 'start']);
    expect(Object.keys(doc.stats)).toEqual(['side68', 'side95', 'fractionAbove1pct', 'holes']);
    const model = getZooModel('rf_three_conv3')!;
    const core = computeErf(model);
    expect(doc.layer).toBe(core.layer);
    expect(doc.input).toEqual(model.input);
    expect(doc.mode).toBe('uniform');
    expect(doc.map).toHaveLength(core.input[1]);
    expect(doc.map.flat()).toEqual(Array.from(core.map));
    expect(doc.stats).toEqual(core.stats);
    // The hull is the analysis' receptive field of the centre unit.
    const row = analyzeModel(model).layers.find((l) => l.id === core.layer)!;
    expect(doc.hull.size).toEqual(row.rf.size);
  });

  it('gives PyTorch’s map for a model file (the gridding stack, with its holes)', async () => {
    const stack = stacks.stacks.find((s) => s.model.name === 'gridding222')!;
    const f = fakeIO({ 'grid.json': new TextEncoder().encode(JSON.stringify(stack.model)) });
    expect(await main(['erf', 'grid.json', '--json'], f.io)).toBe(0);
    const doc = JSON.parse(f.out.join('\n'));
    const ours = doc.map.flat() as number[];
    const max = Math.max(...stack.uniform.map);
    ours.forEach((v, i) => expect(Math.abs(v - stack.uniform.map[i]) / max).toBeLessThanOrEqual(1e-6));
    expect(doc.stats.holes).toBe(stack.uniform.stats.holes);
    expect(doc.stats.holes).toBeGreaterThan(0);
  });

  it('random mode over N seeds, --layer and --input', async () => {
    const r = await runCli(
      'erf',
      'zoo:resnet18',
      '--input',
      '3x32x32',
      '--layer',
      'layer1.0.conv1',
      '--mode',
      'random',
      '--seeds',
      '2',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ layer: 'layer1.0.conv1', input: [3, 32, 32], mode: 'random', seeds: 2 });
    const core = computeErf(getZooModel('resnet18')!, {
      input: [3, 32, 32],
      layer: 'layer1.0.conv1',
      mode: 'random',
      seeds: 2,
    });
    expect(doc.stats).toEqual(core.stats);
  });

  it('prints a summary with the statistics and a picture of the map', async () => {
    const r = await runCli('erf', 'zoo:rf_dilated_stack');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/theoretical RF\s+31×31/);
    expect(r.out).toMatch(/side 68 %\s+\d+/);
    expect(r.out).toContain('@');
  });

  it('names what is wrong: a layer without a feature map, an operator the engine cannot run, bad flags', async () => {
    let r = await runCli('erf', 'zoo:resnet18', '--layer', 'fc');
    expect(r.code).toBe(1);
    expect(r.err).toContain('layer "fc" is not a [C, H, W] feature map');
    r = await runCli('erf', 'zoo:resnet18', '--layer', 'nope');
    expect(r.err).toContain('no layer "nope"');
    r = await runCli('erf', 'zoo:resnet18', '--seeds', '3');
    expect(r.err).toContain('--seeds applies to --mode random only');
    r = await runCli('erf', 'zoo:resnet18', '--mode', 'gaussian');
    expect(r.err).toContain('--mode must be uniform or random');
    const model = {
      format: 'convscope-model',
      version: 1,
      name: 'up',
      input: [1, 8, 8],
      layers: [
        { id: 'up', op: 'upsample', scale: 2 },
        { id: 'conv', op: 'conv2d', out_channels: 1, kernel: 3 },
      ],
    };
    const f = fakeIO({ 'up.json': new TextEncoder().encode(JSON.stringify(model)) });
    expect(await main(['erf', 'up.json'], f.io)).toBe(1);
    expect(f.err.join('\n')).toContain('layer "up": the gradient engine cannot run operator upsample');
  });
});
