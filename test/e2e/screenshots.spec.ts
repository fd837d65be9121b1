import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot, test, expect } from './fixtures';
import { AppShell, PAGES, type PageName } from './pages/app-shell';

/**
 * Screenshots of every page, light and dark, English and Chinese, for the README and for a person to
 * look at: docs/screenshots/<page>-<theme>.png (English) and <page>-<theme>-zh.png (Chinese).
 */

const conv = (id: string, out: number, kernel: number, extra: Record<string, unknown> = {}) => ({
  id,
  op: 'conv2d',
  out_channels: out,
  kernel,
  ...extra,
});

/** Designs a student of each language would have named: their names are shown as typed. */
const SAMPLE_DESIGNS = [
  {
    name: { en: 'Tiny CNN', 'zh-CN': '小型 CNN' },
    model: {
      format: 'convscope-model',
      version: 1,
      name: 'tiny',
      input: [3, 32, 32],
      layers: [conv('conv1', 8, 3, { padding: 1 }), { id: 'relu1', op: 'relu' }],
    },
  },
  {
    name: { en: 'ResNet-style stem', 'zh-CN': 'ResNet 式起始层' },
    model: {
      format: 'convscope-model',
      version: 1,
      name: 'stem',
      input: [3, 224, 224],
      layers: [
        conv('conv1', 64, 7, { stride: 2, padding: 3, bias: false }),
        { id: 'bn1', op: 'batchnorm' },
        { id: 'relu1', op: 'relu' },
        { id: 'pool1', op: 'maxpool2d', kernel: 3, stride: 2, padding: 1 },
      ],
    },
  },
];

async function seedDesigns(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  const designs = SAMPLE_DESIGNS.map((d) => ({ name: d.name[locale], model: d.model }));
  const results = await page.evaluate(async (designs) => {
    const answers: { ok: boolean }[] = [];
    for (const design of designs) {
      const response = await fetch('/api/designs:save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(design),
      });
      answers.push((await response.json()) as { ok: boolean });
    }
    return answers;
  }, designs);
  expect(results.map((r) => r.ok)).toEqual(SAMPLE_DESIGNS.map(() => true));
}

/** What must be on screen before a page is photographed (beyond its section element). */
async function settle(page: Page, name: PageName): Promise<void> {
  if (name === 'designs') await expect(page.getByTestId('design-row')).toHaveCount(SAMPLE_DESIGNS.length);
  if (name === 'progress') await expect(page.getByTestId('progress-attempts')).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots of every page, ${theme}, ${locale}`, async ({ browser, web }) => {
      test.setTimeout(180_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      const shell = new AppShell(page);
      await shell.open(web.url);
      await seedDesigns(page, locale);
      expect(await shell.theme()).toBe(theme);
      expect(await shell.lang()).toBe(locale);
      for (const name of PAGES) {
        await shell.open(web.url, name);
        await settle(page, name);
        const suffix = locale === 'en' ? '' : '-zh';
        await page.screenshot({
          path: join(repoRoot, 'docs', 'screenshots', `${name}-${theme}${suffix}.png`),
          animations: 'disabled',
        });
      }
      // One dialog too: the create dialog is the Designs page's main interaction.
      if (theme === 'light') {
        await shell.open(web.url, 'designs');
        await page.getByTestId('design-new').click();
        await expect(page.getByTestId('new-dialog')).toBeVisible();
        await page.screenshot({
          path: join(
            repoRoot,
            'docs',
            'screenshots',
            `designs-new-${theme}${locale === 'en' ? '' : '-zh'}.png`,
          ),
          animations: 'disabled',
        });
      }
      await context.close();
    });
  }
}
