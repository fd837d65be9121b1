import { analyzeModel, getZooModel, type ModelSpec } from '../../src/core';
import { formatLargeCount } from '../../src/renderer/src/format';
import zhCN from '../../src/renderer/src/locales/zh-CN';
import { test, expect } from './fixtures';
import { DesignsPage } from './pages/designs-page';
import { PracticePage } from './pages/practice-page';
import { openLibrary, saveDesign } from './pages/save-design';

/**
 * What a Chinese student reads: counts in 万 and 亿 (never "118M" or "9.41K"), the built-in models'
 * descriptions in Chinese, and captions and option explanations written as Chinese sentences (no
 * " — " between a title and its text).
 */

test.describe.configure({ timeout: 240_000 });
const OPENED = { timeout: 90_000 };
const SI = /\d[KMGT]$/;
const resnet50 = getZooModel('resnet50') as ModelSpec;

test('in Chinese the layer table and the library count in 万 and 亿, in columns that hold them', async ({
  browser,
  web,
}) => {
  const context = await web.newContext(browser, { locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const d = new DesignsPage(page);
  await page.goto(`${web.url}#/designs`);
  await saveDesign(page, 'ResNet-50', resnet50);
  await openLibrary(page, web.url);
  const a = analyzeModel(resnet50);
  await expect(d.row('ResNet-50').getByTestId('design-macs')).toHaveText(
    formatLargeCount(a.totals.macs, 'zh-CN'),
  );
  await expect(d.row('ResNet-50').getByTestId('design-params')).toHaveText(
    formatLargeCount(a.totals.params, 'zh-CN'),
  );

  await d.row('ResNet-50').getByTestId('design-open').click();
  const conv1 = page.locator('[data-testid="analysis-row"][data-layer-id="conv1"]');
  await expect(conv1).toBeVisible(OPENED);
  const macs = a.layers.find((l) => l.id === 'conv1')!.macs;
  await expect(conv1.getByTestId('cell-macs')).toHaveText(formatLargeCount(macs, 'zh-CN'));
  const cells = page.locator(
    '[data-testid="cell-macs"], [data-testid="cell-params"], [data-testid="cell-flops"]',
  );
  expect(await cells.count()).toBeGreaterThan(10);
  for (const text of await cells.allInnerTexts()) expect(text.trim()).not.toMatch(SI);
  // Every count fits its column: "2,556 万" is not cut.
  const cut = await cells.evaluateAll((els) =>
    els
      .filter((el) => {
        const td = el.closest('td')!;
        const style = getComputedStyle(td);
        const inner = td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return el.getBoundingClientRect().width > inner + 0.5 || el.getClientRects().length > 1;
      })
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
});

test('in Chinese a built-in model is offered with a Chinese description and, if descriptive, a Chinese name', async ({
  browser,
  web,
}) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${web.url}#/designs`);
  await expect(page.getByTestId('page-designs')).toBeVisible(OPENED);
  await page.getByTestId('design-new').click();
  await page.getByTestId('new-source-zoo').click();
  const d = new DesignsPage(page);
  await d.choose(page.getByTestId('new-zoo'), '小型 U-Net');
  await expect(page.getByTestId('new-name').locator('input')).toHaveValue('小型 U-Net');
  await expect(page.getByTestId('new-dialog')).toContainText('编码器–解码器');
  await d.choose(page.getByTestId('new-zoo'), 'ResNet-50');
  await expect(page.getByTestId('new-name').locator('input')).toHaveValue('ResNet-50');
  await expect(page.getByTestId('new-dialog')).toContainText('Bottleneck 个数 [3, 4, 6, 3]');
});

async function session(practice: PracticePage, skill: string, difficulty: 1 | 2 | 3): Promise<void> {
  await practice.chooseSkills([skill]);
  await practice.setDifficulty(difficulty);
  await practice.setCount(1);
  await practice.start();
}

test('in Chinese the diagrams’ captions and the options’ explanations are Chinese sentences', async ({
  browser,
  web,
}) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const practice = new PracticePage(page);
  await page.goto(`${web.url}#/practice`);
  await expect(page.getByTestId('practice-setup')).toBeVisible(OPENED);
  const diagram = zhCN.practice.diagram;

  await session(practice, 'receptive-field', 2);
  const rf = await practice.current();
  await practice.answer(rf, PracticePage.wrongAnswer(rf));
  await expect(page.getByTestId('rf-diagram').locator('figcaption')).toHaveText(
    `${diagram.rfTitle}。${zhCN.lessons.widgets.rf.help}`,
  );
  await practice.goOn();
  await page.getByTestId('practice-again').click();

  await session(practice, 'output-size', 1);
  const size = await practice.current();
  await practice.answer(size, PracticePage.wrongAnswer(size));
  await expect(page.getByTestId('conv-window').locator('figcaption')).toHaveText(
    `${diagram.windowTitle}。${diagram.windowHelp}`,
  );
  await page.getByTestId('practice-quit').click();
  await page.getByTestId('practice-again').click();

  await session(practice, 'concepts', 1);
  const concept = await practice.current();
  await practice.answer(concept, PracticePage.wrongAnswer(concept));
  const lines = await page.getByTestId('choice-explanations').locator('li').allInnerTexts();
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) {
    expect(line).not.toContain(' — ');
    expect(line).toMatch(/^[A-D]）[^—]+——\S/);
  }
});
