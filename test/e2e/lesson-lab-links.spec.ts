import type { Locator, Page } from '@playwright/test';
import { LESSON_IDS } from '../../src/renderer/src/lessons/catalog';
import { CONTENT } from '../../src/renderer/src/lessons/content';
import { test, expect } from './fixtures';
import { GradientsPage } from './pages/gradients-page';
import { LessonsPage } from './pages/lessons-page';

// Every preset a lesson links to is trained once here: generous time on a shared machine.
test.describe.configure({ timeout: 1_200_000 });

/** The preset id a lab link points at (`#/gradients?preset=<id>`). */
function presetOf(href: string | null): string {
  const m = /#\/gradients\?preset=([^&]+)$/.exec(href ?? '');
  if (!m) throw new Error(`not a Gradient Lab link: ${href}`);
  return decodeURIComponent(m[1]!);
}

/** Follows one link from a lesson into the lab and checks that the lab shows its preset. */
async function followIntoLab(page: Page, link: Locator, from: string): Promise<string> {
  const preset = presetOf(await link.getAttribute('href'));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/gradients\\?preset=${preset}$`));
  await expect(page.getByTestId('page-gradients')).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByTestId('lab-unknown-preset'),
    `lesson "${from}" links to an unknown preset "${preset}"`,
  ).toHaveCount(0);
  await expect(page.getByTestId('lab-preset')).toHaveAttribute('data-preset', preset);
  await expect(page.getByTestId('lab-preset')).not.toHaveText('');
  await expect(page.getByTestId('lab-caption')).not.toBeEmpty();
  return preset;
}

test('every lesson link into the Gradient Lab opens an existing preset that runs', async ({
  page,
  web,
  consoleErrors,
}) => {
  const lessons = new LessonsPage(page);
  const followed = new Set<string>();
  let links = 0;
  for (const id of LESSON_IDS) {
    await lessons.openLesson(web.url, id);
    // The lesson's list of lab presets.
    const listed = await page
      .locator('[data-testid^="lesson-lab-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    for (const testid of listed) {
      await lessons.openLesson(web.url, id);
      followed.add(await followIntoLab(page, page.getByTestId(testid), id));
      links++;
    }
    // Each demo widget's link, for every demo its selector offers.
    const widgets = CONTENT.en[id].sections
      .flatMap((s) => s.blocks)
      .filter((b) => typeof b === 'object' && 'widget' in b && b.widget.startsWith('grad-')).length;
    await lessons.openLesson(web.url, id);
    await expect(page.getByTestId('widget-gradient-demo')).toHaveCount(widgets);
    for (let w = 0; w < widgets; w++) {
      await lessons.openLesson(web.url, id);
      const select = page.getByTestId('widget-gradient-demo').nth(w).getByTestId('demo-select');
      let options = 1;
      if ((await select.count()) > 0) {
        await select.click();
        options = await page.locator('.n-base-select-option').count();
        await page.keyboard.press('Escape');
      }
      for (let o = 0; o < options; o++) {
        await lessons.openLesson(web.url, id);
        const widget = page.getByTestId('widget-gradient-demo').nth(w);
        if (options > 1) {
          await widget.getByTestId('demo-select').click();
          await page.locator('.n-base-select-option').nth(o).click();
        }
        followed.add(await followIntoLab(page, widget.getByTestId('demo-lab-link'), id));
        links++;
      }
    }
  }
  // The lessons do link to the lab (guards against a test that finds nothing to follow).
  expect(links).toBeGreaterThanOrEqual(15);

  // Each preset reached from a lesson runs to the end in the lab, under its own name.
  const lab = new GradientsPage(page);
  for (const preset of followed) {
    await lab.openPreset(web.url, preset);
    const name = (await page.getByTestId('lab-preset').innerText()).trim();
    await lab.run();
    // Earlier runs stay in the comparison (each kind in its own table): this run's row has its name.
    const row = lab.runNamed(name);
    await expect(row).toHaveCount(1);
    await expect(row, `preset "${preset}" runs to the end`).toHaveAttribute('data-status', 'done', {
      timeout: 240_000,
    });
  }
  expect(consoleErrors).toEqual([]);
});
