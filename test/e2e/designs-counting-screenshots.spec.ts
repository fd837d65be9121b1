import { getZooModel } from '../../src/core';
import { expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { screenshotPath, testEachLook } from './pages/looks';
import { saveDesign } from './pages/save-design';

/**
 * The counting-convention comparison and the Training panel, light and dark, English and Chinese:
 * docs/screenshots/designs-counting-<theme>[-zh].png and designs-training-<theme>[-zh].png.
 */

const NAMES = {
  en: { fvcore: 'fvcore', paper: 'Paper style', adam: 'Adam' },
  'zh-CN': { fvcore: 'fvcore', paper: '论文口径', adam: 'Adam' },
};

testEachLook(
  'counting and training screenshots',
  { viewport: { width: 1366, height: 900 }, timeout: 300_000 },
  async (page, look, web) => {
    const shell = new AppShell(page);
    const d = new DesignsPage(page);
    await shell.open(web.url);
    await saveDesign(page, 'MobileNet v2', getZooModel('mobilenet_v2'));
    const shot = (state: string) =>
      page.screenshot({
        path: screenshotPath(`designs-${state}`, look),
        animations: 'disabled',
      });
    await shell.open(web.url, 'designs');
    await d.row('MobileNet v2').getByTestId('design-open').click();
    await expect(page.getByTestId('counting')).toBeVisible({ timeout: 90_000 });
    await d.choose(page.getByTestId('counting-convention'), NAMES[look.locale].fvcore);
    await d.choose(page.getByTestId('counting-compare'), NAMES[look.locale].paper);
    await expect(page.getByTestId('compare-summary')).toBeVisible();
    await page.getByTestId('counting').scrollIntoViewIfNeeded();
    await page.evaluate(() =>
      document.querySelector('[data-testid="counting"]')?.scrollIntoView({ block: 'start' }),
    );
    await page.waitForTimeout(500);
    await shot('counting');
    await page.getByTestId('training-batch').locator('input').fill('32');
    await page.getByTestId('training-batch').locator('input').blur();
    await page.evaluate(() =>
      document.querySelector('[data-testid="training"]')?.scrollIntoView({ block: 'start' }),
    );
    await page.waitForTimeout(800);
    await shot('training');
  },
);
