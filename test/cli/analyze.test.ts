import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, listZoo } from '../../src/core';
import { runCli } from './cli-run';

const FIX = 'test/fixtures/models';

const run = runCli;

describe('convscope analyze', () => {
  it('--json prints exactly the documented document', async () => {
    const r = await run('analyze', 'zoo:resnet18', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['model', 'input', 'totals', 'layers', 'warnings']);
    const a = analyzeModel(getZooModel('resnet18')!);
    expect(Object.keys(doc.totals)).toEqual([
      'params',
      'trainableParams',
      'macs',
      'flops',
      'activationElements',
      'activationBytes',
      'memoryAccessBytes',
      'macsByKind',
    ]);
    // ResNet-18: convolutions and the classifier only; the kinds add up to the MACs.
    expect(doc.totals.macsByKind).toEqual({
      conv: a.totals.macs - 512 * 1000,
      convTranspose: 0,
      linear: 512 * 1000,
      matmul: 0,
      recurrent: 0,
    });
    expect(Object.keys(doc.layers[0])).toEqual([
      'id',
      'op',
      'inputs',
      'outputShape',
      'params',
      'macs',
      'flops',
      'activationBytes',
      'rf',
    ]);
    expect(Object.keys(doc.layers[0].rf)).toEqual(['size', 'jump', 'padding']);
    expect(doc.model).toBe('resnet18');
    expect(doc.input).toEqual([3, 224, 224]);
    expect(doc.totals.params).toBe(a.totals.params);
    expect(doc.totals.macs).toBe(a.totals.macs);
    expect(doc.totals.flops).toBe(2 * a.totals.macs);
    expect(doc.layers).toHaveLength(a.layers.length);
    expect(doc.layers[0]).toEqual({
      id: 'conv1',
      op: 'conv2d',
      inputs: ['input'],
      outputShape: [64, 112, 112],
      params: a.layers[0].params.total,
      macs: a.layers[0].macs,
      flops: a.layers[0].flops,
      activationBytes: a.layers[0].activation.bytes,
      rf: { size: [7, 7], jump: [2, 2], padding: [3, 3] },
    });
    expect(doc.layers[doc.layers.length - 1].outputShape).toEqual([1000]);
    expect(doc.warnings[0]).toEqual({
      layerId: expect.any(String),
      kind: 'inexact-division',
      message: expect.any(String),
    });
  });

  it('--convention macs and --dtype change FLOPs and bytes', async () => {
    const doc = JSON.parse(
      (await run('analyze', 'zoo:lenet5', '--json', '--convention', 'macs', '--dtype=fp16')).out,
    );
    const a = analyzeModel(getZooModel('lenet5')!, { convention: 'macs', dtype: 'fp16' });
    expect(doc.totals.flops).toBe(doc.totals.macs);
    expect(doc.totals.activationBytes).toBe(a.totals.activationBytes);
    expect(doc.totals.activationBytes).toBe(2 * doc.totals.activationElements);
  });

  it('--input overrides the input shape', async () => {
    const doc = JSON.parse((await run('analyze', 'zoo:resnet50', '--input', '3x448x448', '--json')).out);
    expect(doc.input).toEqual([3, 448, 448]);
    expect(doc.layers[0].outputShape).toEqual([64, 224, 224]);
  });

  it('analyses a hand-written JSON file as a table with totals', async () => {
    const r = await run('analyze', `${FIX}/tiny-cnn.json`);
    expect(r.code).toBe(0);
    const json = JSON.parse(await readFile(`${FIX}/tiny-cnn.json`, 'utf8'));
    const a = analyzeModel(json);
    expect(r.out).toMatch(/^tiny-cnn: input 1×28×28, output 10, 11 layers, fp32/);
    expect(r.out).toMatch(/id\s+op\s+output\s+params\s+MACs\s+FLOPs\s+activation\s+RF\/jump/);
    expect(r.out).toMatch(/conv1\s+conv2d\s+8×28×28/);
    expect(r.out).toContain(`MACs         ${a.totals.macs.toLocaleString('en-US')}`);
    expect(r.out).toContain('FLOPs = 2 × MACs');
  });

  it('--csv prints one header, one row per layer and the totals row (RFC 4180, CRLF)', async () => {
    const r = await run('analyze', `${FIX}/tiny-cnn.json`, '--csv');
    expect(r.out.endsWith('\r\n')).toBe(true);
    const lines = r.out.slice(0, -2).split('\r\n');
    expect(lines[0]).toMatch(/^id,op,output_shape,params,macs,flops_flops,/);
    expect(lines).toHaveLength(1 + 11 + 1);
    expect(lines[8]).toMatch(/^sum,add,16x14x14,0,0,0,0,/);
    expect(lines[8]).toMatch(/,relu2 skip,$/);
    expect(lines[12]).toMatch(/^total,,10,/);
  });

  it.each([
    [
      ['analyze', 'test/fixtures/models/missing.json'],
      'convscope analyze: cannot read test/fixtures/models/missing.json: no such file',
    ],
    [
      ['analyze', `${FIX}/broken.json`],
      `convscope analyze: ${FIX}/broken.json: invalid JSON at line 6, column 3: unexpected "]"`,
    ],
    [
      ['analyze', `${FIX}/kernel-too-large.json`],
      `convscope analyze: ${FIX}/kernel-too-large.json: layer "conv3": kernel 7 is larger than the padded input 5×5`,
    ],
    [
      ['analyze', 'zoo:resnet9'],
      'convscope analyze: unknown zoo model "resnet9" (available: lenet5, alexnet,',
    ],
    [
      ['analyze', 'zoo:lenet5', '--dtype', 'fp64'],
      'convscope analyze: --dtype must be fp32, fp16 or int8, got "fp64"',
    ],
    [['analyze', 'zoo:lenet5', '--convention'], 'convscope analyze: --convention needs a value'],
    [['analyze', 'zoo:lenet5', '--frobnicate'], 'convscope analyze: unknown option --frobnicate'],
    [['analyze', 'zoo:lenet5', '--json', '--csv'], 'convscope analyze: --json and --csv cannot be combined'],
    [['analyze', 'zoo:lenet5', '--input', '3x-1x2'], 'convscope analyze: --input must be CxHxW'],
    [
      ['analyze', 'zoo:lenet5', '--input', '1x4x4'],
      'convscope analyze: zoo:lenet5: layer "features.0": kernel 5 is larger than the padded input 4×4',
    ],
    [['analyze'], 'convscope analyze: missing model'],
  ])('bad input %j → exit 1 and one line', async (args, prefix) => {
    const r = await run(...args);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.startsWith(prefix), r.err).toBe(true);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('locates JSON syntax errors by line and column', async () => {
    const { jsonErrorOffset, parseJsonText } = await import('../../src/cli/json-text');
    expect(jsonErrorOffset('{"a": [1, 2, {"b": null}], "c": "x\\"y"}')).toBe(-1);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
    expect(() => parseJsonText('{\n  "a": tru\n}', 'm.json')).toThrow(
      'm.json: invalid JSON at line 2, column 8: unexpected "t"',
    );
  });

  it('works on every zoo model', async () => {
    for (const z of listZoo()) {
      const r = await run('analyze', `zoo:${z.name}`, '--json');
      expect(r.code, z.name).toBe(0);
      expect(JSON.parse(r.out).model).toBe(z.name);
    }
  });

  it('runs as a real process: bin/convscope.mjs', () => {
    const ok = spawnSync(process.execPath, ['bin/convscope.mjs', 'analyze', 'zoo:vgg16', '--json'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect([doc.totals.params, doc.totals.macs]).toEqual([138_357_544, 15_470_264_320]);
    const bad = spawnSync(
      process.execPath,
      ['bin/convscope.mjs', 'analyze', `${FIX}/kernel-too-large.json`],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('layer "conv3"');
    expect(bad.stderr).not.toMatch(/\bat \S+:\d+/); // no stack trace
  });
});
