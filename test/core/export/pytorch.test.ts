/**
 * The PyTorch export, checked by running it: for every zoo model and the every-operator models,
 * PyTorch's parameter count and every layer's output shape (measured by test/fixtures/export/measure.py
 * on the exported file) equal ConvScope's analysis. The measurements are kept with the sha256 of the
 * file PyTorch ran, so a change to the export fails here until they are measured again
 * (`npx tsx test/fixtures/export/make-reference.ts`); where python3-torch is installed, the small
 * cases are also run live.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, type ModelSpec } from '../../../src/core';
import { OPERATORS } from '../../../src/core/analysis/ops';
import { exportPytorch, PytorchExportError } from '../../../src/core/export/pytorch';
import { EXPORT_CASES } from '../../fixtures/export/cases';
import { EVERY_OP } from '../../helpers/every-op';

interface Measured {
  sha256: string;
  params?: number;
  shapes?: Record<string, number[]>;
  error?: string;
}
const FIXTURE = 'test/fixtures/export';
const reference = JSON.parse(readFileSync(join(FIXTURE, 'pytorch-measured.json'), 'utf8')) as {
  files: Record<string, Measured>;
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What ConvScope says PyTorch should measure: parameters and each layer's output shape. */
function expected(model: ModelSpec) {
  const a = analyzeModel(model);
  return {
    params: a.totals.params,
    shapes: Object.fromEntries(a.layers.map((l) => [l.id, [...l.outputShape]])),
  };
}

describe('PyTorch export: the exported module is the analysed design', () => {
  it.each(EXPORT_CASES.map((c) => [c.name, c.model] as const))('%s', (name, model) => {
    const { code, unsupported } = exportPytorch(model);
    expect(unsupported).toEqual([]);
    const measured = reference.files[`${name}.py`];
    expect(measured, `no PyTorch measurement of ${name}: run make-reference.ts`).toBeDefined();
    expect(
      measured.sha256,
      `the export of ${name} changed since PyTorch measured it: run npx tsx ${FIXTURE}/make-reference.ts`,
    ).toBe(sha256(code));
    expect(measured.error).toBeUndefined();
    expect({ params: measured.params, shapes: measured.shapes }).toEqual(expected(model));
  });

  const torch = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  it.runIf(torch)('live: PyTorch runs the small cases and measures the same (python3-torch present)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convscope-export-'));
    try {
      const small = EXPORT_CASES.filter((c) => c.small);
      for (const c of small) writeFileSync(join(dir, `${c.name}.py`), exportPytorch(c.model).code);
      const run = spawnSync('/usr/bin/python3', [join(FIXTURE, 'measure.py'), dir], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const live = JSON.parse(run.stdout) as Record<string, Measured>;
      for (const c of small) {
        const m = live[`${c.name}.py`];
        expect(m.error, c.name).toBeUndefined();
        expect({ params: m.params, shapes: m.shapes }, c.name).toEqual(expected(c.model));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PyTorch export: what cannot be written is named, never dropped', () => {
  it('an unsupported layer is listed, named in the header and raises where it would run', () => {
    const { code, unsupported } = exportPytorch(EVERY_OP);
    expect(unsupported.map((u) => [u.id, u.op])).toEqual([['un', 'unsupported']]);
    expect(code).toMatch(/NOT EXPORTED[^\n]*\n\s+un \(unsupported\): operator Foo is known only/);
    expect(code).toMatch(/^ {8}raise NotImplementedError\("layer un \(unsupported\): /m);
    expect(new PytorchExportError(unsupported).message).toMatch(/^cannot export to PyTorch: layer "un"/);
  });

  it('max pooling with ceil_mode and asymmetric padding is refused with the reason', () => {
    const model: ModelSpec = {
      format: 'convscope-model',
      version: 1,
      name: 'ceil',
      input: [1, 8, 8],
      layers: [{ id: 'p', op: 'maxpool2d', kernel: 2, stride: 1, padding: 'same', ceil_mode: true }],
    };
    expect(exportPytorch(model).unsupported).toEqual([
      {
        id: 'p',
        op: 'maxpool2d',
        reason: 'PyTorch pooling cannot combine ceil_mode with asymmetric ("same") padding',
      },
    ]);
  });

  it('every operator has a PyTorch form (the placeholder for unknown operators refuses, naming it)', () => {
    expect(OPERATORS.filter((o) => 'none' in o.pytorch).map((o) => o.op)).toEqual([]);
  });

  it('layer ids become distinct Python names; the class is named after the design', () => {
    const model: ModelSpec = {
      format: 'convscope-model',
      version: 1,
      name: 'VGG-16 baseline',
      input: [3, 8, 8],
      layers: [
        { id: 'layer1.0', op: 'relu' },
        { id: 'layer1_0', op: 'relu' },
        { id: 'class', op: 'relu' },
        { id: '1x', op: 'relu' },
        { id: 'x', op: 'relu' },
      ],
    };
    const e = exportPytorch(model);
    expect(e.className).toBe('Vgg16Baseline');
    expect(Object.values(e.names)).toEqual(['layer1_0', 'layer1_0_2', 'class_', 'l_1x', 'x_']);
    expect(e.code).toContain('class Vgg16Baseline(nn.Module):');
    expect(e.code).toContain('        x_ = self.x_(l_1x)  # [N, 3, 8, 8]');
  });
});
