import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { getZooModel } from '../../src/core';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { LessonsPage } from './pages/lessons-page';
import { saveDesign } from './pages/save-design';

/**
 * The effective receptive field on screen, light and dark, English and Chinese: the Designs panel for
 * ResNet-18 (docs/screenshots/designs-erf-<theme>[-zh].png) and the receptive-field lesson's ERF
 * section with its two widgets (lessons-erf-<widget>-<theme>[-zh].png).
 */

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled' });

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`ERF screenshots, ${locale}, ${theme}`, async ({ browser, web }) => {
      test.setTimeout(400_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1366, height: 900 },
      });
      const page = await context.newPage();
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      const shell = new AppShell(page);
      const d = new DesignsPage(page);
      await shell.open(web.url);
      await saveDesign(page, 'ResNet-18', getZooModel('resnet18'));
      await shell.open(web.url, 'designs');
      await d.row('ResNet-18').getByTestId('design-open').click();
      await expect(page.getByTestId('total-macs')).toBeVisible();
      await d.tab('erf' as 'editor').click();
      await expect(page.getByTestId('erf-progress')).toBeVisible();
      await shot(page, `designs-erf-progress-${suffix}`);
      await expect(page.getByTestId('erf-map')).toBeVisible({ timeout: 300_000 });
      await expect(page.getByTestId('erf-progress')).toBeHidden();
      await page.waitForTimeout(500);
      await shot(page, `designs-erf-${suffix}`);

      const lessons = new LessonsPage(page);
      await lessons.openLesson(web.url, 'receptive-field');
      for (const widget of ['erf-depth', 'erf-variants']) {
        const el = page.getByTestId(`widget-${widget}`);
        await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(600);
        await shot(page, `lessons-${widget}-${suffix}`);
      }
    });
  }
}
