import { test, expect } from './fixtures';
import { GradientsPage } from './pages/gradients-page';
import { getExperiment, runExperiment } from '../../src/core/autograd';

// The machine running e2e may be shared and slow: training runs get generous time.
test.describe.configure({ timeout: 300_000 });

/** The decades the engine loses through time for the default tanh RNN and LSTM, headless. */
function decades(cell: 'tanh' | 'lstm'): number {
  const base = getExperiment('rnn-tanh')!.config;
  if (base.kind !== 'rnn') throw new Error('rnn-tanh is not recurrent');
  const r = runExperiment({ ...base, cell });
  if (r.kind !== 'rnn' || r.decades === null) throw new Error('no decades');
  return r.decades;
}

const TEXT = {
  en: { rnn: 'RNN / LSTM', lstm: 'LSTM', decades: 'Decades lost through time' },
  'zh-CN': { rnn: 'RNN / LSTM', lstm: 'LSTM', decades: '随时间损失的数量级' },
} as const;

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the RNN view scrolled to its chart and numbers, 1280×800, ${locale}`, async ({ browser, web }) => {
    const context = await web.newContext(browser, { locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lab = new GradientsPage(page);
    await page.goto(`${web.url}#/gradients`);
    await expect(page.getByTestId('page-gradients')).toBeVisible({ timeout: 30_000 });
    // The recurrent model, chosen through the form: a tanh RNN, then an LSTM.
    await page.getByTestId('lab-kind-rnn').click();
    await expect(page.getByTestId('lab-cell')).toBeVisible();
    await lab.run();
    await lab.waitDone(0);
    await page.getByTestId('lab-cell').click();
    await page
      .locator('.n-base-select-option')
      .filter({ hasText: new RegExp(`^${TEXT[locale].lstm}$`) })
      .click();
    await lab.run();
    await lab.waitDone(1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

    // The chart is labelled: a region named by its title, with axes named in the page's language.
    const chart = page.getByTestId('chart-recurrent');
    await expect(chart).toBeVisible();
    const title = (await chart.getByRole('heading').textContent()) ?? '';
    expect(title).not.toMatch(/[_^]/);
    await expect(page.getByRole('region', { name: title })).toBeVisible();

    // Nothing overflows sideways: the page, and every table in it.
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const out: string[] = [];
      if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
      for (const t of Array.from(document.querySelectorAll('table'))) {
        const box = t.parentElement!;
        if (t.scrollWidth > box.clientWidth) out.push(`table ${t.scrollWidth} > ${box.clientWidth}`);
      }
      return out;
    });
    expect(overflow).toEqual([]);

    // The numbers table speaks of what an RNN run measures: its headers are the recurrent ones, and
    // each row's decades are the engine's, in a cell under its header.
    const table = page.getByTestId('lab-numbers');
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    expect(headers).toContain(TEXT[locale].decades);
    for (const h of headers) expect(h).not.toMatch(/[_^]/);
    const want = [decades('tanh'), decades('lstm')];
    for (const [i, value] of want.entries()) {
      const cell = lab.row(i).getByTestId('lab-decades');
      await expect(cell).toBeInViewport();
      const shown = Number(((await cell.innerText()).match(/-?[\d.]+/) ?? ['NaN'])[0]);
      expect(shown).toBeCloseTo(value, 1);
      // Readable: the number sits on one line in a cell at least as wide as its text.
      const box = await cell.boundingBox();
      expect(box!.width).toBeGreaterThan(40);
    }
    await context.close();
  });
}
