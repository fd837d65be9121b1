import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '../..');
const FIX = join(ROOT, 'test/fixtures/onnx');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));

/** conv 1→2 k3 (no padding) on 1×6×6, an unsupported op, sub/div/clamp; all hand-countable. */
const MODEL = {
  format: 'convscope-model',
  version: 1,
  name: 'with-unknown',
  input: [1, 6, 6],
  layers: [
    { id: 'conv', op: 'conv2d', out_channels: 2, kernel: 3, bias: false },
    { id: 'erf', op: 'unsupported', name: 'Erf' },
    { id: 'shift', op: 'sub', constant_shape: [1, 1, 1] },
    { id: 'half', op: 'div', inputs: ['shift', 'conv'] },
    { id: 'cap', op: 'clamp', max: 6 },
    { id: 'foo', op: 'unsupported', name: 'Foo', output_shape: [8] },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'convscope-analyze-'));
const FILE = join(dir, 'with-unknown.json');
writeFileSync(FILE, JSON.stringify(MODEL));

async function run(...args: string[]) {
  const out: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: () => {},
    readFile: async (p) => new Uint8Array(readFileSync(p)),
  };
  const code = await main(args, io);
  return { code, out: out.join('\n') };
}

describe('convscope analyze with layers of unknown cost', () => {
  it('--json says complete: false, lists unsupported ops and marks their layers', async () => {
    const r = await run('analyze', FILE, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual([
      'model',
      'input',
      'totals',
      'layers',
      'warnings',
      'complete',
      'unsupported',
    ]);
    expect(doc.complete).toBe(false);
    expect(doc.unsupported).toEqual([
      { op: 'Erf', count: 1 },
      { op: 'Foo', count: 1 },
    ]);
    const L = Object.fromEntries(doc.layers.map((l: { id: string }) => [l.id, l]));
    expect(L.erf.unsupported).toBe('Erf');
    expect(L.conv).not.toHaveProperty('unsupported');
    expect(L.foo.outputShape).toEqual([8]);
    expect(L.cap.op).toBe('clamp');
    // conv: 2·4·4 outputs × 1·3·3 = 288 MACs, the only ones that are known.
    expect(doc.totals.macs).toBe(288);
    expect(
      doc.warnings
        .filter((w: { kind: string }) => w.kind === 'unsupported')
        .map((w: { layerId: string }) => w.layerId),
    ).toEqual(['erf', 'foo']);
  });

  it('the table shows ? for unknown costs and an INCOMPLETE line', async () => {
    const r = await run('analyze', FILE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/erf\s+unsupported \(Erf\)\s+2×4×4\s+\?\s+\?\s+\?/);
    expect(r.out).toMatch(/INCOMPLETE\s+2 layers of unknown cost \(Erf ×1, Foo ×1\)/);
  });

  it('a complete model keeps the exact documented keys', async () => {
    const doc = JSON.parse((await run('analyze', 'zoo:lenet5', '--json')).out);
    expect(Object.keys(doc)).toEqual(['model', 'input', 'totals', 'layers', 'warnings']);
  });

  it('ONNX with Sub, Div, Clip(max only) and Erf: sub, div, clamp and an incomplete analysis', async () => {
    const r = await run('analyze', join(FIX, 'elementwise.onnx'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.complete).toBe(false);
    expect(doc.unsupported).toEqual([{ op: 'Erf', count: 1 }]);
    expect(doc.totals.macs).toBe(expected.elementwise.macs);
    expect(doc.layers.map((l: { op: string }) => l.op)).toEqual([
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
    const table = await run('analyze', join(FIX, 'elementwise.onnx'));
    expect(table.out).toMatch(/INCOMPLETE\s+1 layer of unknown cost \(Erf ×1\)/);
  });

  it('runs as a real process', () => {
    const r = spawnSync(process.execPath, ['bin/convscope.mjs', 'analyze', FILE, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.complete).toBe(false);
    expect(doc.layers.find((l: { id: string }) => l.id === 'half').op).toBe('div');
  });
});
