import { describe, expect, it } from 'vitest';
import { getZooModel } from '../../src/core';
import { diffDesigns } from '../../src/core/diff';
import { runCli } from './cli-run';

describe('convscope diff', () => {
  it('--json is the core diff', async () => {
    const r = await runCli('diff', 'zoo:resnet18', 'zoo:resnet34', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(
      JSON.parse(JSON.stringify(diffDesigns(getZooModel('resnet18')!, getZooModel('resnet34')!))),
    );
  });

  it('the table lists totals with B − A and only the layers that differ', async () => {
    const r = await runCli('diff', 'zoo:resnet18', 'test/fixtures/onnx/resnet18_bn.onnx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^params\s+11,689,512\s+11,689,512\s+0$/m);
    expect(r.out).toContain('layers: 68 same, 1 changed, 0 added (+), 0 removed (-)');
    expect(r.out).toMatch(
      /^~\s+avgpool\s+\/avgpool\/GlobalAveragePool\s+adaptive_avgpool2d→global_avgpool\s+op /m,
    );
    expect(
      (await runCli('diff', 'zoo:resnet18', 'zoo:resnet18', '--all')).out
        .split('\n')
        .filter((l) => l.startsWith('=')),
    ).toHaveLength(69);
  });

  it('usage errors and designs that do not load are named', async () => {
    expect((await runCli('diff', 'zoo:resnet18')).err).toMatch(/usage: convscope diff <A> <B>/);
    expect((await runCli('diff', 'zoo:resnet18', 'zoo:nope')).err).toMatch(/unknown zoo model "nope"/);
    expect((await runCli('diff', 'zoo:a', 'zoo:b', '--colour')).err).toMatch(/unknown argument "--colour"/);
  });
});
