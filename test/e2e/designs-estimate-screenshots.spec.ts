import { expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { screenshotPath, testEachLook } from './pages/looks';

/**
 * The hardware estimate and the sweeps on the Designs page, light and dark, English and Chinese:
 * docs/screenshots/designs-estimate-<theme>[-zh].png and designs-sweep-<theme>[-zh].png.
 */
testEachLook(
  'estimate and sweep screenshots',
  { viewport: { width: 1366, height: 1300 }, timeout: 300_000 },
  async (page, look, web) => {
    const shell = new AppShell(page);
    const d = new DesignsPage(page);
    await shell.open(web.url, 'designs');
    await d.newDesign('ResNet-50', 'ResNet-50');
    const shot = async (testId: string, name: string) => {
      const el = page.getByTestId(testId);
      await el.scrollIntoViewIfNeeded();
      await page.waitForTimeout(600);
      await el.screenshot({
        path: screenshotPath(`designs-${name}`, look),
        animations: 'disabled',
      });
    };
    await d.choose(page.getByTestId('roofline-device'), 'NVIDIA GeForce RTX 3060 12GB');
    await expect(page.getByTestId('estimate-summary')).toBeVisible();
    await shot('estimate', 'estimate');
    await expect(page.getByTestId('chart-sweep').locator('canvas')).toBeVisible();
    await shot('sweep', 'sweep');
  },
);
