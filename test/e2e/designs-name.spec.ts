import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

// Each test drives a whole workspace on a shared 2-core machine: allow for a slow machine.
test.describe.configure({ timeout: 180_000 });

test('a name typed in the editor is saved: after a reload the library and Home show it', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('VGG-16 baseline', 'VGG-16');
  await d.save();

  const box = page.getByTestId('editor-name').locator('input');
  await box.fill('VGG-16, narrower');
  // Not saved until the rename is: the status must not claim otherwise while it is pending.
  await expect(page.getByTestId('editor-status')).toHaveText('All changes saved');
  await page.reload();
  await d.tab('library').click();
  await expect(d.row('VGG-16, narrower')).toHaveCount(1);
  expect(await d.names()).not.toContain('VGG-16 baseline');

  // Home's recent designs open the design they name.
  await shell.open(web.url, 'home');
  const link = page.getByTestId('home-design-link').filter({ hasText: 'VGG-16, narrower' });
  await link.click();
  await expect(d.editor).toBeVisible();
  await expect(box).toHaveValue('VGG-16, narrower');
  await expect(d.total('params')).toHaveAttribute('data-value', /^\d+$/);
});

test('export as JSON then import keeps the design’s name', async ({ page, web }, testInfo) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('VGG-16 baseline', 'VGG-16');
  await d.save();

  const file = await d.exportAs('Design as JSON', testInfo.outputPath('VGG-16-baseline.json'));
  expect((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name).toBe('VGG-16 baseline');

  await d.tab('library').click();
  await page.getByTestId('design-import-file').setInputFiles(file);
  await expect(d.editor).toBeVisible();
  await expect(page.getByTestId('editor-name').locator('input')).toHaveValue('VGG-16 baseline');
});

test('Ctrl+Y redoes what Ctrl+Z undid', async ({ page, web }) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Undo and redo', 'LeNet-5');
  const before = await d.totalValue('params');
  await d.addLayer('relu');
  await d.addLayer('linear');
  const after = await d.totalValue('params');
  expect(after).toBeGreaterThan(before);

  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect(d.total('params')).toHaveAttribute('data-value', String(before));
  await page.keyboard.press('Control+y');
  await expect(d.total('params')).toHaveAttribute('data-value', String(after));
});
