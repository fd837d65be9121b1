import { join } from 'node:path';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/**
 * The hardware estimate and the sweeps on the Designs page, light and dark, English and Chinese:
 * docs/screenshots/designs-estimate-<theme>[-zh].png and designs-sweep-<theme>[-zh].png.
 */
for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`estimate and sweep screenshots, ${locale}, ${theme}`, async ({ browser, web }) => {
      test.setTimeout(300_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1366, height: 1300 },
      });
      const page = await context.newPage();
      const shell = new AppShell(page);
      const d = new DesignsPage(page);
      await shell.open(web.url, 'designs');
      await d.newDesign('ResNet-50', 'ResNet-50');
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      const shot = async (testId: string, name: string) => {
        const el = page.getByTestId(testId);
        await el.scrollIntoViewIfNeeded();
        await page.waitForTimeout(600);
        await el.screenshot({
          path: join(repoRoot, 'docs', 'screenshots', `designs-${name}-${suffix}.png`),
          animations: 'disabled',
        });
      };
      await d.choose(page.getByTestId('roofline-device'), 'NVIDIA GeForce RTX 3060 12GB');
      await expect(page.getByTestId('estimate-summary')).toBeVisible();
      await shot('estimate', 'estimate');
      await expect(page.getByTestId('chart-sweep').locator('canvas')).toBeVisible();
      await shot('sweep', 'sweep');
      await context.close();
    });
  }
}
