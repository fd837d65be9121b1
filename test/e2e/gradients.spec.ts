import { join } from 'node:path';
import { repoRoot, test, expect } from './fixtures';
import { GradientsPage } from './pages/gradients-page';
import {
  getExperiment as getPreset,
  runExperiment as runToEnd,
  type MlpExperimentResult as MlpLabResult,
} from '../../src/core/autograd';

/** The numbers the panel must show for a preset, computed here by the same engine, headless. */
function expected(id: string): MlpLabResult['summary'] {
  const preset = getPreset(id);
  if (!preset) throw new Error(id);
  return (runToEnd(preset.config) as MlpLabResult).summary;
}
// The machine running e2e may be shared and slow: training runs get generous time.
test.describe.configure({ timeout: 300_000 });

const two = (v: number | null) => (v === null ? '—' : (Math.abs(v) < 0.005 ? 0 : v).toFixed(2));

test('a preset runs in the worker with live charts, pauses, and shows the engine’s numbers', async ({
  page,
  web,
  consoleErrors,
}) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'vanishing');
  await expect(page.getByTestId('lab-empty')).toBeVisible();
  await lab.run();
  await expect(lab.row(0)).toHaveAttribute('data-status', /running|done/);
  // The per-layer chart appears while training.
  await expect(page.getByTestId('chart-gradnorm')).toBeVisible();
  await lab.waitDone(0);
  const want = expected('vanishing');
  await expect(lab.row(0).getByTestId('lab-ratio')).toHaveText(
    `${two(want.log10RatioStart)} → ${two(want.log10RatioEnd)}`,
  );
  await expect(page.getByTestId('chart-loss')).toBeVisible();
  await expect(page.getByTestId('chart-histograms')).toBeVisible();
  await expect(page.getByTestId('chart-boundary')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a long run pauses (the step count holds), resumes and cancels', async ({ page, web }) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'vanishing');
  // A run long enough to pause on a busy machine: the most steps, and wide layers.
  await page.getByTestId('lab-steps').locator('input').fill('5000');
  await page.getByTestId('lab-steps').locator('input').blur();
  await page.getByTestId('lab-width').locator('input').fill('256');
  await page.getByTestId('lab-width').locator('input').blur();
  await lab.run();
  await page.getByTestId('lab-pause').click();
  await expect(lab.row(0)).toHaveAttribute('data-status', 'paused');
  // The worker finishes and reports the step it was in when the pause came; from then on the count holds.
  const status = lab.row(0).getByTestId('lab-run-status');
  let held: string | null = null;
  await expect(async () => {
    held = await status.textContent();
    await page.waitForTimeout(1000);
    expect(await status.textContent()).toBe(held);
  }).toPass({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  expect(await status.textContent()).toBe(held);
  await page.getByTestId('lab-resume').click();
  await expect(lab.row(0)).toHaveAttribute('data-status', 'running');
  await expect(lab.row(0).getByTestId('lab-run-status')).not.toHaveText(held ?? '');
  await page.getByTestId('lab-cancel').click();
  await expect(lab.row(0)).toHaveAttribute('data-status', 'cancelled');
});

test('cancel stops a run; a saved run reopens after a restart without training again', async ({
  page,
  web,
}) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'pretrain');
  // Long enough to be cancelled while it runs, even on a fast machine: the most steps, wide layers.
  await page.getByTestId('lab-steps').locator('input').fill('5000');
  await page.getByTestId('lab-steps').locator('input').blur();
  await page.getByTestId('lab-width').locator('input').fill('256');
  await page.getByTestId('lab-width').locator('input').blur();
  await lab.run();
  await page.getByTestId('lab-cancel').click();
  await expect(lab.row(0)).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('lab-cancel')).toHaveCount(0);

  await lab.openPreset(web.url, 'exploding');
  await lab.run();
  await lab.waitDone(1);
  const ratio = await lab.row(1).getByTestId('lab-gradmax').textContent();
  await lab.save(1, 'Exploding demo');
  await expect(lab.savedRow('Exploding demo')).toHaveCount(1);

  const url = await web.restart();
  await lab.openPreset(url, 'exploding');
  await expect(lab.savedRow('Exploding demo')).toHaveCount(1);
  await lab.savedRow('Exploding demo').getByTestId('lab-saved-open').click();
  await expect(lab.row(0)).toHaveAttribute('data-status', 'done');
  await expect(lab.row(0).getByTestId('lab-gradmax')).toHaveText(ratio ?? '');
  await expect(page.getByTestId('chart-gradnorm')).toBeVisible();
  await expect(page.getByTestId('chart-loss')).toBeVisible();
});

