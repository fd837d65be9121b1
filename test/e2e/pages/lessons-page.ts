import { expect, type Locator, type Page } from '@playwright/test';

/** The Lessons page: the path of lessons, one lesson with its widgets and check questions. */
export class LessonsPage {
  readonly path: Locator;
  readonly lesson: Locator;
  readonly questions: Locator;

  constructor(readonly page: Page) {
    this.path = page.getByTestId('lesson-path');
    this.lesson = page.getByTestId('lesson');
    this.questions = page.getByTestId('check-question');
  }

  async openPath(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/lessons`);
    await expect(this.path).toBeVisible();
  }

  /** Opens a lesson by its URL (a first load of the app on a busy machine can take a while). */
  async openLesson(baseUrl: string, id: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/lessons/${id}`);
    await expect(this.lesson).toHaveAttribute('data-lesson', id, { timeout: 30_000 });
  }

  pathItem(id: string): Locator {
    return this.page.locator(`[data-testid="lesson-path-item"][data-lesson="${id}"]`);
  }

  section(id: string): Locator {
    return this.lesson.locator(`[data-section="${id}"]`);
  }

  /** Types (or picks) an answer to check question `index` and submits it; returns its feedback. */
  async answer(index: number, answer: string): Promise<Locator> {
    const q = this.questions.nth(index);
    const choice = q.getByTestId(`check-choice-${answer}`);
    if ((await q.getByTestId('check-choices').count()) > 0) await choice.click();
    else await q.getByTestId('check-answer').locator('input').fill(answer);
    await q.getByTestId('check-submit').click();
    const feedback = q.getByTestId('feedback');
    await expect(feedback).toBeVisible();
    return feedback;
  }

  /** Sets one of a widget's number inputs (naive-ui NInputNumber) and commits it. */
  async setNumber(testid: string, value: number): Promise<void> {
    const input = this.page.getByTestId(testid).locator('input');
    await input.fill(String(value));
    await input.press('Enter');
  }
}
