import type { Page } from '@playwright/test';
import { analyzeModel, getZooModel, type ModelSpec } from '../../src/core';
import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/** Opening a saved design from the library: what is painted first, and the draft it may have. */

test.describe.configure({ timeout: 180_000 });

async function call<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const r = (await page.evaluate(
    async ({ channel, body }) => {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.json();
    },
    { channel, body },
  )) as { ok: boolean; value: T };
  expect(r.ok).toBe(true);
  return r.value;
}

const resnet152 = () => getZooModel('resnet152')!;

test('a saved ResNet-152 opens with its totals painted first, then its analysis table', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  const model = resnet152();
  await call(page, 'designs:save', { name: 'Big net', model });
  await page.reload();
  // What each frame is about to paint (animation frame callbacks run just before the paint).
  await page.evaluate(() => {
    const w = window as unknown as { csFrames: { totals: boolean; table: boolean }[] };
    w.csFrames = [];
    const tick = () => {
      w.csFrames.push({
        totals: document.querySelector('[data-testid="total-macs"]') !== null,
        table: document.querySelector('[data-testid="analysis-table"]') !== null,
      });
      if (w.csFrames.length < 2000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await d.openFromLibrary('Big net');

  const expected = analyzeModel(model);
  await expect(page.getByTestId('total-macs')).toHaveAttribute('data-value', String(expected.totals.macs));
  await expect(page.getByTestId('total-params')).toHaveAttribute(
    'data-value',
    String(expected.totals.params),
  );
  // The table follows, with the core's first layer in its first row.
  const firstRow = page.getByTestId('analysis-row').first();
  await expect(firstRow).toHaveAttribute('data-layer-id', expected.layers[0]!.id);
  const frames = await page.evaluate(
    () => (window as unknown as { csFrames: { totals: boolean; table: boolean }[] }).csFrames,
  );
  const firstWithTotals = frames.findIndex((f) => f.totals);
  expect(firstWithTotals).toBeGreaterThanOrEqual(0);
  // The frame that first showed the totals had no table yet: the table below them came after that paint.
  expect(frames[firstWithTotals]).toEqual({ totals: true, table: false });
  expect(frames.some((f) => f.totals && f.table)).toBe(true);
});

test('a saved design with a newer draft opens as saved and offers the draft, which restores', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'designs');
  const model = resnet152();
  const saved = await call<{ id: string }>(page, 'designs:save', { name: 'With draft', model });
  const edited: ModelSpec = { ...model, input: [3, 160, 160] };
  await call(page, 'drafts:save', {
    key: saved.id,
    name: 'With draft',
    content: JSON.stringify(edited, null, 2),
  });
  await page.reload();
  await d.openFromLibrary('With draft');

  await expect(page.getByTestId('pending-draft')).toBeVisible();
  await expect(page.getByTestId('total-macs')).toHaveAttribute(
    'data-value',
    String(analyzeModel(model).totals.macs),
  );
  await page.getByTestId('pending-draft-restore').click();
  await expect(page.getByTestId('pending-draft')).toHaveCount(0);
  await expect(page.getByTestId('total-macs')).toHaveAttribute(
    'data-value',
    String(analyzeModel(edited).totals.macs),
  );
});
