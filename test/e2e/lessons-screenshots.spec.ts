import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../../src/renderer/src/lessons/catalog';
import { repoRoot, test, expect } from './fixtures';
import { LessonsPage } from './pages/lessons-page';

/**
 * Screenshots of the lesson path, of every lesson (its top, and its first widget) and of the Home page
 * with some progress, light and dark, English and Chinese: docs/screenshots/lessons-<state>-<theme>[-zh].png.
 */

async function call(page: Page, channel: string, body: unknown): Promise<void> {
  const ok = await page.evaluate(
    async ({ channel, body }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { ok: boolean }).ok;
    },
    { channel, body },
  );
  expect(ok, channel).toBe(true);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(repoRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled' });

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`lesson screenshots, ${theme}, ${locale}`, async ({ browser, web }) => {
      test.setTimeout(300_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      const lessons = new LessonsPage(page);
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      await lessons.openPath(web.url);
      await call(page, 'lessons:complete', { lessonId: 'output-size' });
      await call(page, 'lessons:complete', { lessonId: 'layer-complexity' });
      await call(page, 'lessons:visit', { lessonId: 'network-complexity', position: 'dominant' });
      await call(page, 'designs:save', {
        name: locale === 'en' ? 'Tiny CNN' : '小型 CNN',
        model: {
          format: 'convscope-model',
          version: 1,
          name: 'tiny',
          input: [3, 32, 32],
          layers: [{ id: 'conv1', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 }],
        },
      });

      await page.reload();
      await expect(lessons.pathItem('output-size')).toHaveAttribute('data-status', 'done');
      await shot(page, `lessons-path-${suffix}`);

      await page.goto(`${web.url}#/`);
      await expect(page.getByTestId('home-design')).toHaveCount(1);
      await expect(page.getByTestId('home-streak-days')).not.toHaveText('…');
      await shot(page, `home-progress-${suffix}`);

      for (const id of LESSON_IDS) {
        await lessons.openLesson(web.url, id);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await shot(page, `lessons-${id}-${suffix}`);
        const widget = page.locator('.cs-widget').first();
        if ((await widget.count()) > 0) {
          await widget.evaluate((el) => el.scrollIntoView({ block: 'start' }));
          const summary = widget.getByTestId('demo-summary');
          if ((await summary.count()) > 0 || id.endsWith('gradients') || id === 'remedies') {
            // The demo runs in a Web Worker; a busy machine can take a while.
            await expect(summary).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
          }
          await page.waitForTimeout(400);
          await shot(page, `lessons-${id}-widget-${suffix}`);
        }
      }
      // The recurrent remedies: orthogonal W_hh next to the tanh RNN it fixes.
      await lessons.openLesson(web.url, 'remedies');
      const demo = page.getByTestId('widget-gradient-demo');
      await demo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await demo.getByTestId('demo-select').click();
      await page
        .locator('.n-base-select-option')
        .filter({ hasText: /W_hh|Wₕₕ/ })
        .click();
      await expect(demo).toHaveAttribute('data-demo', 'rnn-orthogonal');
      await expect(demo.getByTestId('demo-summary')).toHaveAttribute('data-ready', 'true', {
        timeout: 90_000,
      });
      await page.waitForTimeout(400);
      await shot(page, `lessons-remedies-orthogonal-${suffix}`);

      await lessons.openLesson(web.url, 'output-size');
      await lessons.section('check').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // An answer the grader cannot read is asked again, with the reason and the expected form.
      const second = lessons.questions.nth(1);
      await second.getByTestId('check-answer').locator('input').fill('forty-nine');
      await second.getByTestId('check-submit').click();
      await expect(second.getByTestId('check-unreadable')).toBeVisible();
      await second.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, `lessons-check-again-${suffix}`);
      await lessons.section('check').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await lessons.answer(0, '0');
      await shot(page, `lessons-check-${suffix}`);
      await context.close();
    });
  }
}
