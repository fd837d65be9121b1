import { test, expect } from './fixtures';
import { LessonsPage } from './pages/lessons-page';

// The demos train in a Web Worker; a shared machine may be slow.
test.describe.configure({ timeout: 180_000 });

/** The numbers in a text, in order ("0.13", "16"…; both languages write them with a decimal point). */
const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the orthogonal-Wₕₕ demo's caption quotes the decades its chart shows, ${locale}`, async ({
    browser,
    web,
  }) => {
    const context = await web.newContext(browser, { locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lessons = new LessonsPage(page);
    await lessons.openLesson(web.url, 'remedies');
    const demo = page.getByTestId('widget-gradient-demo');
    await demo.getByTestId('demo-select').click();
    await page.locator('.n-base-select-option').filter({ hasText: /Wₕₕ/ }).click();
    await expect(demo).toHaveAttribute('data-demo', 'rnn-orthogonal');
    const summary = demo.getByTestId('demo-summary');
    await expect(summary).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
    // What the summary under the chart shows: decades lost by the tanh RNN, then with orthogonal Wₕₕ.
    const shown = async (series: string) => {
      const item = summary.locator(`li[data-series="${series}"]`);
      const name = await item.locator('strong').innerText();
      // The sentence also names t = 0: the decades are its largest number.
      return Math.max(...numbers((await item.innerText()).slice(name.length)));
    };
    const plain = await shown('rnn-tanh');
    const orthogonal = await shown('rnn-orthogonal');
    // The caption's sentence with numbers reads them from the same run: whole decades, and per step.
    const finding = numbers(await demo.getByTestId('demo-finding').innerText());
    expect(finding).toContain(Math.round(plain));
    expect(finding).toContain(Math.round(orthogonal));
    expect(finding).toContain(Math.round((100 * orthogonal) / 50) / 100);
    // No other number in the caption speaks of decades: every one is in the finding, or the steps.
    const caption = numbers(await demo.getByTestId('demo-caption').innerText());
    for (const n of caption) expect([...finding, 0, 1]).toContain(n);
    await context.close();
  });
}
