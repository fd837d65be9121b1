import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

test.describe.configure({ timeout: 180_000 });

const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

test('a design exported as a PyTorch module has the parameters the page shows', async ({
  page,
  web,
}, testInfo) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('Small ResNet', 'ResNet-18');
  const params = await d.totalValue('params');

  const file = await d.exportAs('PyTorch module (.py)', testInfo.outputPath('Small-ResNet.py'));
  const code = readFileSync(file, 'utf8');
  expect(code).toMatch(/^class SmallResnet\(nn\.Module\):$/m);
  expect(code).toContain(`${params.toLocaleString('en-US')} parameters`);
  if (hasTorch) {
    // PyTorch itself counts the parameters of the downloaded file.
    const run = spawnSync('/usr/bin/python3', [join('test/fixtures/export/measure.py'), dirname(file)], {
      encoding: 'utf8',
    });
    const measured = JSON.parse(run.stdout) as Record<string, { params: number; error?: string }>;
    expect(measured['Small-ResNet.py']).toMatchObject({ params });
  }
});

test('a layer PyTorch cannot express is named and no file is written', async ({ page, web }) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  await d.newDesign('With a custom op', 'LeNet-5');
  await d.addLayer('unsupported');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByTestId('editor-export').click();
  await page.getByText('PyTorch module (.py)').click();
  await expect(
    page.getByText(/^Cannot export to PyTorch: unsupported1 \(unsupported\) have no PyTorch/),
  ).toBeVisible();
  expect(downloaded).toBe(false);
});
