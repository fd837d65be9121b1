import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';
import { ProgressPage } from './pages/progress-page';

// A data file with rows the app cannot use: the preview lists them by place and reason and changes
// nothing; the learner can then import the usable rows.
test.describe.configure({ timeout: 420_000 });

test('an import with refused rows lists them, and imports the usable rows only when asked', async ({
  page,
  web,
}, testInfo) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  // The Progress page loads its charts first: on a busy machine that takes longer than a click's wait.
  const toProgress = async () => {
    await shell.navLink('progress').click();
    await expect(page.getByTestId('page-progress')).toBeVisible({ timeout: 90_000 });
  };
  await shell.open(web.url, 'designs');
  await d.newDesign('Kept design', 'LeNet-5');
  await d.save();

  await toProgress();
  const progress = new ProgressPage(page);
  const file = await progress.exportData(testInfo.outputPath('export.json'));
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    tables: Record<string, Record<string, unknown>[]>;
  };
  const design = doc.tables.designs![0]!;
  doc.tables.designs = [
    design,
    { ...design, id: 'copy-1', name: 'Imported copy' },
    { ...design, id: 'broken-1', name: 'Broken', model: '{"layers": 3}' },
    { ...design, id: 'copy-1', name: 'Second copy' },
  ];
  const edited = testInfo.outputPath('edited.json');
  writeFileSync(edited, JSON.stringify(doc));

  await progress.importData(edited);
  const refused = page.getByTestId('data-import-refused');
  await expect(refused).toBeVisible({ timeout: 60_000 });
  await expect(refused).toContainText('ConvScope cannot use 2 rows of this file');
  await expect(refused).toContainText('tables.designs.2 (broken-1): model');
  await expect(refused).toContainText(
    'tables.designs.3: id "copy-1" appears twice in the file (also tables.designs.1)',
  );

  // Nothing is imported by the preview.
  await shell.navigate('designs');
  await d.tab('library').click();
  await expect(d.rows).toHaveCount(1);
  expect(await d.names()).toEqual(['Kept design']);

  await toProgress();
  await progress.importData(edited);
  await expect(refused).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('data-import-usable').click();
  await expect(page.getByText(/2 rows the app cannot use were left out/)).toBeVisible({ timeout: 60_000 });
  await expect(refused).toBeHidden();

  await shell.navigate('designs');
  await d.tab('library').click();
  await expect(d.rows).toHaveCount(2);
  expect((await d.names()).sort()).toEqual(['Imported copy', 'Kept design']);
});