test('LSTM against tanh RNN: the gradient-through-time chart compares both', async ({ page, web }) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'lstm');
  await page.getByTestId('lab-run-pair').click();
  await lab.waitDone(1);
  await expect(lab.rows).toHaveCount(2);
  await expect(page.getByTestId('chart-recurrent')).toBeVisible();
  await expect(lab.row(1).getByTestId('lab-decades')).not.toBeEmpty();
});

test('orthogonal W_hh: the preset sets the field and loses less than half the tanh RNN’s decades', async ({
  page,
  web,
}) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'rnn-orthogonal');
  await expect(page.getByTestId('lab-recurrent-init')).toContainText('Orthogonal');
  await page.getByTestId('lab-run-pair').click();
  await lab.waitDone(1);
  await expect(lab.rows).toHaveCount(2);
  const decades = async (i: number) =>
    Number(/(-?[\d.]+)/.exec((await lab.row(i).getByTestId('lab-decades').textContent()) ?? '')?.[1]);
  const [plain, orthogonal] = [await decades(0), await decades(1)];
  expect(Math.abs(orthogonal)).toBeLessThan(Math.abs(plain) / 2);
});

for (const locale of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots of the Gradient Lab, ${theme}, ${locale}`, async ({ browser, web }) => {
      test.skip(!process.env.SCREENSHOTS, 'screenshots are taken by `npm run screenshots`');
      test.setTimeout(400_000);
      const context = await web.newContext(browser, {
        locale,
        colorScheme: theme,
        viewport: { width: 1440, height: 1000 },
      });
      const page = await context.newPage();
      const lab = new GradientsPage(page);
      const suffix = `${theme}${locale === 'en' ? '' : '-zh'}`;
      await lab.openPreset(web.url, 'relu');
      await page.getByTestId('lab-run-pair').click();
      await lab.waitDone(1);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({
        path: join(repoRoot, 'docs', 'screenshots', `gradients-vanishing-vs-relu-${suffix}.png`),
        fullPage: true,
      });
      await lab.openPreset(web.url, 'lstm');
      await page.getByTestId('lab-run-pair').click();
      await lab.waitDone(3);
      await page.getByTestId('chart-recurrent').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(repoRoot, 'docs', 'screenshots', `gradients-rnn-lstm-${suffix}.png`),
        fullPage: true,
      });
      await context.close();
    });
  }
}

test('the form shows a field only when it applies, and a run set up at its limits saves', async ({
  page,
  web,
}) => {
  const lab = new GradientsPage(page);
  await lab.openPreset(web.url, 'kaiming');
  const field = (testid: string) => page.getByTestId(testid);
  const choose = async (testid: string, option: string) => {
    await field(testid).click();
    await page
      .locator('.n-base-select-option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
  };
  const type = async (testid: string, value: string) => {
    await field(testid).locator('input').fill(value);
    await field(testid).locator('input').blur();
  };
  await expect(field('lab-leaky-slope')).toHaveCount(0);
  await choose('lab-activation', 'LeakyReLU');
  await expect(field('lab-leaky-slope')).toBeVisible();
  await expect(field('lab-momentum')).toBeVisible();
  await choose('lab-optimizer', 'Adam');
  await expect(field('lab-momentum')).toHaveCount(0);
  // The smallest values the form lets through (a learning rate of 0 is not one of them).
  await type('lab-lr', '0');
  await type('lab-depth', '0');
  await type('lab-width', '1');
  await type('lab-steps', '3');
  await expect(page.getByTestId('lab-preset')).toHaveText(/.+/);
  await lab.run();
  await lab.waitDone(0);
  await lab.save(0, 'At the limits');
  await expect(lab.savedRow('At the limits')).toHaveCount(1);
});
