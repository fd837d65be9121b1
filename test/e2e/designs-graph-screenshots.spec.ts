import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { denseNet } from '../helpers/graph-designs';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/**
 * The Designs graph of ResNet-18, ResNet-50 and an imported DenseNet-121 as a user sees it, light and
 * dark, English and Chinese: docs/screenshots/designs-graph-<model>[-fit]-<theme>[-zh].png (a view a few
 * blocks down from the input, and for the ResNets the whole network fitted into the box).
 */
for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`designs graph screenshots, ${locale}, ${theme}`, async ({ browser, web }) => {
      test.setTimeout(300_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1366, height: 900 },
      });
      const page = await context.newPage();
      const shell = new AppShell(page);
      const d = new DesignsPage(page);
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      await shell.open(web.url, 'designs');
      for (const [zoo, file, selectId] of [
        ['ResNet-18', 'resnet18', 'layer1.0.conv2'],
        ['ResNet-50', 'resnet50', 'layer1.0.conv2'],
      ] as const) {
        await d.tab('library').click();
        await d.newDesign(`${zoo} graph`, zoo);
        const chart = page.getByTestId('chart-graph');
        await chart.scrollIntoViewIfNeeded();
        await expect(chart.getByTestId('graph-svg')).toBeVisible({ timeout: 60_000 });
        const node = chart.locator(`[data-testid="graph-node"][data-node-id="${selectId}"]`);
        await node.click();
        await expect(node).toHaveAttribute('data-selected', 'true');
        await chart.scrollIntoViewIfNeeded();
        // Drag the drawing up by a few blocks' height, as a user pans to the first merges.
        const box = (await chart.getByTestId('graph-svg').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height - 240, { steps: 8 });
        await page.mouse.up();
        await expect(node).toHaveAttribute('data-selected', 'true');
        await page.mouse.move(0, 0);
        await chart.screenshot({
          path: join(repoRoot, 'docs', 'screenshots', `designs-graph-${file}-${suffix}.png`),
          animations: 'disabled',
        });
        await chart.getByTestId('graph-fit').click();
        await chart.screenshot({
          path: join(repoRoot, 'docs', 'screenshots', `designs-graph-${file}-fit-${suffix}.png`),
          animations: 'disabled',
        });
      }
      // DenseNet-121 with every layer reading all before it in its block (imported as a file), zoomed
      // out twice and dragged to the end of the first dense block, where most of its lanes run.
      const file = test.info().outputPath('densenet121.json');
      writeFileSync(file, JSON.stringify({ ...denseNet(), name: 'DenseNet-121' }));
      await d.tab('library').click();
      await page.getByTestId('design-import-file').setInputFiles(file);
      await expect(d.editor).toBeVisible();
      const chart = page.getByTestId('chart-graph');
      await chart.scrollIntoViewIfNeeded();
      await expect(chart.getByTestId('graph-svg')).toBeVisible({ timeout: 60_000 });
      await chart.getByTestId('graph-zoom-out').click();
      await chart.getByTestId('graph-zoom-out').click();
      // The whole drawing area in the viewport, so that the drag starts on it.
      await chart.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      const box = (await chart.getByTestId('graph-svg').boundingBox())!;
      for (let drag = 0; drag < 2; drag++) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height - 420, { steps: 8 });
        await page.mouse.up();
      }
      await page.mouse.move(0, 0);
      await chart.screenshot({
        path: join(repoRoot, 'docs', 'screenshots', `designs-graph-densenet121-${suffix}.png`),
        animations: 'disabled',
      });
      await context.close();
    });
  }
}
