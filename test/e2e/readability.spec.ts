import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { lineCount, textContrast } from './pages/contrast';
import { LessonsPage } from './pages/lessons-page';
import { PracticePage } from './pages/practice-page';

/**
 * What axe-core does not see: disabled controls and answered questions (it skips disabled elements),
 * link colours, and lines that break inside a number or a formula. Checked from computed styles and
 * line boxes, in both themes, in Chinese (the longer lines of the review that found these).
 */

const AA = 4.5;

for (const theme of ['light', 'dark'] as const) {
  test(`links, disabled buttons, answered choices and line breaks are readable, ${theme}`, async ({
    browser,
    web,
  }) => {
    test.setTimeout(240_000);
    const context = await web.newContext(browser, {
      locale: 'zh-CN',
      colorScheme: theme,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const lessons = new LessonsPage(page);
    const accent = async () =>
      page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--cs-accent)';
        document.body.append(probe);
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      });

    // The back link: the accent colour (not the browser's #0000ee / visited purple), clear of the top.
    await lessons.openLesson(web.url, 'initialisation');
    const back = page.getByTestId('lesson-back');
    await expect(back).toHaveCSS('color', await accent());
    const top = await back.evaluate((el) => el.getBoundingClientRect().top);
    expect(top, 'the back link sits below the window’s top edge').toBeGreaterThanOrEqual(16);
    // The links into the Gradient Lab likewise.
    await expect(page.getByTestId('lesson-lab-kaiming')).toHaveCSS('color', await accent());
    // "1.39 × 10⁴²" stays on one line wherever the paragraph wraps.
    const sci = page.locator('.cs-value', { hasText: '×' });
    expect(await sci.count()).toBeGreaterThan(0);
    for (const value of await sci.all()) {
      expect(await lineCount(value), (await value.textContent()) ?? '').toBe(1);
    }

    // Inline formulas never break ("w ← w − / η(g+2λw)").
    await lessons.openLesson(web.url, 'remedies');
    const inline = page.locator('[data-testid="lesson-section"] p .katex');
    expect(await inline.count()).toBeGreaterThan(5);
    for (const formula of await inline.all()) expect(await lineCount(formula)).toBe(1);

    // A disabled Submit (nothing typed yet) still reads at AA.
    await lessons.openLesson(web.url, 'layer-complexity');
    const submit = page.getByTestId('check-submit').first();
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeDisabled();
    expect(await textContrast(submit.locator('.n-button__content'))).toBeGreaterThanOrEqual(AA);

    // An answered concept question: its choices are disabled and must still be readable.
    const shell = new AppShell(page);
    const practice = new PracticePage(page);
    await shell.open(web.url, 'practice');
    await practice.chooseSkills(['concepts']);
    await practice.setDifficulty(1);
    await practice.setCount(1);
    await practice.start();
    const concept = await practice.current();
    await practice.answer(concept, PracticePage.wrongAnswer(concept));
    await practice.expectFeedback(false);
    const labels = page.getByTestId('answer-choices').locator('.n-radio__label');
    expect(await labels.count()).toBeGreaterThan(1);
    for (const label of await labels.all()) expect(await textContrast(label)).toBeGreaterThanOrEqual(AA);
    await context.close();
  });
}
