import { analyzeModel, getZooModel } from '../../src/core';
import { analyzeTraining } from '../../src/core/analysis/training';
import { DEVICE_PRESETS, estimateModel, formatSeconds, sweepResolution } from '../../src/core/hardware';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/** An exponent as superscript characters, the decimal point as a raised dot. */
const raised = (digits: string) =>
  [...digits].map((c) => (c === '.' ? '·' : c === '-' ? '⁻' : '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)])).join('');

test.describe.configure({ timeout: 180_000 });

const resnet50 = analyzeModel(getZooModel('resnet50')!);
const preset = (id: string) => DEVICE_PRESETS.find((d) => d.id === id)!;

test('ResNet-50 on the roofline: every BN, ReLU and add is a memory-bound point, labelled an estimate', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-50 timing', 'ResNet-50');
  const summary = page.getByTestId('estimate-summary');
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toContainText('Roofline estimate, not a measurement');
  const e = estimateModel(resnet50, preset('a100-sxm'));
  await expect(page.getByTestId('roofline-counts')).toContainText(
    `Under the memory roof (left of the ridge at ${e.ridge.toPrecision(3)} FLOP/B): ${e.roofs.memory} of ${e.layers.length} layers.`,
  );
  expect(e.roofs.memory).toBeGreaterThan(100);
  await expect(page.getByTestId('estimate-time')).toContainText(formatSeconds(e.seconds));
  await expect(page.getByTestId('chart-roofline').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-layer-time').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-kind-share').locator('canvas')).toBeVisible();

  // A measured time faster than the roof allows is flagged; a slower one is not.
  const measured = page.getByTestId('estimate-measured').locator('input');
  await measured.fill('0.01');
  await measured.blur();
  await expect(page.getByTestId('estimate-above-roof')).toContainText('above the roof');
  await measured.fill('50');
  await measured.blur();
  await expect(page.getByTestId('estimate-above-roof')).toBeHidden();

  // One training step at batch 4 with SGD: forward + backward + update, as the core estimates it.
  const batch = page.getByTestId('estimate-batch').locator('input');
  await batch.fill('4');
  await batch.blur();
  await d.choose(page.getByTestId('estimate-optimizer'), 'SGD');
  const model = getZooModel('resnet50')!;
  const step = estimateModel(
    resnet50,
    preset('a100-sxm'),
    4,
    analyzeTraining(model, resnet50, { optimizer: 'sgd', batch: 4 }),
  ).trainingStep!;
  await expect(page.getByTestId('estimate-training-step')).toContainText(
    `(SGD, batch 4): ${formatSeconds(step.seconds)} = forward ${formatSeconds(step.forwardSeconds)} + backward ${formatSeconds(step.backwardSeconds)} + update ${formatSeconds(step.updateSeconds)}`,
  );
});

test('an edited device is saved in the settings and used after a restart', async ({ page, web }) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-50 on a 3060', 'ResNet-50');
  await d.save();
  await page.getByTestId('estimate-summary').scrollIntoViewIfNeeded();
  await d.choose(page.getByTestId('roofline-device'), 'NVIDIA GeForce RTX 3060 12GB');
  const bandwidth = page.getByTestId('device-bandwidth').locator('input');
  await bandwidth.fill('180');
  await bandwidth.press('Enter');
  const edited = { ...preset('rtx-3060'), bandwidth: 180e9 };
  const time = formatSeconds(estimateModel(resnet50, edited).seconds);
  await expect(page.getByTestId('estimate-time')).toContainText(time);
  await expect(page.getByTestId('device-reset')).toBeVisible();

  await web.restart();
  await shell.open(web.url, 'designs');
  await d.row('ResNet-50 on a 3060').getByTestId('design-open').click();
  await page.getByTestId('estimate-summary').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('estimate-time')).toContainText(`${time} on NVIDIA GeForce RTX 3060 12GB`);
  await expect(bandwidth).toHaveValue('180');

  await page.getByTestId('device-reset').click();
  await expect(bandwidth).toHaveValue('360');
  await expect(page.getByTestId('estimate-time')).toContainText(
    formatSeconds(estimateModel(resnet50, preset('rtx-3060')).seconds),
  );
});

test('sweeps show quadratic growth over resolution and linear growth over batch size', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-18 sweep', 'ResNet-18');
  const sweep = page.getByTestId('sweep');
  await sweep.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-sweep').locator('canvas')).toBeVisible();
  // The panel's default range for a 224 input: 112 to 448 in steps of 32.
  const sizes = Array.from({ length: 11 }, (_, i): [number, number] => [112 + 32 * i, 112 + 32 * i]);
  const fit = sweepResolution(getZooModel('resnet18')!, sizes).fits.macs!;
  // The exponent is raised, as in print: "∝ side¹·⁹⁷", never "side^1.97".
  await expect(page.getByTestId('sweep-fit')).toContainText(
    `∝ side${raised(fit.exponent.toFixed(2))} (quadratic)`,
  );
  await page.getByTestId('sweep-metric').getByText('Parameters').click();
  await expect(page.getByTestId('sweep-fit')).toContainText('(constant)');
  await page.getByTestId('sweep-axis').getByText('batch size').click();
  await page.getByTestId('sweep-metric').getByText('MACs').click();
  await expect(page.getByTestId('sweep-fit')).toContainText(`∝ N${raised('1.00')} (linear)`);
});
