import { describe, expect, it } from 'vitest';
import { getZooModel } from '../../src/core';
import { exportPytorch } from '../../src/core/export/pytorch';
import { runCli } from './cli-run';

describe('convscope export', () => {
  it('--pytorch prints the same module as the core export (the file PyTorch checks run)', async () => {
    const r = await runCli('export', 'zoo:resnet18', '--pytorch');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(exportPytorch(getZooModel('resnet18')!).code);
    expect((await runCli('export', '--format', 'pytorch', 'zoo:resnet18')).out).toBe(r.out);
  });

  it('--input changes the input the module is written for', async () => {
    const r = await runCli('export', 'zoo:lenet5', '--pytorch', '--input', '1x32x32');
    expect(r.out).toContain('INPUT_SHAPE = (1, 1, 32, 32)');
  });

  it('an ONNX file exports as model JSON and as PyTorch', async () => {
    const json = await runCli('export', 'test/fixtures/onnx/residual.onnx', '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ format: 'convscope-model', version: 1 });
    const py = await runCli('export', 'test/fixtures/onnx/residual.onnx', '--pytorch');
    expect(py.code).toBe(0);
    expect(py.out).toMatch(/^class \w+\(nn\.Module\):$/m);
  });

  it('a layer PyTorch cannot express fails the export and is named', async () => {
    const r = await runCli('export', 'test/fixtures/onnx/unsupported.onnx', '--pytorch');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^convscope export: cannot export to PyTorch: layer "\/Softplus" \(unsupported\): operator Softplus is known only/,
    );
  });

  it.each([
    [['zoo:lenet5'], /usage: convscope export/],
    [['zoo:lenet5', '--format', 'keras'], /unknown format "keras" \(pytorch or json\)/],
    [['zoo:lenet5', '--pytorch', '--format', 'json'], /--pytorch or --format, not both/],
    [['zoo:lenet5', 'zoo:vgg11', '--pytorch'], /one model only/],
    [['zoo:nope', '--pytorch'], /unknown zoo model "nope"/],
  ])('usage errors name the problem: %j', async (args, message) => {
    const r = await runCli('export', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });
});
