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

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** "1.08 × 10⁻⁴" (or "10⁵") → the exponent of each power of ten written in the text. */
const powers = (text: string) =>
  [...text.matchAll(/10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g)].map((m) =>
    Number([...m[1]!].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join('')),
  );
/** log10 of a number written as "m × 10ⁿ" (the demo's signal ratio), or of a power of ten. */
const log10Shown = (text: string) => {
  const m = /(\d+(?:\.\d+)?)\s*×\s*10/.exec(text);
  return Math.log10(m ? Number(m[1]) : 1) + powers(text)[0]!;
};

/** The demos with a training run: the lesson they are in, and their ids. */
const MLP_DEMOS: { lesson: string; ids: string[] }[] = [
  { lesson: 'vanishing-gradients', ids: ['vanishing', 'relu'] },
  { lesson: 'exploding-gradients', ids: ['exploding', 'kaiming', 'clip-norm'] },
];

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the training demos' findings quote the numbers shown under their charts, ${locale}`, async ({
    browser,
    web,
  }) => {
    const context = await web.newContext(browser, { locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lessons = new LessonsPage(page);
    for (const { lesson, ids } of MLP_DEMOS) {
      await lessons.openLesson(web.url, lesson);
      const demo = page.getByTestId('widget-gradient-demo');
      for (const [i, id] of ids.entries()) {
        if (i > 0) {
          await demo.getByTestId('demo-select').click();
          await page.locator('.n-base-select-option').nth(i).click();
        }
        await expect(demo).toHaveAttribute('data-demo', id);
        const summary = demo.getByTestId('demo-summary');
        await expect(summary).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
        await expect(summary.locator(`li[data-series="${id}"]`)).toBeVisible();
        const item = async (series: string) => {
          const li = summary.locator(`li[data-series="${series}"]`);
          return (await li.innerText()).slice((await li.locator('strong').innerText()).length);
        };
        const mine = await item(id);
        const finding = await demo.getByTestId('demo-finding').innerText();
        // Powers of ten: the signal ratio of this run (and of its problem) rounded to whole decades.
        const shownPowers = powers(finding);
        const signalAxis = /10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(mine);
        if (signalAxis) {
          expect(shownPowers[0], id).toBe(Math.round(log10Shown(mine)));
          const problem = await summary.locator('li').first().getAttribute('data-series');
          if (problem !== id) expect(shownPowers[1], id).toBe(Math.round(log10Shown(await item(problem!))));
        } else {
          // The loss, two significant digits, of the number shown as the final loss.
          const loss = numbers(mine.replace(/,/g, ''))[0]!;
          expect(numbers(finding.replace(/,/g, '')), id).toContain(Number(loss.toPrecision(2)));
        }
        // The accuracy: the percentage shown under the chart.
        const accuracy = /(\d+)\s*%/.exec(mine)![1];
        expect(finding, id).toMatch(new RegExp(`(^|\\D)${accuracy}\\s*%`));
        // The caption itself quotes no power of ten.
        const caption = await demo.getByTestId('demo-caption').innerText();
        expect(powers(caption.replace(finding, '')), id).toEqual([]);
      }
    }
    await context.close();
  });
}
