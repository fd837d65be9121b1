import type { Page } from '@playwright/test';
import { analyzeModel, getZooModel, type ModelSpec } from '../../src/core';
import { formatShape } from '../../src/core/format';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

// Each test drives a whole workspace on a shared 2-core machine: allow for a slow machine.
test.describe.configure({ timeout: 180_000 });

/** Every analysis and layer row on screen (the tables are virtual lists) shows the core's numbers for `model`. */
async function rowsMatch(page: Page, model: ModelSpec): Promise<void> {
  const expected = new Map(analyzeModel(model).layers.map((l) => [l.id, l]));
  await expect(async () => {
    const shown = await page.locator('[data-testid="analysis-row"]').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-layer-id')!,
        macs: r.querySelector('[data-testid="cell-macs"]')?.getAttribute('data-value'),
        output: r.querySelector('[data-testid="cell-output"]')?.textContent,
      })),
    );
    expect(shown.length).toBeGreaterThan(5);
    for (const row of shown) {
      const l = expected.get(row.id)!;
      expect(row, row.id).toEqual({ id: l.id, macs: String(l.macs), output: formatShape(l.outputShape) });
    }
    const layers = await page
      .locator('[data-testid="layer-row"]')
      .evaluateAll((rows) =>
        rows.map((r) => ({ id: r.getAttribute('data-layer-id')!, output: r.lastElementChild?.textContent })),
      );
    expect(layers.length).toBeGreaterThan(5);
    for (const row of layers) expect(row.output, row.id).toBe(formatShape(expected.get(row.id)!.outputShape));
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('total-macs')).toHaveAttribute(
    'data-value',
    String(analyzeModel(model).totals.macs),
  );
}

test('an edit of one layer of ResNet-18 updates the rows it changes and the totals; undo and redo restore them', async ({
  page,
  web,
  consoleErrors,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('ResNet-18 edits', 'ResNet-18');
  await d.save();
  const status = page.getByTestId('editor-status');

  const resnet = getZooModel('resnet18')!;
  // The max pooling's stride: the rows before it keep their numbers, every row after it changes.
  const edited: ModelSpec = {
    ...resnet,
    layers: resnet.layers.map((l) => (l.id === 'maxpool' ? { ...l, stride: 1 } : l)),
  };
  await rowsMatch(page, resnet);
  await d.selectLayer('maxpool');
  await d.setField('stride', '1');
  await rowsMatch(page, edited);
  await expect(status).toHaveText(/^Unsaved changes/);
  // The JSON view writes the edited model.
  expect((await d.model()).layers).toEqual(edited.layers);

  // Back to the saved value: nothing left to save.
  await d.setField('stride', '2');
  await rowsMatch(page, resnet);
  await expect(status).toHaveText('All changes saved');

  await page.getByTestId('editor-undo').click();
  await rowsMatch(page, edited);
  await expect(status).toHaveText(/^Unsaved changes/);
  await page.getByTestId('editor-redo').click();
  await rowsMatch(page, resnet);
  await expect(status).toHaveText('All changes saved');
  await page.keyboard.press('Control+z');
  await rowsMatch(page, edited);

  // Saved after the edit: the saved design is the edited one.
  await d.save();
  await page.reload();
  await expect(d.editor).toBeVisible();
  await rowsMatch(page, edited);
  expect(consoleErrors).toEqual([]);
});
