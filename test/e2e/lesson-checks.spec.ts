import { LESSONS } from '../../src/renderer/src/lessons/catalog';
import { questionOf } from '../../src/renderer/src/lessons/questions';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { LessonsPage } from './pages/lessons-page';
import { PracticePage } from './pages/practice-page';

/**
 * Lesson checks read answers as Practice does: an answer the grader cannot read is asked again with
 * the reason (not counted as a miss, the answer not revealed), and the forms a Chinese student types
 * are read. The reasons come in the learner's language, in the lessons and in Practice.
 */
test('a lesson check asks again on "nineteen" and does not reveal the answer; "19。" is right', async ({
  page,
  web,
}) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'receptive-field');
  const q = questionOf(LESSONS['receptive-field'].questions[1]!);
  expect(q.expected).toBe(19);
  const check = lessons.questions.nth(1);
  await expect(check.getByTestId('check-format')).toContainText('e.g. 3');
  const input = check.getByTestId('check-answer').locator('input');
  await input.fill('nineteen');
  await check.getByTestId('check-submit').click();
  await expect(check.getByTestId('check-unreadable')).toContainText('"nineteen" is not a number');
  await expect(check.getByTestId('feedback')).toHaveCount(0);
  await expect(check).not.toContainText('Expected');
  // "0,217" is neither read as 217 nor as 0.217: asked again.
  await input.fill('0,217');
  await check.getByTestId('check-submit').click();
  await expect(check.getByTestId('check-unreadable')).toContainText('is the comma a decimal point?');
  await expect(check.getByTestId('feedback')).toHaveCount(0);
  await input.fill('19。');
  await check.getByTestId('check-submit').click();
  await expect(check.getByTestId('feedback')).toHaveAttribute('data-correct', 'true');
});

test('in Chinese: the reason is Chinese, and "7549.7472万" and full-width digits are right', async ({
  browser,
  web,
}) => {
  test.setTimeout(120_000);
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'layer-complexity');
  const q = questionOf(LESSONS['layer-complexity'].questions[0]!);
  expect(q.expected).toBe(75_497_472);
  const check = lessons.questions.nth(0);
  const input = check.getByTestId('check-answer').locator('input');
  await input.fill('nineteen');
  await check.getByTestId('check-submit').click();
  await expect(check.getByTestId('check-unreadable')).toContainText('无法识别答案：“nineteen”不是有效数字');
  await expect(check.getByTestId('feedback')).toHaveCount(0);
  await input.fill('7549.7472万');
  await check.getByTestId('check-submit').click();
  await expect(check.getByTestId('feedback')).toHaveAttribute('data-correct', 'true');

  await lessons.openLesson(web.url, 'output-size');
  const first = lessons.questions.nth(0);
  await first.getByTestId('check-answer').locator('input').fill('２４');
  await first.getByTestId('check-submit').click();
  await expect(first.getByTestId('feedback')).toHaveAttribute('data-correct', 'true');

  // Practice gives the same reader's reasons, in Chinese.
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  await shell.open(web.url, 'practice');
  await practice.chooseSkills(['output-size']);
  await practice.setCount(1);
  await practice.start();
  await practice.input.fill('abc');
  await practice.input.press('Enter');
  await expect(page.getByTestId('answer-unreadable')).toContainText('“abc”不是有效数字');
  await context.close();
});
