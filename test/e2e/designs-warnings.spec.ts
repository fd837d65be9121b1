import type { Page } from '@playwright/test';
import { getZooModel, type ModelSpec } from '../../src/core';
import { EVERY_OP } from '../helpers/every-op';
import { test, expect } from './fixtures';
import { DesignsPage } from './pages/designs-page';
import { saveDesign } from './pages/save-design';

/**
 * The analysis warnings in Chinese: ResNet-50's "never read" warnings and a design with every other
 * kind (receptive-field holes, a ceil_mode window past the input, misaligned branches, an unknown
 * operator, unequal adaptive-pooling windows) read as Chinese sentences, in the list under the table
 * and on the layer's id. Only symbols of the formulas, layer ids and operator names stay Latin; a
 * count of MACs reads "40.9 亿次乘加".
 */

// Opening ResNet-50 analyses it under every panel; on a busy machine that takes a while.
test.describe.configure({ timeout: 240_000 });
const OPENED = { timeout: 90_000 };

/** The warnings list, opened, and its lines. */
async function warningLines(page: Page): Promise<string[]> {
  const collapse = page.getByTestId('warnings');
  await expect(collapse).toBeVisible(OPENED);
  const first = page.getByTestId('warning').first();
  if (!(await first.isVisible())) await collapse.locator('.n-collapse-item__header').first().click();
  await expect(first).toBeVisible();
  return page.getByTestId('warning').allInnerTexts();
}

/** What is left of a text once layer ids and the formulas' symbols are taken out: it must hold no word. */
function words(text: string, ids: string[]): string {
  let rest = text;
  for (const id of [...ids].sort((a, b) => b.length - a.length)) rest = rest.split(id).join('');
  return rest.replace(/K_eff|P_[ab]|ceil_mode|FLOPs|MAC|ONNX/g, '');
}

const resnet50 = getZooModel('resnet50') as ModelSpec;

test('in Chinese the analysis warnings are Chinese sentences with the numbers of the design', async ({
  browser,
  web,
}) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const d = new DesignsPage(page);
  await page.goto(`${web.url}#/designs`);
  await saveDesign(page, 'ResNet-50', resnet50);
  await saveDesign(page, 'Every op', EVERY_OP);

  await page.goto(`${web.url}#/designs`);
  await expect(page.getByTestId('page-designs')).toBeVisible(OPENED);
  await d.row('ResNet-50').getByTestId('design-open').click();
  const resnetLines = await warningLines(page);
  expect(resnetLines).toHaveLength(6);
  const ids = resnet50.layers.map((l) => l.id);
  for (const line of resnetLines) expect(words(line, ids), line).not.toMatch(/[A-Za-z]{3,}/);
  expect(resnetLines[0]).toBe(
    '层 layer2.0.downsample.0：沿 H 方向，输入的 56 行中有 28 行没有被读到：每个窗口 1 个抽头，步长 2，窗口之间留有空隙，最后 1 行也在其中',
  );
  expect(resnetLines[1]).toContain('输入的 56 列中有 28 列没有被读到');
  // conv1 (7×7, stride 2, padding 3): 224 + 6 − 7 = 223 is odd, but what is left over is padding.
  await page
    .locator('[data-testid="analysis-row"][data-layer-id="conv1"] [data-testid="cell-output"]')
    .hover();
  await expect(page.getByTestId('trace-inexact').first()).toHaveText(
    'S 不能整除分子，但剩下的只是填充：输入的每个位置都会被读到。',
  );
  await page.mouse.move(0, 0);
  // Counts beside their unit are Chinese too: 40.9 亿次乘加, not "4.09G MACs".
  await expect(page.getByTestId('counting-total')).toContainText('40.9 亿次乘加');
  await expect(page.getByTestId('counting-total')).not.toContainText('MACs');
  await expect(page.getByTestId('training-forwardMacs')).toContainText('次乘加');

  await d.tab('library').click();
  await d.row('Every op').getByTestId('design-open').click();
  await expect(page.getByTestId('warnings')).toBeVisible(OPENED);
  const lines = await warningLines(page);
  const everyIds = [...EVERY_OP.layers.map((l) => l.id), 'Foo'];
  expect(lines.length).toBeGreaterThanOrEqual(6);
  for (const line of lines) expect(words(line, everyIds), line).not.toMatch(/[A-Za-z]{3,}/);
  const all = lines.join('\n');
  for (const phrase of [
    '感受野中有空洞',
    'ceil_mode',
    '各分支的感受野中心不重合',
    '暂不支持算子 Foo',
    '自适应池化',
  ])
    expect(all).toContain(phrase);
  // The id cell's tooltip: the id, then its warnings without the id before them.
  await expect(page.locator('span.cs-warn-id').filter({ hasText: /^c3/ })).toHaveAttribute(
    'title',
    /^c3\n感受野中有空洞：/,
  );
  await context.close();
});
