import { OPERATORS } from '../../src/core/analysis/ops';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/**
 * Every operator of the registry, added from the layer table's "Add" menu to a design after a
 * convolution (after a flatten for the ops that read a vector, after "tokens" for the ops that read a
 * [T, D] sequence): its row gets an output shape and an
 * analysis row, and the editor reports no problem. Each addition is undone before the next op.
 */
/** Picks `op` in the "Add" menu (its name filled in at once: 32 ops typed key by key would take minutes) and adds it. */
async function addFromMenu(page: Page, op: string): Promise<void> {
  await page.getByTestId('layer-add-op').click();
  // What the search box holds is replaced: right after a pick it may still hold the last op's name.
  await page.getByTestId('layer-add-op').locator('input').fill(op);
  await page
    .locator('.n-base-select-option:visible')
    .filter({ hasText: new RegExp(`^${op}$`) })
    .first()
    .click();
  await page.getByTestId('layer-add').click();
}

test('every operator from the Add menu is analysed without an error', async ({
  page,
  web,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Every operator');
  await d.addLayer('conv2d');
  await expect(page.locator('[data-testid="analysis-row"][data-layer-id="conv1"]')).toHaveCount(1);

  for (const o of OPERATORS) {
    const added: string[] = [];
    if (o.accepts === 'vector') {
      await addFromMenu(page, 'flatten');
      added.push('flatten1');
    } else if (o.accepts === 'sequence') {
      // The convolution's pixels as tokens.
      await addFromMenu(page, 'tokens');
      added.push('tokens1');
    }
    await addFromMenu(page, o.op);
    const id = `${o.idPrefix}${o.op === 'conv2d' ? 2 : 1}`;
    added.push(id);
    const row = d.layerRow(id);
    await expect(row, o.op).toHaveCount(1);
    await expect(page.getByTestId('layer-has-issue'), `${o.op}: no problem marked`).toHaveCount(0);
    await expect(row.locator('td').nth(3), `${o.op}: output shape`).toHaveText(/^\d+(×\d+)*$/);
    const analysed = page.locator(`[data-testid="analysis-row"][data-layer-id="${id}"]`);
    await expect(analysed, `${o.op}: analysis row`).toHaveCount(1);
    await expect(analysed.getByTestId('cell-output'), o.op).toHaveText(/^\d+(×\d+)*$/);
    for (const layer of added.reverse()) {
      await page.getByTestId('editor-undo').click();
      await expect(d.layerRow(layer)).toHaveCount(0);
    }
  }
  expect(consoleErrors).toEqual([]);
});
