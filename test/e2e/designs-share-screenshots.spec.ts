import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { screenshotPath, testEachLook } from './pages/looks';

/**
 * The Export menu (with its PyTorch and share-link entries) and the share-link dialogs, light and dark,
 * English and Chinese: docs/screenshots/designs-export-menu-, designs-share-, designs-share-open- and
 * designs-share-error-<theme>[-zh].png.
 */

/** A screenshot of the region around `el` (dropdowns and modals are not inside one element of the page). */
async function shotAround(page: Page, els: Locator[], path: string): Promise<void> {
  await page.waitForTimeout(400);
  const boxes = (await Promise.all(els.map((e) => e.boundingBox()))).filter((b) => b !== null);
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 24);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - 24);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 24;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 24;
  await page.screenshot({
    path,
    clip: { x, y, width: right - x, height: bottom - y },
    animations: 'disabled',
  });
}

testEachLook(
  'export menu and share-link screenshots',
  { viewport: { width: 1366, height: 900 }, timeout: 300_000 },
  async (page, look, web) => {
    const shell = new AppShell(page);
    const d = new DesignsPage(page);
    await shell.open(web.url, 'designs');
    await d.newDesign(look.locale === 'en' ? 'Small ResNet' : '小型 ResNet', 'ResNet-18');

    // Export ▾: JSON, CSV, PNG, the PyTorch module and the share link.
    const button = page.getByTestId('editor-export');
    await button.click();
    const menu = page.locator('.n-dropdown-menu');
    await expect(menu.locator('.n-dropdown-option')).toHaveCount(5);
    await shotAround(page, [button, menu], screenshotPath('designs-export-menu', look));

    // The share dialog: the link, ready to copy.
    await menu.locator('.n-dropdown-option').nth(4).click();
    const share = page.getByTestId('share-modal');
    await expect(share.locator('textarea')).toHaveValue(/#\/designs\?share=cs1\./);
    await shotAround(page, [share], screenshotPath('designs-share', look));
    const link = await share.locator('textarea').inputValue();
    await page.keyboard.press('Escape');
    await expect(share).toBeHidden();

    // Opening a pasted link.
    await page.getByTestId('share-open-button').click();
    const open = page.getByTestId('share-open-text');
    await open.locator('textarea').fill(link);
    await shotAround(page, [page.locator('.n-modal').last()], screenshotPath('designs-share-open', look));
    await page.keyboard.press('Escape');

    // A damaged link: a clear message, nothing changed.
    await page.goto(`${web.url}#/designs?share=cs1.AAAAbroken`);
    const error = page.getByTestId('share-error');
    await expect(error).toBeVisible();
    await shotAround(page, [error], screenshotPath('designs-share-error', look));
  },
);
