import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { PracticePage } from './pages/practice-page';

/**
 * Screenshots of the Practice and Progress pages in their main states, light and dark, English and
 * Chinese: docs/screenshots/<page>-<state>-<theme>[-zh].png.
 */

/** A few answers through the API, so that the Progress page has something to chart. */
async function seedAnswers(page: Page): Promise<void> {
  const answers = await page.evaluate(async () => {
    const post = async (channel: string, body: unknown) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean };
    };
    const skills = ['output-size', 'conv-params', 'receptive-field', 'conv-macs-flops', 'concepts'];
    const out: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      const question = { kind: 'generated', skill: skills[i % skills.length], difficulty: 1, seed: 100 + i };
      // "0" is read fine and is wrong for every one of these questions; "A" likewise for a choice.
      const answer = i % 5 === 4 ? 'A' : '0';
      out.push((await post('practice:answer', { question, answer, timeMs: 20_000 })).ok);
    }
    return out;
  });
  expect(answers.every(Boolean)).toBe(true);
}

async function shot(page: Page, name: string, theme: string, locale: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({
    path: join(repoRoot, 'docs', 'screenshots', `${name}-${theme}${locale === 'en' ? '' : '-zh'}.png`),
    animations: 'disabled',
  });
}

async function session(practice: PracticePage, skill: string, difficulty: 1 | 2 | 3): Promise<void> {
  await practice.chooseSkills([skill]);
  await practice.setDifficulty(difficulty);
  await practice.setCount(1);
  await practice.start();
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots of the Practice and Progress pages, ${theme}, ${locale}`, async ({ browser, web }) => {
      test.setTimeout(180_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1280, height: 1400 },
      });
      const page = await context.newPage();
      const shell = new AppShell(page);
      const practice = new PracticePage(page);
      await shell.open(web.url, 'practice');
      await seedAnswers(page);
      await page.reload();
      await expect(page.getByTestId('practice-setup')).toBeVisible();
      await shot(page, 'practice-setup', theme, locale);

      await session(practice, 'receptive-field', 2);
      await shot(page, 'practice-question', theme, locale);
      const rf = await practice.current();
      await practice.answer(rf, PracticePage.wrongAnswer(rf));
      await practice.expectFeedback(false);
      await expect(page.getByTestId('rf-diagram')).toBeVisible();
      await shot(page, 'practice-feedback', theme, locale);
      await practice.goOn();
      await page.getByTestId('practice-again').click();

      await session(practice, 'output-size', 1);
      const size = await practice.current();
      await practice.answer(size, PracticePage.wrongAnswer(size));
      await expect(page.getByTestId('conv-window')).toBeVisible();
      await page.getByTestId('conv-window').scrollIntoViewIfNeeded();
      await shot(page, 'practice-window', theme, locale);
      await page.getByTestId('practice-quit').click();
      await page.getByTestId('practice-again').click();

      await session(practice, 'concepts', 1);
      const concept = await practice.current();
      await practice.answer(concept, PracticePage.wrongAnswer(concept));
      await practice.expectFeedback(false);
      await shot(page, 'practice-concept', theme, locale);
      await page.getByTestId('practice-quit').click();

      await shell.navigate('progress');
      await expect(page.getByTestId('chart-mastery').locator('canvas')).toBeVisible();
      await page.waitForTimeout(800); // the charts' entry animation
      await shot(page, 'progress-overview', theme, locale);
      await page.getByTestId('knowledge').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('knowledge-card').first()).toBeVisible();
      await shot(page, 'progress-knowledge', theme, locale);
      await context.close();
    });
  }
}
