import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { getZooModel } from '../../src/core';
import { measureEdits, measureOpen, OBSERVE_SCRIPT, p95 } from '../../bench/designs-measure';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { DesignsPage } from './pages/designs-page';

/**
 * Benchmark of the Designs workspace, read from the page's own Performance measures (see
 * src/renderer/src/designs/perf.ts), measured by the same code as the `designs` suite of `npm run bench`
 * (bench/designs-measure.ts). Run alone with `npx playwright test --project web --grep @perf`.
 * It records numbers in docs/benchmarks.md and asserts nothing about time.
 */

const RUNS = 5;
const LIBRARY_SIZE = 1000;

async function call(page: Page, channel: string, body: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, body }) => {
      const r = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return r.json();
    },
    { channel, body },
  );
}

/** Waits for the next measure of `name` after `before` entries and returns its duration. */
async function nextMeasure(page: Page, name: string, before: number): Promise<number> {
  await expect
    .poll(() => page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name), {
      timeout: 60_000,
    })
    .toBeGreaterThan(before);
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)!.duration, name);
}
const count = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('@perf designs workspace: edit a ResNet-152 layer, open a 1,000-design library, open ResNet-152', async ({
  page,
  web,
}) => {
  test.setTimeout(900_000);
  await page.addInitScript(OBSERVE_SCRIPT);
  const shell = new AppShell(page);
  const d = new DesignsPage(page);
  await shell.open(web.url, 'settings');

  const resnet = getZooModel('resnet152')!;
  const saved = (await call(page, 'designs:save', { name: 'ResNet-152', model: resnet })) as { ok: boolean };
  expect(saved.ok).toBe(true);
  const small = {
    format: 'convscope-model',
    version: 1,
    name: 's',
    input: [3, 32, 32],
    layers: [{ id: 'conv1', op: 'conv2d', out_channels: 8, kernel: 3 }],
  };
  await page.evaluate(
    async ({ n, model }) => {
      for (let i = 0; i < n; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, n - i) }, (_, j) =>
            fetch('/api/designs:save', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name: `Design ${String(i + j).padStart(4, '0')}`, model }),
            }),
          ),
        );
      }
    },
    { n: LIBRARY_SIZE - 1, model: small },
  );

  // Library with 1,000 designs: a fresh page load each run.
  const library: number[] = [];
  // A hash change is not a page load: reload so that each run starts from a fresh page.
  const freshLibrary = async () => {
    await page.goto(`${web.url}#/designs`);
    await page.reload();
  };
  for (let i = 0; i < RUNS; i++) {
    await freshLibrary();
    await expect(d.rows.first()).toBeVisible();
    library.push(await nextMeasure(page, 'designs:library', 0));
    expect(await count(page, 'designs:library')).toBe(1);
  }

  // Opening the saved ResNet-152.
  const open: number[] = [];
  for (let i = 0; i < RUNS; i++) open.push(await measureOpen(page, web.url, 'ResNet-152'));

  // Editing one layer: conv1's out_channels, a different value each run.
  await d.selectLayer('conv1');
  const {
    edits: edit,
    longestTask,
    longTasks,
  } = await measureEdits(page, 'out_channels', RUNS, (i) => String(60 + i));
  const layers = await page.getByTestId('layer-row').count();
  expect(layers).toBeGreaterThan(0);

  const fmt = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
  const section = [
    '## Designs workspace',
    '',
    '`npx playwright test --project web --grep @perf` (test/e2e/designs-perf.spec.ts): the web edition in',
    'Chromium, numbers read from the page’s Performance measures (`designs:edit`, `designs:library`,',
    '`designs:open`), each from the action (for an edit, its input event) to the first paint after the',
    `analysis, table and totals were updated; charts follow in the tasks after that paint. Median of ${RUNS} runs.`,
    '',
    `Measured ${new Date().toUTCString()}, ${cpus().length} CPUs, "${cpus()[0]?.model ?? 'unknown'}", load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (a machine shared with other test runs).`,
    '',
    '| action | target | median |',
    '| --- | ---: | ---: |',
    `| edit one layer of ResNet-152 (${resnet.layers.length} layers) → analysis, table, totals painted | 16 ms | ${fmt(edit)} |`,
    `| the same edits, p95 | 50 ms | ${p95(edit).toFixed(0)} ms |`,
    `| longest task during the edits (Long Tasks API; ${longTasks} over 50 ms) | 50 ms | ${longestTask.toFixed(0)} ms |`,
    `| open the library with ${LIBRARY_SIZE} saved designs | 200 ms | ${fmt(library)} |`,
    `| open the saved ResNet-152 design | 300 ms | ${fmt(open)} |`,
    '',
  ].join('\n');
  const file = join(repoRoot, 'docs', 'benchmarks.md');
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf('## Designs workspace');
  let next = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
  if (next >= 0) next += 1;
  const updated =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${next >= 0 ? `\n${doc.slice(next)}` : ''}`;
  writeFileSync(file, updated);
  console.log(section);
});
