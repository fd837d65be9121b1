import { join } from 'node:path';
import { getZooModel } from '../../src/core';
import { repoRoot, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { screenshotPath, testEachLook } from './pages/looks';
import { saveDesign } from './pages/save-design';

/**
 * The Designs workspace as a user sees it, light and dark, English and Chinese:
 * docs/screenshots/designs-<state>-<theme>[-zh].png.
 */

testEachLook(
  'designs workspace screenshots',
  { viewport: { width: 1366, height: 900 }, timeout: 300_000 },
  async (page, look, web) => {
    const shell = new AppShell(page);
    const d = new DesignsPage(page);
    await shell.open(web.url);
    await saveDesign(page, 'ResNet-18', getZooModel('resnet18'));
    await saveDesign(page, 'MobileNet v2', getZooModel('mobilenet_v2'));
    await saveDesign(page, 'ResNet-34', getZooModel('resnet34'));
    await saveDesign(page, 'Three 3×3 convolutions', getZooModel('rf_three_conv3'));
    const shot = (state: string, fullPage = false) =>
      page.screenshot({
        path: screenshotPath(`designs-${state}`, look),
        animations: 'disabled',
        fullPage,
      });

    await shell.open(web.url, 'designs');
    await expect(d.rows).toHaveCount(4);
    await shot('library');

    await d.row('ResNet-18').getByTestId('design-open').click();
    await expect(page.getByTestId('total-macs')).toBeVisible();
    await d.selectLayer('conv1');
    await page.waitForTimeout(500);
    await shot('editor', true);
    await page.getByTestId('totals').scrollIntoViewIfNeeded();
    await page
      .locator('[data-testid="analysis-row"][data-layer-id="conv1"] [data-testid="cell-output"]')
      .hover();
    await expect(page.getByTestId('output-trace')).toBeVisible();
    await shot('analysis');
    // ResNet-18's warnings (the 1×1 stride-2 downsample layers never read half their input), opened.
    await page.mouse.move(0, 0);
    const warnings = page.getByTestId('warnings');
    await warnings.locator('.n-collapse-item__header').first().click();
    await expect(page.getByTestId('warning')).toHaveCount(6);
    await warnings.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot('warnings');
    await page.getByTestId('charts').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shot('charts');
    await page.getByTestId('chart-graph').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot('charts-graph');

    await d.tab('compare').click();
    await d.choose(page.getByTestId('compare-a'), 'ResNet-18');
    await d.choose(page.getByTestId('compare-b'), 'ResNet-34');
    await expect(page.getByTestId('compare-totals')).toBeVisible();
    await expect(page.getByTestId('compare-layers')).toBeVisible();
    await page.waitForTimeout(500);
    await shot('compare', true);

    await d.tab('library').click();
    await page.getByTestId('design-onnx').click();
    await page.getByTestId('onnx-file').setInputFiles(join(repoRoot, 'test/fixtures/onnx/unsupported.onnx'));
    await expect(page.getByTestId('onnx-summary')).toBeVisible();
    await shot('onnx');
  },
);
