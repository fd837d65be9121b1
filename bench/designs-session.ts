/**
 * Where the Designs profiling scripts (bench/designs-profile.ts, bench/designs-trace.ts) start: the built
 * web edition in Chromium, zoo ResNet-152 saved and open in the editor with conv1 selected, after two
 * warm-up edits of its out_channels field. `close()` ends the browser and the server and removes the data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { getZooModel } from '../src/core';
import { startWeb } from '../src/main/web/start';
import { measureEdits, OBSERVE_SCRIPT, saveDesign } from './designs-measure';
import { BROWSER_ARGS, CHROMIUM, ensureRenderer, RENDERER } from './renderer';

export interface EditedResNet152 {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The web edition's address. */
  url: string;
  close(): Promise<void>;
}

export async function openEditedResNet152(): Promise<EditedResNet152> {
  ensureRenderer();
  const resnet = getZooModel('resnet152');
  if (!resnet) throw new Error('zoo:resnet152 missing');
  const dataDir = mkdtempSync(join(tmpdir(), 'convscope-designs-'));
  const running = await startWeb({ port: 0, dataDir }, RENDERER);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const close = async () => {
    await browser.close();
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.request.get(running.server.loginUrl, { maxRedirects: 0 });
    await context.addInitScript(OBSERVE_SCRIPT);
    const page = await context.newPage();
    const url = running.server.url;
    await page.goto(`${url}#/designs`);
    await page.getByTestId('page-designs').waitFor();
    const id = await saveDesign(page, 'ResNet-152', resnet);
    await page.goto(`${url}#/designs?design=${id}`);
    await page.reload();
    await page.getByTestId('total-macs').waitFor();
    await page.getByTestId('layer-row').and(page.locator('[data-layer-id="conv1"]')).click();
    await measureEdits(page, 'out_channels', 2, (i) => String(40 + i));
    return { browser, context, page, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
