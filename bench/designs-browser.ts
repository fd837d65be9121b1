/**
 * The Designs workspace in Chromium against the web edition (the `designs` suite of `npm run bench`):
 * - an edit of one field of ResNet-152 (conv1's out_channels) → table, totals and charts painted,
 *   median and p95 over the runs (input event → the first paint after the `designs:edit` update);
 * - the longest long task (Long Tasks API) while editing;
 * - opening a saved 500-layer design (ResNet-152's first 500 layers) from the library → totals painted.
 * How each is read from the page: bench/designs-measure.ts (shared with test/e2e/designs-perf.spec.ts).
 *
 *   npx tsx bench/designs-browser.ts [--runs 21]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { getZooModel } from '../src/core';
import { startWeb } from '../src/main/web/start';
import { median, measureEdits, measureOpen, OBSERVE_SCRIPT, p95, saveDesign } from './designs-measure';
import { BROWSER_ARGS, CHROMIUM, ensureRenderer, RENDERER } from './renderer';
import type { BenchRow } from './types';

const SUITE = 'designs';

export async function runDesignsBrowserBench(runs = 21, opens = 7): Promise<BenchRow[]> {
  ensureRenderer();
  const resnet = getZooModel('resnet152');
  if (!resnet) throw new Error('zoo:resnet152 missing');
  const five = { ...resnet, name: 'resnet152-500', layers: resnet.layers.slice(0, 500) };
  const dataDir = mkdtempSync(join(tmpdir(), 'convscope-bench-'));
  const running = await startWeb({ port: 0, dataDir }, RENDERER);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.request.get(running.server.loginUrl, { maxRedirects: 0 });
    await context.addInitScript(OBSERVE_SCRIPT);
    const page = await context.newPage();
    const base = running.server.url;
    await page.goto(`${base}#/designs`);
    await page.getByTestId('page-designs').waitFor();
    const resnetId = await saveDesign(page, 'ResNet-152', resnet);
    await saveDesign(page, 'Five hundred', five);

    const open: number[] = [];
    // The first open warms the code paths and the server's statements; it is not counted.
    for (let i = 0; i <= opens; i++) {
      const ms = await measureOpen(page, base, 'Five hundred');
      if (i > 0) open.push(ms);
    }

    await page.goto(`${base}#/designs?design=${resnetId}`);
    await page.reload();
    await page.getByTestId('total-macs').waitFor();
    await page.getByTestId('layer-row').and(page.locator('[data-layer-id="conv1"]')).click();
    // Two edits to warm up, then the measured ones, each a new value.
    await measureEdits(page, 'out_channels', 2, (i) => String(40 + i));
    const e = await measureEdits(page, 'out_channels', runs, (i) => String(48 + (i % 40)));
    const rows: BenchRow[] = [
      {
        suite: SUITE,
        case: `edit one field of ResNet-152 → painted, median of ${runs}`,
        value: median(e.edits),
        unit: 'ms',
      },
      {
        suite: SUITE,
        case: `edit one field of ResNet-152 → painted, p95 of ${runs}`,
        value: p95(e.edits),
        unit: 'ms',
      },
      {
        suite: SUITE,
        case: `longest task during the edits (${e.longTasks} over 50 ms in ${runs} edits)`,
        value: e.longestTask,
        unit: 'ms',
      },
      {
        suite: SUITE,
        case: `open a saved 500-layer design → totals painted, median of ${opens}`,
        value: median(open),
        unit: 'ms',
      },
    ];
    await context.close();
    return rows;
  } finally {
    await browser.close();
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Number(process.argv[at + 1]) || 21 : 21;
  for (const row of await runDesignsBrowserBench(runs)) console.log(JSON.stringify(row));
}
