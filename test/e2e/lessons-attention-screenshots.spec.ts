import { join } from 'node:path';
import { repoRoot, test, expect } from './fixtures';
import { LessonsPage } from './pages/lessons-page';

/**
 * The attention-cost widget of the network-complexity lesson, light and dark, English and Chinese:
 * docs/screenshots/lessons-attention-widget-<theme>[-zh].png. Sliding the tokens changes the core's
 * numbers it shows.
 */
for (const [locale, theme] of [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
] as const) {
  test(`attention widget, ${theme}, ${locale}`, async ({ browser, web }) => {
    const context = await web.newContext(browser, {
      locale,
      colorScheme: theme,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const lessons = new LessonsPage(page);
    await lessons.openLesson(web.url, 'network-complexity');
    const widget = page.getByTestId('widget-attention-cost');
    await widget.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(page.getByTestId('attention-tokens')).toHaveText('197');
    const mm = await page.getByTestId('attention-mm').textContent();
    const handle = widget.getByRole('slider');
    await handle.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('attention-tokens')).toHaveText('200');
    await expect(page.getByTestId('attention-mm')).not.toHaveText(mm ?? '');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('attention-tokens')).toHaveText('197');
    await expect(page.getByTestId('attention-mm')).toHaveText(mm ?? '');
    await handle.blur();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
    await page.screenshot({
      path: join(repoRoot, 'docs', 'screenshots', `lessons-attention-widget-${suffix}.png`),
      animations: 'disabled',
    });
    await context.close();
  });
}
