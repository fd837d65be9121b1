import { getZooModel } from '../../src/core';
import { computeErf } from '../../src/core/erf';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { LessonsPage } from './pages/lessons-page';
import { depthFit, variantErf } from '../../src/renderer/src/lessons/widgets/erf-lesson';
import { saveDesign } from './pages/save-design';

// ResNet-18 at 224×224 takes seconds on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

test('the ERF panel computes ResNet-18’s effective receptive field with progress, the core’s numbers and unit picking', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url);
  const model = getZooModel('resnet18')!;
  await saveDesign(page, 'ResNet-18', model);
  await shell.open(web.url, 'designs');
  await d.row('ResNet-18').getByTestId('design-open').click();
  await expect(page.getByTestId('total-macs')).toBeVisible();

  await page.getByTestId('designs-tabs').locator('.n-tabs-tab[data-name="erf"]').click();
  const panel = page.getByTestId('erf-panel');
  await expect(panel).toBeVisible();
  // The run goes to a worker: the progress bar shows while the page stays responsive.
  await expect(page.getByTestId('erf-progress')).toBeVisible();
  await expect(page.getByTestId('erf-layer')).toContainText('layer4.1.conv2');
  await expect(page.getByTestId('erf-map')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('erf-progress')).toBeHidden();

  const expected = computeErf(model);
  const stat = (key: string) => page.getByTestId('erf-stats').locator(`[data-stat="${key}"] td`);
  await expect(stat('layer')).toHaveText('layer4.1.conv2 [3, 3]');
  await expect(stat('rf')).toHaveText(`${expected.hull.size[0]} × ${expected.hull.size[1]}`);
  await expect(stat('side68')).toHaveText(`${expected.stats.side68} × ${expected.stats.side68}`);
  await expect(stat('side95')).toHaveText(`${expected.stats.side95} × ${expected.stats.side95}`);
  await expect(stat('holes')).toHaveText(String(expected.stats.holes));
  // The map is drawn: its centre pixel is not the empty background.
  const lit = await page.getByTestId('erf-map').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const px = c.getContext('2d')!.getImageData(c.width / 2, c.height / 2, 1, 1).data;
    return px[0] + px[1] + px[2];
  });
  expect(lit).toBeGreaterThan(0);

  // Clicking near the top-left corner of the image picks the unit whose RF is centred there.
  const map = page.getByTestId('erf-map');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
  await expect(page.getByTestId('erf-progress')).toBeVisible();
  await page.getByTestId('erf-cancel').click();
  await expect(page.getByTestId('erf-progress')).toBeHidden();
  await expect(page.getByTestId('erf-error')).toHaveCount(0);
  await page.getByTestId('erf-run').click();
  await expect(page.getByTestId('erf-progress')).toBeHidden({ timeout: 180_000 });
  await expect(stat('layer')).not.toHaveText('layer4.1.conv2 [3, 3]');
  await expect(stat('layer')).toContainText('layer4.1.conv2 [');
});

test('the receptive-field lesson shows the √depth law and the variants', async ({ page, web }) => {
  const lessons = new LessonsPage(page);
  await lessons.openLesson(web.url, 'receptive-field');
  const fit = depthFit();
  const depth = page.getByTestId('widget-erf-depth');
  await depth.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('erf-fit')).toContainText(fit.side68.alpha.toFixed(2));
  await expect(depth.locator('canvas').last()).toBeVisible();
  const variants = page.getByTestId('widget-erf-variants');
  await expect(variants.locator('figure')).toHaveCount(5);
  await expect(variants.locator('[data-variant="gridding"] figcaption')).toContainText(
    `holes ${variantErf('gridding').stats.holes}`,
  );
});
