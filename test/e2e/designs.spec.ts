import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

test('a design created in the UI survives a server restart on the same data dir', async ({
  page,
  web,
  consoleErrors,
}) => {
  const shell = new AppShell(page);
  const designs = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await expect(page.getByTestId('designs-empty')).toBeVisible();

  await designs.openCreateDialog();
  // The dialog starts from a valid example model.
  const example = JSON.parse(await designs.modelInput.inputValue()) as { format: string; layers: unknown[] };
  expect(example.format).toBe('convscope-model');
  expect(example.layers.length).toBeGreaterThan(0);
  await page.getByTestId('design-cancel').click();

  await designs.create('Tiny CNN');
  await expect(designs.row('Tiny CNN').getByTestId('design-updated')).not.toBeEmpty();

  const oldUrl = web.url;
  const newUrl = await web.restart();
  expect(newUrl).not.toBe(oldUrl);
  await shell.open(newUrl, 'designs');
  expect(await designs.names()).toEqual(['Tiny CNN']);
  expect(consoleErrors).toEqual([]);
});

test('rename and delete change the list and the database', async ({ page, web }) => {
  const shell = new AppShell(page);
  const designs = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await designs.create('First');
  await designs.create('Second');

  await designs.rename('First', 'Renamed');
  await expect(designs.row('Renamed')).toHaveCount(1);
  await expect(designs.row('First')).toHaveCount(0);

  // Cancelling the confirmation deletes nothing.
  await designs.openDelete('Second');
  await page.getByTestId('delete-cancel').click();
  await expect(designs.row('Second')).toHaveCount(1);

  await designs.delete('Second');
  await expect(designs.row('Second')).toHaveCount(0);

  await shell.open(await web.restart(), 'designs');
  expect(await designs.names()).toEqual(['Renamed']);
});

test('a model that is not valid JSON gives a clear error and keeps what was typed', async ({ page, web }) => {
  const shell = new AppShell(page);
  const designs = new DesignsPage(page);
  await shell.open(web.url, 'designs');

  const broken = '{"format":"convscope-model", "layers": [';
  await designs.submitCreate('Broken', broken);
  await expect(designs.dialogError).toContainText('The model is not valid JSON');
  await expect(designs.dialog).toBeVisible();
  await expect(designs.nameInput).toHaveValue('Broken');
  await expect(designs.modelInput).toHaveValue(broken);

  await designs.modelInput.fill('[1, 2, 3]');
  await page.getByTestId('design-create').click();
  await expect(designs.dialogError).toContainText('must be a JSON object');
  await expect(designs.dialogError).toContainText('an array');
  await expect(designs.modelInput).toHaveValue('[1, 2, 3]');

  // Nothing reached the database.
  await page.getByTestId('design-cancel').click();
  await shell.open(await web.restart(), 'designs');
  await expect(page.getByTestId('designs-empty')).toBeVisible();
});

test("the backend's error message is shown in plain words", async ({ page, web }) => {
  const shell = new AppShell(page);
  const designs = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await designs.create('Short-lived');
  const id = await designs.row('Short-lived').getAttribute('data-design-id');
  expect(id).toBeTruthy();

  // Deleted behind the page's back (as from a second window), so the page's delete must fail.
  const deleted = await page.evaluate(async (designId) => {
    const token = document.querySelector('meta[name="convscope-token"]')?.getAttribute('content') ?? '';
    const response = await fetch('/api/designs:delete', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-convscope-token': token },
      body: JSON.stringify({ id: designId }),
    });
    return (await response.json()) as { ok: boolean };
  }, id);
  expect(deleted.ok).toBe(true);

  await designs.openDelete('Short-lived');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('delete-error')).toContainText(`There is no design with id "${id}"`);
});

test("a model the analysis core refuses keeps the dialog open with the backend's reason", async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const designs = new DesignsPage(page);
  await shell.open(web.url, 'designs');

  // Valid JSON, but the conv layer lacks its out_channels: only the backend's validation can tell.
  const model = JSON.stringify({
    format: 'convscope-model',
    version: 1,
    name: 'no-width',
    input: [3, 32, 32],
    layers: [{ id: 'conv1', op: 'conv2d', kernel: 3 }],
  });
  await designs.submitCreate('No width', model);
  await expect(designs.dialogError).toContainText('conv1');
  await expect(designs.dialogError).toContainText('out_channels');
  await expect(designs.nameInput).toHaveValue('No width');
  await expect(designs.modelInput).toHaveValue(model);
  await page.getByTestId('design-cancel').click();
  await expect(page.getByTestId('designs-empty')).toBeVisible();
});
