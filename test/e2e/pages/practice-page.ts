import { expect, type Locator, type Page } from '@playwright/test';
import { formatAnswer, generate, questionFromId, type Question } from '../../../src/core/quiz';

/** The Practice page: session setup, one question at a time, feedback and the summary. */
export class PracticePage {
  readonly question: Locator;
  readonly input: Locator;
  readonly feedback: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.question = page.getByTestId('practice-question');
    this.input = page.getByTestId('answer-input').locator('input');
    this.feedback = page.getByTestId('feedback');
    this.summary = page.getByTestId('practice-summary');
  }

  /** Ticks exactly the given skills. */
  async chooseSkills(skills: readonly string[]): Promise<void> {
    await this.page.getByTestId('skills-none').click();
    for (const skill of skills) await this.page.getByTestId(`skill-${skill}`).click();
  }

  async setCount(count: number): Promise<void> {
    const input = this.page.getByTestId('practice-count').locator('input');
    await input.fill(String(count));
    await input.blur();
  }

  async setDifficulty(d: 1 | 2 | 3): Promise<void> {
    await this.page.getByTestId(`difficulty-${d}`).click();
  }

  async start(): Promise<void> {
    await this.page.getByTestId('practice-start').click();
    await expect(this.question).toHaveAttribute('data-phase', 'asking');
  }

  /** The question on screen, rebuilt by the core from the id the page shows. */
  async current(): Promise<Question> {
    const id = await this.question.getAttribute('data-question-id');
    if (!id) throw new Error('the question has no id');
    return questionFromId(id);
  }

  /** The right answer as a learner would type it, computed by the core for the same question. */
  static rightAnswer(q: Question): string {
    if (q.answerKind === 'choice') return String(q.expected);
    return formatAnswer(q).replace(/ \(.*\)$/, '');
  }

  /** An answer that reads fine but is wrong: the expected number plus one (every entry, for a shape). */
  static wrongAnswer(q: Question): string {
    const e = q.expected;
    if (Array.isArray(e)) return `[${e.map((v) => v + 1).join(', ')}]`;
    if (typeof e === 'number') return `${e + 1}${q.answerKind === 'bytes' ? ' B' : ''}`;
    const other = q.choices?.find((c) => c.key !== e);
    return other ? other.key : `${e}-wrong`;
  }

  /** Types (or picks) an answer and presses Enter. */
  async answer(q: Question, text: string): Promise<void> {
    if (q.answerKind === 'choice') {
      await this.page.getByTestId(`choice-${text}`).click();
      await this.page.keyboard.press('Enter');
    } else {
      await expect(this.input).toBeFocused();
      await this.input.fill(text);
      await this.input.press('Enter');
    }
  }

  async expectFeedback(correct: boolean): Promise<void> {
    await expect(this.question).toHaveAttribute('data-phase', 'feedback');
    await expect(this.feedback).toHaveAttribute('data-correct', String(correct));
  }

  /** Enter again goes on to the next question (or the summary). */
  async goOn(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }
}

export { generate };
