import { writeFileSync } from 'node:fs';
import { type ModelSpec } from '../../src/core';
import { test, expect } from './fixtures';
import { DesignsPage } from './pages/designs-page';
import { openLibrary, saveDesign } from './pages/save-design';

/**
 * A design's validation errors in Chinese: a kernel typed into the layer form that no longer fits the
 * padded input, a field value typed into the layer JSON, a residual add of different channel counts and
 * a model file that does not validate each read as a Chinese sentence naming the layer and the field
 * as the form labels it.
 */

const NET: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'Small net',
  input: [3, 8, 8],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
    { id: 'conv2', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
    { id: 'sum', op: 'add', inputs: ['conv1', 'conv2'] },
  ],
};

/** What is left once the layer ids, field keys and shapes are taken out: it must hold no English word. */
const words = (text: string) => text.replace(/conv1|conv2|sum|out_channels|kernel/g, '');

test('in Chinese a design’s errors name the layer and the field, in Chinese', async ({
  browser,
  web,
}, testInfo) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const d = new DesignsPage(page);
  await page.goto(`${web.url}#/designs`);
  await saveDesign(page, 'Small net', NET);
  await openLibrary(page, web.url);
  await d.row('Small net').getByTestId('design-open').click();
  await expect(d.editor).toBeVisible();

  // The layer form: a kernel of 11 on the 8×8 input padded to 10×10.
  await d.selectLayer('conv1');
  await d.setField('kernel', '11');
  const issue = page.getByTestId('layer-issue').first();
  await expect(issue).toHaveText('层 conv1：卷积核（11）比填充后的输入（10×10）还大，算出的输出尺寸会小于 1');
  await expect(page.getByTestId('model-issue').first()).toHaveText(await issue.innerText());
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layer-issues')).toHaveCount(0);

  // The layer JSON: out_channels 0, then a residual add of 4 and 6 channels.
  const edit = async (change: (m: ModelSpec) => void) => {
    const m = structuredClone(NET);
    change(m);
    await page.locator('.n-tabs-tab[data-name="json"]').click();
    await d.json.fill(JSON.stringify(m, null, 2));
    await page.locator('.n-tabs-tab[data-name="layers"]').click();
  };
  await edit((m) => Object.assign(m.layers[1], { out_channels: 0 }));
  const shown = page.getByTestId('model-issue').first();
  await expect(shown).toHaveText('层 conv2：输出通道数（out_channels）：不能小于 1');
  await edit((m) => Object.assign(m.layers[1], { out_channels: 6 }));
  await expect(shown).toHaveText('层 sum：形状不匹配：[4, 8, 8]（来自 conv1）和 [6, 8, 8]（来自 conv2）');
  expect(words(await shown.innerText())).not.toMatch(/[A-Za-z]{3,}/);
  await d.selectLayer('sum');
  await expect(page.getByTestId('layer-issue').first()).toHaveText(await shown.innerText());

  // A model file that does not validate: the import dialog says why in Chinese.
  const file = testInfo.outputPath('bad.json');
  const bad = structuredClone(NET);
  Object.assign(bad.layers[0], { kernel: [3, 0] });
  writeFileSync(file, JSON.stringify(bad));
  await d.tab('library').click();
  await page.getByTestId('design-import-file').setInputFiles(file);
  await expect(page.getByTestId('import-error')).toContainText(
    '层 conv1：卷积核大小（kernel）中下标为 1 的值：不能小于 1',
  );
  await context.close();
});
