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

/** The summary the MLP row must show for a preset, computed by the same engine, headless. */
function mlpSummary(id: string) {
  const preset = getExperiment(id);
  if (!preset) throw new Error(id);
  const r = runExperiment(preset.config);
  if (r.kind !== 'mlp') throw new Error(`${id} is not an MLP experiment`);
  return r.summary;
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`an MLP run and an RNN run compared: the numbers fit at 1280×800 without sideways scrolling, ${locale}`, async ({
    browser,
    web,
  }) => {
    const context = await web.newContext(browser, { locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lab = new GradientsPage(page);
    // The MLP preset first, then the default tanh RNN chosen through the form.
    await lab.openPreset(web.url, 'vanishing');
    await lab.run();
    await lab.waitDone(0);
    await page.getByTestId('lab-kind-rnn').click();
    await expect(page.getByTestId('lab-cell')).toBeVisible();
    await lab.run();
    await lab.waitDone(1);

    // Every box holding a numbers table shows all its columns: nothing to scroll sideways.
    const tables = page.getByTestId('lab-numbers');
    await expect(tables.first()).toBeVisible();
    const overflow = await tables.evaluateAll((all) =>
      all.flatMap((t) => {
        const box = t.parentElement!;
        const out: string[] = [];
        if (t.scrollWidth > t.clientWidth) out.push(`table ${t.scrollWidth} > ${t.clientWidth}`);
        if (box.scrollWidth > box.clientWidth) out.push(`box ${box.scrollWidth} > ${box.clientWidth}`);
        return out;
      }),
    );
    expect(overflow).toEqual([]);

    // Each run is visible with its own values, each value cell inside its table's box.
    const want = mlpSummary('vanishing');
    const two = (v: number | null) => (v === null ? '—' : (Math.abs(v) < 0.005 ? 0 : v).toFixed(2));
    const mlpRow = lab.rows.filter({ has: page.getByTestId('lab-ratio') });
    const rnnRow = lab.rows.filter({ has: page.getByTestId('lab-decades') });
    await expect(lab.rows).toHaveCount(2);
    await expect(mlpRow).toHaveCount(1);
    await expect(rnnRow).toHaveCount(1);
    await expect(mlpRow.getByTestId('lab-ratio')).toHaveText(
      `${two(want.log10RatioStart)} → ${two(want.log10RatioEnd)}`,
    );
    const shown = Number(
      ((await rnnRow.getByTestId('lab-decades').innerText()).match(/-?[\d.]+/) ?? ['NaN'])[0],
    );
    expect(shown).toBeCloseTo(decades('tanh'), 1);
    for (const row of [mlpRow, rnnRow]) {
      await row.scrollIntoViewIfNeeded();
      await expect(row.getByTestId('lab-run-name')).toBeVisible();
      const cells = row.locator('td');
      const clipped = await cells.evaluateAll((all) =>
        all
          .filter((c) => {
            const box = c.closest('[data-testid="lab-numbers"]')!.parentElement!.getBoundingClientRect();
            const r = c.getBoundingClientRect();
            return r.width === 0 || r.left < box.left - 0.5 || r.right > box.right + 0.5;
          })
          .map((c) => c.textContent ?? ''),
      );
      expect(clipped).toEqual([]);
    }
    for (const id of ['lab-signal', 'lab-ratio', 'lab-gradmax', 'lab-loss', 'lab-accuracy']) {
      await expect(mlpRow.getByTestId(id)).toBeInViewport();
      await expect(mlpRow.getByTestId(id)).toHaveText(/\d/);
    }
    await expect(rnnRow.getByTestId('lab-decades')).toBeInViewport();
    await context.close();
  });
}
