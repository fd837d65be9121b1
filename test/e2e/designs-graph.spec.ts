import { writeFileSync } from 'node:fs';
import { analyzeModel, getZooModel } from '../../src/core';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/renderer/src/designs/graph';
import { denseNet } from '../helpers/graph-designs';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

test.describe.configure({ timeout: 180_000 });

const resnet18 = analyzeModel(getZooModel('resnet18')!);

test('ResNet-18 graph: each add is drawn with two incoming edges, a click on a box selects its layer', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-18 graph', 'ResNet-18');
  const chart = page.getByTestId('chart-graph');
  await chart.scrollIntoViewIfNeeded();
  const svg = chart.getByTestId('graph-svg');
  await expect(svg).toBeVisible({ timeout: 30_000 });
  await expect(chart.getByTestId('graph-node')).toHaveCount(resnet18.layers.length + 1);

  const adds = resnet18.layers.filter((l) => l.op === 'add');
  expect(adds).toHaveLength(8);
  for (const add of adds) {
    const edges = chart.locator(`[data-testid="graph-edge"][data-target="${add.id}"]`);
    await expect(edges).toHaveCount(2);
    const sources = await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    expect(sources.sort()).toEqual([...add.inputs].sort());
    for (const d of await edges.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
      expect(d).toMatch(/^M[\d.]+,[\d.]+.+[\d.]+,[\d.]+$/);
  }

  // Boxes keep their shape on screen: one scale for width and height (the outline adds a pixel).
  const scale = Number(await svg.getAttribute('data-scale'));
  const conv1 = chart.locator('[data-testid="graph-node"][data-node-id="conv1"] rect');
  const box = (await conv1.boundingBox())!;
  expect(Math.abs(box.width - NODE_WIDTH * scale)).toBeLessThan(2);
  expect(Math.abs(box.height - NODE_HEIGHT * scale)).toBeLessThan(2);

  // A click on a box selects that layer in the layer table, and the box is outlined.
  const node = chart.locator('[data-testid="graph-node"][data-node-id="layer1.0.conv1"]');
  await node.click();
  await expect(d.layerRow('layer1.0.conv1')).toHaveClass(/cs-selected/);
  await expect(node).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('field-out_channels').locator('input')).toHaveValue('64');

  // The whole drawing, then the last layer: its row is scrolled into the table and selected.
  await chart.getByTestId('graph-fit').click();
  await chart.locator('[data-testid="graph-node"][data-node-id="fc"]').click();
  await expect(d.layerRow('fc')).toHaveClass(/cs-selected/);
  await expect(d.layerRow('fc')).toBeVisible();
  await expect(node).not.toHaveAttribute('data-selected', 'true');

  // Selecting in the table outlines the box in the graph.
  await d.selectLayer('avgpool');
  await expect(chart.locator('[data-testid="graph-node"][data-node-id="avgpool"]')).toHaveAttribute(
    'data-selected',
    'true',
  );
});

const resnet152 = analyzeModel(getZooModel('resnet152')!);

test('ResNet-152 graph opens readable at its input, relabels without moving on an edit, and fits on demand', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-152 graph', 'ResNet-152');
  const chart = page.getByTestId('chart-graph');
  await chart.scrollIntoViewIfNeeded();
  const svg = chart.getByTestId('graph-svg');
  await expect(svg).toBeVisible({ timeout: 60_000 });
  await expect(chart.getByTestId('graph-node')).toHaveCount(resnet152.layers.length + 1);

  // The first view shows the input and the stem at a size whose labels can be read, not a thin strip.
  const area = (await svg.boundingBox())!;
  const input = (await chart.locator('[data-testid="graph-node"][data-node-id="input"] rect').boundingBox())!;
  expect(input.height).toBeGreaterThanOrEqual(0.75 * NODE_HEIGHT);
  expect(input.y).toBeGreaterThanOrEqual(area.y - 1);
  expect(input.y + input.height).toBeLessThanOrEqual(area.y + area.height);
  const conv1 = chart.locator('[data-testid="graph-node"][data-node-id="conv1"]');
  await expect(conv1.locator('text').first()).toBeVisible();
  const label = (await conv1.locator('text').first().boundingBox())!;
  expect(label.height).toBeGreaterThanOrEqual(9);

  // An edit that keeps the structure (a channel count) relabels the boxes where they are, in the same view.
  const content = svg.locator('[data-graph-content]');
  const where = async () => [await content.getAttribute('transform'), await conv1.getAttribute('transform')];
  const before = await where();
  await d.selectLayer('conv1');
  await d.setField('out_channels', '32');
  await page.getByTestId('field-out_channels').locator('input').press('Tab');
  await expect(conv1).toContainText('32×112×112');
  expect(await where()).toEqual(before);

  // The fit button still shows the whole network (boxes then far too small to label).
  await chart.getByTestId('graph-fit').click();
  const fc = (await chart.locator('[data-testid="graph-node"][data-node-id="fc"] rect').boundingBox())!;
  const fitted = (await svg.boundingBox())!;
  expect(fc.y + fc.height).toBeLessThanOrEqual(fitted.y + fitted.height + 1);
  expect(fc.height).toBeLessThan(0.1 * NODE_HEIGHT);
});

test('an imported DenseNet graph is one column: every concat reads the block input and each layer before it', async ({
  page,
  web,
}, testInfo) => {
  const model = denseNet([4, 6], 16, 32);
  const dense = analyzeModel(model);
  const file = testInfo.outputPath('densenet.json');
  writeFileSync(file, JSON.stringify(model));
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.tab('library').click();
  await page.getByTestId('design-import-file').setInputFiles(file);
  await expect(d.editor).toBeVisible();
  const chart = page.getByTestId('chart-graph');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.getByTestId('graph-svg')).toBeVisible({ timeout: 60_000 });
  await expect(chart.getByTestId('graph-node')).toHaveCount(dense.layers.length + 1);

  const cats = dense.layers.filter((l) => l.op === 'concat');
  expect(cats.length).toBeGreaterThan(5);
  for (const cat of cats) {
    const edges = chart.locator(`[data-testid="graph-edge"][data-target="${cat.id}"]`);
    await expect(edges).toHaveCount(cat.inputs.length);
    const sources = await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    expect(sources.sort()).toEqual([...cat.inputs].sort());
  }
  // Every box on one axis: the reads that skip layers run in lanes beside the column, not in columns of boxes.
  const xs = await chart
    .getByTestId('graph-node')
    .evaluateAll((els) =>
      els.map((e) => /translate\(([-\d.]+),/.exec(e.getAttribute('transform') ?? '')?.[1]),
    );
  expect(new Set(xs).size).toBe(1);
});
