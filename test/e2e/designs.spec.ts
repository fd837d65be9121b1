import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { diffDesigns } from '../../src/core/diff';
import { analyzeModel, validateModel, type ModelSpec } from '../../src/core';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/** The net the first test builds through the layer table, written out independently of the UI. */
const TINY: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'Tiny net',
  input: [3, 32, 32],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
    { id: 'relu1', op: 'relu' },
    { id: 'pool1', op: 'maxpool2d', kernel: 2 },
    { id: 'flatten1', op: 'flatten' },
    { id: 'fc1', op: 'linear', out_features: 10 },
  ],
};

interface OnnxReference {
  totals: { params: number; macs: number };
  unsupported: { op: string; count: number }[];
  complete: boolean;
}

/**
 * The core's analysis of an ONNX fixture, through the CLI (the same module the page runs): the ONNX
 * reader's generated code cannot be loaded by the spec runner's own module loader.
 */
function analyzeOnnxFile(file: string): OnnxReference {
  const run = spawnSync(process.execPath, ['bin/convscope.mjs', 'analyze', file, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as OnnxReference;
}

// Every test drives a whole workspace on a shared 2-core machine: allow for a slow machine.
test.describe.configure({ timeout: 180_000 });

async function saveViaApi(page: Page, name: string, model: unknown): Promise<string> {
  const result = await page.evaluate(
    async ({ name, model }) => {
      const response = await fetch('/api/designs:save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, model }),
      });
      return (await response.json()) as { ok: boolean; value?: { id: string } };
    },
    { name, model },
  );
  expect(result.ok).toBe(true);
  return result.value!.id;
}

test('build a net layer by layer, numbers match the core, save, reload, edit, restore a version', async ({
  page,
  web,
  consoleErrors,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Tiny net');
  await expect(page.getByTestId('layers-empty')).toBeVisible();

  await d.addLayer('conv2d');
  await d.setField('out_channels', '8');
  await d.addLayer('relu');
  await d.addLayer('maxpool2d');
  await d.addLayer('flatten');
  await d.addLayer('linear');
  await d.setField('out_features', '10');
  // The editor names layers <prefix><n>; the reference model uses the same ids.
  for (const layer of TINY.layers) await expect(d.layerRow(layer.id)).toHaveCount(1);
  const built = await d.model();
  expect(built.layers).toEqual(TINY.layers);
  expect(built.input).toEqual(TINY.input);

  const expected = analyzeModel(TINY);
  await expect(d.total('params')).toHaveAttribute('data-value', String(expected.totals.params));
  await expect(d.total('macs')).toHaveAttribute('data-value', String(expected.totals.macs));
  await expect(d.total('flops')).toHaveAttribute('data-value', String(expected.totals.flops));
  const convRow = page.locator('[data-testid="analysis-row"][data-layer-id="conv1"]');
  await expect(convRow.getByTestId('cell-macs')).toHaveAttribute(
    'data-value',
    String(expected.layers[0].macs),
  );
  await expect(convRow.getByTestId('cell-output')).toHaveText(expected.layers[0].outputShape.join('×'));
  // The output-size trace on hover.
  await convRow.getByTestId('cell-output').hover();
  await expect(page.getByTestId('output-trace')).toBeVisible();

  // The MACs convention switch: FLOPs = MACs.
  await page.getByTestId('editor-convention').getByText('FLOPs = MACs').click();
  await expect(d.total('flops')).toHaveAttribute(
    'data-value',
    String(analyzeModel(TINY, { convention: 'macs' }).totals.flops),
  );

  // An invalid value shows the core's message inline and keeps the last analysis on screen.
  await d.selectLayer('conv1');
  await d.setField('kernel', '40');
  await expect(page.getByTestId('layer-issue').first()).toContainText('conv1');
  await expect(page.getByTestId('analysis-stale')).toBeVisible();
  await expect(page.getByTestId('editor-save')).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layer-issues')).toHaveCount(0);
  await expect(d.total('macs')).toHaveAttribute('data-value', String(expected.totals.macs));

  await d.save();
  await expect(page).toHaveURL(/design=/);

  // Reload the app: the design reopens from the database.
  await page.reload();
  await expect(d.editor).toBeVisible();
  await expect(d.total('macs')).toHaveAttribute('data-value', String(expected.totals.macs));

  // Edit and save a second version.
  const wider: ModelSpec = {
    ...TINY,
    layers: [{ ...TINY.layers[0], out_channels: 16 } as ModelSpec['layers'][number], ...TINY.layers.slice(1)],
  };
  await d.selectLayer('conv1');
  await d.setField('out_channels', '16');
  await expect(d.total('macs')).toHaveAttribute('data-value', String(analyzeModel(wider).totals.macs));
  await d.save();

  // Restart the server: reopen from the library.
  await shell.open(await web.restart(), 'designs');
  await d.openFromLibrary('Tiny net');
  await expect(d.total('params')).toHaveAttribute('data-value', String(analyzeModel(wider).totals.params));

  await page.getByTestId('editor-versions').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  const oldest = page.getByTestId('version-row').nth(1);
  await oldest.getByTestId('version-view').click();
  await expect(page.getByTestId('version-preview')).toContainText('"out_channels": 8');
  await oldest.getByTestId('version-restore').click();
  await expect(page.getByTestId('versions-dialog')).toBeHidden();
  await expect(d.total('params')).toHaveAttribute('data-value', String(expected.totals.params));
  await page.getByTestId('editor-versions').click();
  await expect(page.getByTestId('version-row')).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test('compare two saved designs side by side', async ({ page, web }) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  const wide: ModelSpec = {
    ...TINY,
    name: 'wide',
    layers: [{ id: 'conv1', op: 'conv2d', out_channels: 32, kernel: 3, padding: 1 }, ...TINY.layers.slice(1)],
  };
  await saveViaApi(page, 'Narrow', TINY);
  await saveViaApi(page, 'Wide', wide);
  await page.reload();
  await d.tab('compare').click();
  await d.choose(page.getByTestId('compare-a'), 'Narrow');
  await d.choose(page.getByTestId('compare-b'), 'Wide');
  const a = analyzeModel(TINY).totals;
  const b = analyzeModel(wide).totals;
  const macs = page.getByTestId('compare-row-macs');
  await expect(macs.getByTestId('compare-value-a')).toHaveAttribute('data-value', String(a.macs));
  await expect(macs.getByTestId('compare-value-b')).toHaveAttribute('data-value', String(b.macs));
  await expect(macs.getByTestId('compare-diff')).toHaveAttribute('data-value', String(b.macs - a.macs));
  await expect(page.getByTestId('compare-row-params').getByTestId('compare-value-b')).toHaveAttribute(
    'data-value',
    String(b.params),
  );
  await expect(page.getByTestId('compare-chart').locator('canvas')).toHaveCount(1);

  // Layer by layer: only conv1 differs (its out_channels), and the layers after it by their shapes.
  const expected = diffDesigns(TINY, wide);
  const changed = page.locator('[data-testid="compare-layer-row"]');
  await expect(changed).toHaveCount(expected.rows.filter((r) => r.status !== 'same').length);
  const conv1 = changed.first();
  await expect(conv1).toHaveAttribute('data-status', 'changed');
  await expect(conv1).toContainText('out_channels: 8 → 32');
  const conv1Params = expected.rows[0].figures.find((f) => f.key === 'params')!.delta;
  await expect(conv1.getByTestId('compare-layer-params')).toHaveText(
    `+${conv1Params.toLocaleString('en-US')}`,
  );
  await page.getByTestId('compare-show-same').click();
  await expect(changed).toHaveCount(expected.rows.length);
});

test('export JSON and CSV, re-import the JSON; an invalid file is refused and nothing is lost', async ({
  page,
  web,
}, testInfo) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-18', 'ResNet-18');
  await d.save();

  const jsonPath = await d.exportAs('Design as JSON', testInfo.outputPath('export.json'));
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as ModelSpec;
  const check = validateModel(exported);
  expect(check.ok).toBe(true);
  const expected = analyzeModel(exported).totals;

  const csv = readFileSync(
    await d.exportAs('Per-layer table as CSV', testInfo.outputPath('export.csv')),
    'utf8',
  )
    .trim()
    .split('\r\n');
  expect(csv[0].split(',').slice(0, 5)).toEqual(['id', 'op', 'output_shape', 'params', 'macs']);
  expect(csv).toHaveLength(analyzeModel(exported).layers.length + 2);
  expect(csv.at(-1)!.split(',')[4]).toBe(String(expected.macs));

  // Unsaved work in the editor, then two bad files: the work must survive both.
  await page.getByTestId('editor-name').locator('input').fill('ResNet-18 (edited)');
  await d.tab('library').click();
  const broken = testInfo.outputPath('broken.json');
  writeFileSync(broken, '{"format": "convscope-model", "layers": [');
  await page.getByTestId('design-import-file').setInputFiles(broken);
  await expect(page.getByTestId('import-error')).toContainText('not valid JSON');
  await expect(page.getByTestId('import-error')).toContainText('broken.json');
  const badLayer = testInfo.outputPath('bad-layer.json');
  writeFileSync(badLayer, JSON.stringify({ ...TINY, layers: [{ id: 'conv9', op: 'conv2d', kernel: 3 }] }));
  await page.getByTestId('design-import-file').setInputFiles(badLayer);
  await expect(page.getByTestId('import-error')).toContainText('conv9');
  await expect(page.getByTestId('import-error')).toContainText('out_channels');
  await d.tab('editor').click();
  await expect(page.getByTestId('editor-name').locator('input')).toHaveValue('ResNet-18 (edited)');
  await expect(d.total('macs')).toHaveAttribute('data-value', String(expected.macs));

  // The exported file imports back as a new, unsaved design with the same numbers.
  await d.tab('library').click();
  await page.getByTestId('design-import-file').setInputFiles(jsonPath);
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(d.editor).toBeVisible();
  await expect(page.getByTestId('editor-status')).toHaveText('Not saved yet (draft kept)');
  await expect(d.total('macs')).toHaveAttribute('data-value', String(expected.macs));
  await expect(d.total('params')).toHaveAttribute('data-value', String(expected.params));
});

test('Open ONNX…: the import summary lists unsupported ops, and the model saves as a design', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  const file = join(repoRoot, 'test/fixtures/onnx/unsupported.onnx');
  const reference = analyzeOnnxFile(file);
  expect(reference.unsupported.length).toBeGreaterThan(0);

  await page.getByTestId('design-onnx').click();
  await page.getByTestId('onnx-file').setInputFiles(file);
  await expect(page.getByTestId('onnx-summary')).toBeVisible();
  for (const { op, count } of reference.unsupported) {
    await expect(page.getByTestId('onnx-unsupported')).toContainText(`${op} × ${count}`);
  }
  await expect(page.getByTestId('onnx-incomplete')).toBeVisible();
  await expect(page.getByTestId('onnx-params')).toHaveAttribute(
    'data-value',
    String(reference.totals.params),
  );
  await expect(page.getByTestId('onnx-macs')).toHaveAttribute('data-value', String(reference.totals.macs));

  // A complete model: saved like any other design.
  const residual = join(repoRoot, 'test/fixtures/onnx/residual.onnx');
  const ref2 = analyzeOnnxFile(residual);
  expect(ref2.complete).toBe(true);
  await page.getByTestId('onnx-file').setInputFiles(residual);
  await expect(page.getByTestId('onnx-complete')).toBeVisible();
  await expect(page.getByTestId('onnx-macs')).toHaveAttribute('data-value', String(ref2.totals.macs));
  await page.getByTestId('onnx-name').locator('input').fill('Residual from ONNX');
  await page.getByTestId('onnx-save').click();
  await expect(d.editor).toBeVisible();
  await expect(page.getByTestId('editor-status')).toHaveText('All changes saved');
  await expect(d.total('macs')).toHaveAttribute('data-value', String(ref2.totals.macs));
  await d.tab('library').click();
  await expect(d.row('Residual from ONNX')).toHaveCount(1);
});

test('an unsaved new design is autosaved as a draft and offered again after a reload', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Draft only');
  await d.addLayer('conv2d');
  await d.addLayer('relu');
  await expect(d.layerRow('relu1')).toHaveCount(1);
  // Give the autosave its pause, then leave without saving.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('new-draft')).toContainText('Draft only');
  await page.getByTestId('new-draft-resume').click();
  await expect(d.layerRow('relu1')).toHaveCount(1);
  await expect(d.layerRow('conv1')).toHaveCount(1);
});
