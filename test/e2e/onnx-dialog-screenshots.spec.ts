import { join } from 'node:path';
import { expect, repoRoot, test } from './fixtures';
import { FIXTURES, openInDialog, pageIn } from './pages/onnx-dialog';

/** The Open ONNX dialog as a user sees it: docs/screenshots/designs-onnx-<state>-<theme>[-zh].png. */

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`Open ONNX dialog screenshots, ${locale}, ${theme}`, async ({ browser, web }) => {
      test.setTimeout(300_000);
      const page = await pageIn(web, browser, locale, theme);
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      const shot = async (state: string) => {
        await page.waitForTimeout(300);
        await page.screenshot({
          path: join(repoRoot, 'docs', 'screenshots', `designs-onnx-${state}-${suffix}.png`),
          animations: 'disabled',
        });
      };
      await openInDialog(page, web.url, 'resnet18_folded');
      await expect(page.getByTestId('onnx-folded')).toBeVisible();
      await shot('folded');
      await page.getByTestId('onnx-file').setInputFiles(join(FIXTURES, 'unsupported.onnx'));
      await expect(page.getByTestId('onnx-left-out')).toBeVisible();
      await shot('left-out');
      await page.context().close();
    });
  }
}
