import { grade } from '../../src/core/quiz';
import { rfCellStates, type RfCellState } from '../../src/renderer/src/lessons/widgets/rf-geometry';
import { rfRowSizes, type RfLayerSpec } from '../../src/renderer/src/practice/geometry';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { PracticePage } from './pages/practice-page';
import { ProgressPage } from './pages/progress-page';

/**
 * A practice session end to end: right and wrong answers graded by the backend, the worked solution of
 * the wrong one, the Progress page and review queue updated, and all of it still there after a restart.
 * Right answers are computed here with the core from the question id the page shows.
 */
test('a practice session with right and wrong answers updates progress and reviews, across a restart', async ({
  page,
  web,
  consoleErrors,
}) => {
  test.setTimeout(360_000);
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  const progress = new ProgressPage(page);

  await shell.open(web.url, 'practice');
  await practice.chooseSkills(['output-size', 'conv-params', 'concepts']);
  await practice.setDifficulty(1);
  await practice.setCount(3);
  await practice.start();

  const asked: string[] = [];
  let missed = '';
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('question-progress')).toContainText(`${i + 1}`);
    const q = await practice.current();
    asked.push(q.id);
    const right = i !== 1;
    if (i === 2 && q.answerKind !== 'choice') {
      // An answer the core cannot read is reported and not recorded.
      await practice.input.fill('fourty-two');
      await practice.input.press('Enter');
      await expect(page.getByTestId('answer-unreadable')).toBeVisible();
      await expect(practice.question).toHaveAttribute('data-phase', 'asking');
    }
    const text = right ? PracticePage.rightAnswer(q) : PracticePage.wrongAnswer(q);
    expect(grade(q, text).correct, `${q.id}: "${text}"`).toBe(right);
    await practice.answer(q, text);
    await practice.expectFeedback(right);
    if (!right) {
      missed = q.id;
      await expect(page.getByTestId('feedback-expected')).toContainText(
        q.answerKind === 'choice' ? `${String(q.expected)})` : PracticePage.rightAnswer(q),
      );
      await expect(page.getByTestId('worked-solution')).toBeVisible();
      await expect(page.getByTestId('solution-step')).toHaveCount(grade(q, text).solution.steps.length);
      if (q.answerKind === 'choice') await expect(page.getByTestId('choice-explanations')).toBeVisible();
    } else {
      await expect(page.getByTestId('worked-solution')).toHaveCount(0);
    }
    await practice.goOn();
  }
  await expect(practice.summary).toBeVisible();
  await expect(page.getByTestId('summary-score')).toHaveText('2 of 3 correct');
  await expect(page.getByTestId('summary-item')).toHaveCount(3);

  // Progress: three answers, two right; the missed question and the skill cards are scheduled.
  await shell.navigate('progress');
  await progress.expectStat('attempts', 3);
  await progress.expectStat('correct', 2);
  const forecast = await progress.forecastTotal();
  // One skill card per skill asked, plus a card for the missed question.
  expect(forecast).toBe(new Set(asked.map((id) => id.split(':')[0])).size + 1);
  // The tile, the queue and the chart's "due now" part count the same cards; the rest of today's bar
  // falls due later (FSRS learning steps), so the chart cannot seem to contradict the tile.
  const dueNow = Number(await progress.stat('reviewsDue').getAttribute('data-value'));
  expect(await progress.forecastDueNow()).toBe(dueNow);
  await expect(progress.reviewRows).toHaveCount(dueNow);

  // Everything lives in the database: a restarted server on the same data dir shows the same.
  const url = await web.restart();
  await shell.open(url, 'progress');
  await progress.expectStat('attempts', 3);
  await progress.expectStat('correct', 2);
  expect(await progress.forecastTotal()).toBe(forecast);

  // A missed question's skill at its difficulty comes back for review a minute later (FSRS "again"
  // step): wait for it.
  await expect(async () => {
    await page.reload();
    // The page itself may take a while to come back on a busy machine; the row must be there then.
    await expect(page.getByTestId('page-progress')).toBeVisible({ timeout: 60_000 });
    await expect(progress.reviewRows.filter({ hasText: 'new numbers at each review' })).toHaveCount(1, {
      timeout: 3000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  const due = await progress.reviewRows.count();
  await expect(page.getByTestId('progress-reviewsDue')).toHaveAttribute('data-value', String(due));

  // Reviewing asks the missed question's skill at its difficulty with fresh numbers — never the
  // exact question again; answered right, the queue empties.
  await page.getByTestId('progress-start-reviews').click();
  await shell.expectPage('practice');
  const reviewed: string[] = [];
  for (let i = 0; i < due; i++) {
    await expect(practice.question).toHaveAttribute('data-phase', 'asking');
    const q = await practice.current();
    reviewed.push(q.id);
    await practice.answer(q, PracticePage.rightAnswer(q));
    await practice.expectFeedback(true);
    await practice.goOn();
  }
  await expect(practice.summary).toBeVisible();
  expect(reviewed).not.toContain(missed);
  const [missedSkill, missedDifficulty] = missed.split(':');
  expect(reviewed.some((id) => id.startsWith(`${missedSkill}:${missedDifficulty}:`))).toBe(true);
  await shell.navigate('progress');
  await progress.expectStat('attempts', 3 + due);
  await expect(page.getByTestId('review-queue')).toContainText('No reviews are due.');

  expect(consoleErrors).toEqual([]);
});

test('exam mode gives no feedback until the end, then every worked solution', async ({ page, web }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  await shell.open(web.url, 'practice');
  await practice.chooseSkills(['receptive-field']);
  await practice.setCount(2);
  await page.getByTestId('practice-exam').click();
  await practice.start();
  const first = await practice.current();
  await practice.answer(first, PracticePage.wrongAnswer(first));
  // No verdict: the next question comes at once.
  await expect(page.getByTestId('question-progress')).toContainText('2');
  await expect(practice.feedback).toHaveCount(0);
  const second = await practice.current();
  await practice.answer(second, PracticePage.rightAnswer(second));
  await expect(practice.summary).toBeVisible();
  await expect(page.getByTestId('summary-score')).toHaveText('1 of 2 correct');
  await expect(page.getByTestId('worked-solution')).toHaveCount(2);
  // The receptive-field diagrams come with the solutions, not before the answer.
  await expect(page.getByTestId('rf-diagram')).toHaveCount(2);
  await expect(page.getByTestId('feedback').first()).toHaveAttribute('data-correct', 'false');
});

test('the timer ends the session', async ({ page, web }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  await page.clock.install();
  await shell.open(web.url, 'practice');
  await practice.chooseSkills(['conv-params']);
  await page.getByTestId('practice-timer').click();
  await practice.start();
  // The page clock runs on from install; a slow start may already have taken a few seconds off.
  await expect(page.getByTestId('practice-clock')).toContainText(/Time left (10:00|9:[0-5]\d)/);
  await page.clock.fastForward('10:01');
  await expect(practice.summary).toBeVisible();
  await expect(page.getByTestId('summary-score')).toHaveText('0 of 0 correct');
});

test('the receptive-field diagram of the feedback draws holes as holes, as many as the stack has', async ({
  page,
  web,
}) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const practice = new PracticePage(page);
  await shell.open(web.url, 'practice');
  // Hard questions stack dilated layers; about half of them read the input with holes. Quit the others.
  let holes: RfCellState[][] | null = null;
  for (let attempt = 0; attempt < 20 && !holes; attempt++) {
    await practice.chooseSkills(['receptive-field']);
    await practice.setDifficulty(3);
    await practice.setCount(1);
    await practice.start();
    const q = await practice.current();
    if (q.diagram?.kind === 'rf-1d') {
      const { layers } = q.diagram.data as { layers: RfLayerSpec[] };
      const states = rfCellStates(layers, rfRowSizes(layers, 3), 0);
      if (states[0]!.includes('hole')) {
        holes = states;
        await practice.answer(q, PracticePage.wrongAnswer(q));
        await practice.expectFeedback(false);
        break;
      }
    }
    await page.getByTestId('practice-quit').click();
    await page.getByTestId('practice-again').click();
  }
  if (!holes) throw new Error('no question with holes in 20 hard receptive-field questions');
  const diagram = page.getByTestId('rf-diagram');
  await expect(diagram).toBeVisible();
  // Unit 0 of the top row: the input cells it reads, and the holes inside its span, each drawn as such.
  const input = holes[0]!;
  await expect(diagram.getByTestId('rf-on-0')).toHaveCount(input.filter((s) => s === 'read').length);
  await expect(diagram.getByTestId('rf-hole-0')).toHaveCount(input.filter((s) => s === 'hole').length);
});
