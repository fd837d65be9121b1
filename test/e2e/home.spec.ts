import type { Page } from '@playwright/test';
import { LESSONS } from '../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../src/renderer/src/lessons/content';
import { questionOf } from '../../src/renderer/src/lessons/questions';
import { test, expect } from './fixtures';
import { LessonsPage } from './pages/lessons-page';

/** What the backend reports, read through the same HTTP API the page uses. */
async function progressOf(
  page: Page,
): Promise<{ reviewsDue: number; streakDays: number; forecast: { due: number }[] }> {
  return page.evaluate(async () => {
    const response = await fetch('/api/progress:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timezoneOffset: new Date().getTimezoneOffset() }),
    });
    return (
      (await response.json()) as {
        value: { reviewsDue: number; streakDays: number; forecast: { due: number }[] };
      }
    ).value;
  });
}

test('home: start the first lesson, then reviews due and the streak after a missed check question', async ({
  page,
  web,
}) => {
  test.setTimeout(120_000);
  await page.goto(web.url);
  await expect(page.getByTestId('page-home')).toBeVisible();
  await expect(page.getByTestId('home-continue')).toContainText(CONTENT.en['output-size'].title);
  await expect(page.getByTestId('home-reviews-due')).toHaveText('0');
  await expect(page.getByTestId('home-review-button')).toBeDisabled();
  await expect(page.getByTestId('home-streak-days')).toHaveText('0');
  await expect(page.getByTestId('home-designs')).toContainText('No saved designs yet.');

  await page.getByTestId('home-continue-button').click();
  const lessons = new LessonsPage(page);
  await expect(lessons.lesson).toHaveAttribute('data-lesson', 'output-size');
  // A wrong answer schedules the question for review.
  const q = questionOf(LESSONS['output-size'].questions[0]!);
  await lessons.answer(0, String((q.expected as number) + 1));

  await page.getByTestId('nav-home').click();
  await page.reload();
  const p = await progressOf(page);
  const due = Math.max(p.forecast[0]?.due ?? 0, p.reviewsDue);
  expect(due).toBeGreaterThan(0);
  await expect(page.getByTestId('home-reviews-due')).toHaveText(String(due));
  await expect(page.getByTestId('home-streak-days')).toHaveText(String(p.streakDays));
  await expect(page.getByTestId('home-continue')).toContainText(CONTENT.en['output-size'].title);
  await page.getByTestId('home-review-button').click();
  await expect(page).toHaveURL(/#\/practice\?review=1$/);
});
