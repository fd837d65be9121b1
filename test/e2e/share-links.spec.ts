import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

// A design travels as a link: the whole design is in the link's fragment, nothing on a server. Opening
// one shows the same design as a new, unsaved design; a damaged link says so and changes nothing.
test.describe.configure({ timeout: 420_000 });

test('a share link opens the same design in another browser, unsaved; a tampered one changes nothing', async ({
  page,
  web,
  browser,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Shared LeNet', 'LeNet-5');
  await d.addLayer('relu');
  await d.save();
  const params = await d.totalValue('params');
  const macs = await d.totalValue('macs');
  const model = await d.model();
  const link = await d.shareLink();
  expect(link.startsWith(web.url)).toBe(true);

  // Another browser (its own page state, the same signed-in server): the link opens the design.
  const other = await web.newContext(browser);
  const page2 = await other.newPage();
  const d2 = new DesignsPage(page2);
  await page2.goto(link);
  // The first load of a fresh browser on a busy machine can take a while.
  await expect(d2.editor).toBeVisible({ timeout: 60_000 });
  await expect(page2.getByTestId('editor-name').locator('input')).toHaveValue('Shared LeNet');
  expect(await d2.totalValue('params')).toBe(params);
  expect(await d2.totalValue('macs')).toBe(macs);
  expect((await d2.model()).layers).toEqual(model.layers);
  expect((await d2.model()).input).toEqual(model.input);
  // Opened, not saved: the library holds only the one saved design, and the address lost the code.
  await expect(page2).not.toHaveURL(/share=/);
  await d2.tab('library').click();
  await expect(d2.rows).toHaveCount(1);

  // A tampered link (one character changed), a cut one and one of a newer version: a clear message,
  // no editor, nothing saved.
  const code = link.slice(link.indexOf('cs1.'));
  const middle = 4 + Math.floor((code.length - 4) / 2);
  const flipped = code.slice(0, middle) + (code[middle] === 'A' ? 'B' : 'A') + code.slice(middle + 1);
  for (const [bad, why] of [
    [flipped, /damaged/],
    [code.slice(0, -6), /damaged/],
    [code.replace('cs1.', 'cs9.'), /newer ConvScope/],
  ] as const) {
    const page3 = await other.newPage();
    await page3.goto(`${web.url}#/designs?share=${bad}`);
    const error = page3.getByTestId('share-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('This share link cannot be opened; nothing was changed.');
    await expect(error).toContainText(why);
    // Said once, in the user's words: no second, technical line repeating it.
    await expect(page3.getByTestId('share-error-detail')).toHaveCount(0);
    await expect(page3.getByTestId('editor')).toHaveCount(0);
    await expect(new DesignsPage(page3).rows).toHaveCount(1);
    await page3.close();
  }

  // The same link pasted into the "Open share link" box opens the design too.
  await d2.openShareText(link);
  await expect(d2.editor).toBeVisible();
  await expect(page2.getByTestId('editor-name').locator('input')).toHaveValue('Shared LeNet');
  await other.close();
});
