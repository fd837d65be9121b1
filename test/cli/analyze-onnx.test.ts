import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIO } from './cli-run';

const ROOT = join(__dirname, '../..');
const FIX = join(ROOT, 'test/fixtures/onnx');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));

describe('convscope analyze model.onnx', () => {
  it('--json has the zoo schema plus unsupported (empty for a complete import)', async () => {
    const { io, out } = fakeIO();
    expect(await main(['analyze', join(FIX, 'resnet18_bn.onnx'), '--json'], io)).toBe(0);
    const doc = JSON.parse(out.join(''));
    expect(doc.totals.macs).toBe(expected.resnet18_bn.macs);
    expect(doc.totals.params).toBe(expected.resnet18_bn.params);
    expect(doc.unsupported).toEqual([]);
    expect(doc.complete).toBe(true);
    const zoo = fakeIO();
    await main(['analyze', 'zoo:resnet18', '--json'], zoo.io);
    const zdoc = JSON.parse(zoo.out.join(''));
    for (const key of Object.keys(zdoc)) expect(doc).toHaveProperty(key);
    expect(Object.keys(doc.layers[0]).sort()).toEqual(Object.keys(zdoc.layers[0]).sort());
  });

  it('--json lists unsupported ops with counts', async () => {
    const { io, out } = fakeIO();
    expect(await main(['analyze', join(FIX, 'unsupported.onnx'), '--json'], io)).toBe(0);
    const doc = JSON.parse(out.join(''));
    expect(doc.unsupported).toEqual([
      { op: 'CumSum', count: 1 },
      { op: 'Softplus', count: 1 },
      { op: 'TopK', count: 1 },
    ]);
    expect(doc.complete).toBe(false);
    expect(doc.warnings.some((w: { kind: string }) => w.kind === 'unsupported')).toBe(true);
  });

  it('the table says when totals are incomplete', async () => {
    const { io, out } = fakeIO();
    expect(await main(['analyze', join(FIX, 'unsupported.onnx')], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/INCOMPLETE/);
    expect(text).toMatch(/TopK ×1/);
  });

  it('--input fills symbolic dimensions', async () => {
    const { io, out, err } = fakeIO();
    expect(await main(['analyze', join(FIX, 'shared_symbolic.onnx')], io)).toBe(1);
    expect(err.join('')).toMatch(/symbolic/);
    expect(
      await main(['analyze', join(FIX, 'shared_symbolic.onnx'), '--input', '4x10x12', '--json'], io),
    ).toBe(0);
    expect(JSON.parse(out.join('')).input).toEqual([4, 10, 12]);
  });

  it('a bad file is one line on stderr and exit 1', async () => {
    const { io, out, err } = fakeIO({
      'bad.onnx': new Uint8Array([1, 2, 3, 4, 5]),
      'empty.onnx': new Uint8Array(0),
    });
    expect(await main(['analyze', 'bad.onnx'], io)).toBe(1);
    expect(await main(['analyze', 'empty.onnx'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^convscope analyze: bad\.onnx: the file/);
    expect(err[1]).toBe('convscope analyze: empty.onnx: the file is empty');
  });

  it('runs as a real process, reading the file on demand', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/convscope.mjs'), 'analyze', join(FIX, 'mobilenet_v2_bn.onnx'), '--json'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals.macs).toBe(expected.mobilenet_v2_bn.macs);
    expect(doc.unsupported).toEqual([]);
    const missing = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/convscope.mjs'), 'analyze', join(FIX, 'nope.onnx')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^convscope analyze: cannot read .*nope\.onnx: no such file$/);
  });
});
