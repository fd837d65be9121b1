import {
  analyzeModel,
  analyzeTraining,
  applyConvention,
  getZooModel,
  reconcile,
  type ModelSpec,
} from '../../src/core';
import zhCounting from '../../src/renderer/src/locales/zh-CN/counting';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { openLibrary, saveDesign } from './pages/save-design';

/** Counting conventions, their comparison, the training step and unknown operators on the Designs page. */

// Opening ResNet-18 analyses it under every panel; on a busy machine that takes a while.
test.describe.configure({ timeout: 240_000 });
const OPENED = { timeout: 90_000 };

const resnet = getZooModel('resnet18') as ModelSpec;

test('a chosen convention labels the figures, is kept after a reload, and compares with another', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url);
  await saveDesign(page, 'ResNet-18', resnet);
  await openLibrary(page, web.url);
  await d.row('ResNet-18').getByTestId('design-open').click();

  const total = page.getByTestId('counting-total');
  const analysis = analyzeModel(resnet);
  // Paper style by default.
  await expect(total).toHaveAttribute(
    'data-value',
    String(applyConvention(resnet, analysis, 'paper').total),
    OPENED,
  );
  await d.choose(page.getByTestId('counting-convention'), 'fvcore');
  const fvcore = applyConvention(resnet, analysis, 'fvcore');
  await expect(total).toHaveAttribute('data-value', String(fvcore.total));
  await expect(total).toHaveAttribute('data-unit', 'MACs');
  await expect(total).toContainText('fvcore, MACs');
  await expect(page.getByTestId('counting-label')).toContainText('FlopCountAnalysis');
  await expect(page.getByTestId('counting-counter-warns')).toContainText('aten::max_pool2d ×1, aten::add ×8');

  await d.choose(page.getByTestId('counting-compare'), 'Paper style');
  const rec = reconcile(resnet, analysis, 'fvcore', 'paper');
  await expect(page.getByTestId('compare-summary')).toHaveAttribute('data-value', String(rec.difference));
  await expect(page.getByTestId('compare-by-op')).toHaveCount(rec.byOp.length);

  // The choice is a preference: after a reload the design opens again under it.
  await page.reload();
  await expect(page.getByTestId('counting-total')).toHaveAttribute(
    'data-value',
    String(fvcore.total),
    OPENED,
  );
});

test('the training panel gives the step for the optimizer and batch chosen', async ({ page, web }) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url);
  await saveDesign(page, 'ResNet-18', resnet);
  await openLibrary(page, web.url);
  await d.row('ResNet-18').getByTestId('design-open').click();
  await expect(page.getByTestId('training')).toBeVisible(OPENED);
  await d.choose(page.getByTestId('training-optimizer'), 'SGD with momentum');
  await page.getByTestId('training-batch').locator('input').fill('8');
  await page.getByTestId('training-batch').locator('input').blur();
  const want = analyzeTraining(resnet, analyzeModel(resnet), {
    optimizer: 'momentum',
    batch: 8,
    inplace: true,
  });
  await expect(page.getByTestId('training-savedActivationBytes')).toHaveAttribute(
    'data-value',
    String(want.savedActivationBytes),
  );
  await expect(page.getByTestId('training-optimizerStateBytes')).toHaveAttribute(
    'data-value',
    String(want.optimizerStateBytes),
  );
  await expect(page.getByTestId('training-backwardMacs')).toHaveAttribute(
    'data-value',
    String(want.backwardMacs),
  );
  await expect(page.getByTestId('training-peakBytes')).toHaveAttribute('data-value', String(want.peakBytes));
});

test('operators not understood are listed by name and count, the totals marked incomplete', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url);
  await saveDesign(page, 'With Erf', {
    format: 'convscope-model',
    version: 1,
    name: 'With Erf',
    input: [1, 6, 6],
    layers: [
      { id: 'conv', op: 'conv2d', out_channels: 2, kernel: 3, bias: false },
      { id: 'erf', op: 'unsupported', name: 'Erf' },
      { id: 'erf2', op: 'unsupported', name: 'Erf' },
    ],
  });
  await openLibrary(page, web.url);
  await d.row('With Erf').getByTestId('design-open').click();
  await expect(page.getByTestId('analysis-unsupported')).toContainText('Erf ×2', OPENED);
  await expect(page.getByTestId('total-incomplete')).toBeVisible();
  await expect(page.getByTestId('counting-incomplete')).toContainText('Erf ×2');
  await expect(page.getByTestId('training-incomplete')).toContainText('Erf ×2');
  await expect(page.getByTestId('counting-total')).not.toHaveAttribute('data-value', '0');
});

test('in Chinese the rules and the "why" column hold no English words, only formulas and code names', async ({
  browser,
  web,
}) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const d = new DesignsPage(page);
  await page.goto(`${web.url}#/designs`);
  await saveDesign(page, 'ResNet-18', resnet);
  await openLibrary(page, web.url);
  await d.row('ResNet-18').getByTestId('design-open').click();
  await expect(page.getByTestId('counting-total')).toBeVisible(OPENED);
  // The default convention's rule names the products it counts in Chinese, not "conv MACs".
  const rules = await page.locator('[data-testid="counting-table"] td:last-child').allInnerTexts();
  expect(rules).toContain(
    zhCounting.counting.productMacs.replace('{kinds}', zhCounting.counting.products.conv),
  );
  for (const text of rules) expect(text, text).not.toMatch(/\bMACs\b/);
  await d.choose(page.getByTestId('counting-convention'), 'fvcore');
  await d.choose(page.getByTestId('counting-compare'), '全部算子');
  await expect(page.getByTestId('compare-table')).toBeVisible();
  // Formulas (numel, Cin, Kh…), aten:: and F. names, and source tags ([F-conv]) may be Latin; words may not.
  const allowed =
    /\[[^\]]*\]|aten::\w+|F\.\w+|torch\.\w+|numel|Cin|Cout|Kh|Kw|MACs?|FLOPs|fvcore|ptflops|conv|linear|bias|rows|operands|bounds/g;
  const cells = await page
    .locator('[data-testid="counting-table"] td:last-child, [data-testid="compare-table"] td:last-child')
    .allInnerTexts();
  expect(cells.length).toBeGreaterThan(10);
  for (const text of cells) expect(text.replace(allowed, ''), text).not.toMatch(/[A-Za-z]{3,}/);
  expect(cells.join('\n')).toContain('不含偏置');
  await context.close();
});
