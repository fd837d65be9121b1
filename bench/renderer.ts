/**
 * Renderer start-up and bundle size, in Chromium against the web edition:
 * - bundle: bytes of the entry chunk and of each page beyond it, raw and compressed (bench/bundle.ts);
 * - start-up: navigation start → the app's navigation rendered (median of N cold page loads), compared
 *   with a blank page served by the same server in the same run (the floor any page pays);
 * - every page opened cold by its address: navigation start → the first frame showing the page.
 *
 *   npx tsx bench/renderer.ts [--runs 7]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startWeb } from '../src/main/web/start';
import { NAV_ITEMS } from '../src/renderer/src/nav-items';
import type { BenchRow } from './types';

const ROOT = join(import.meta.dirname, '..');
/** The built renderer; `RENDERER_DIR` points at another build (to compare two commits in one session). */
export const RENDERER = process.env.RENDERER_DIR ?? join(ROOT, 'out', 'renderer');
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Watch {
  __pageShown(testId: string): Promise<number>;
}
/**
 * Runs in the page from its first script on: on every animation frame it looks for the page's root
 * (`data-testid="page-…"`) and remembers the time of the first frame that has it — a time taken in the
 * page, so Playwright's polling adds nothing to it. The page's root holds its heading and content.
 */
const WATCH_PAGE = `(() => {
  const seen = {};
  const tick = () => {
    for (const el of document.querySelectorAll('[data-testid^="page-"]'))
      seen[el.dataset.testid] ??= performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__pageShown = (id) =>
    new Promise((resolve) => {
      const wait = () => (seen[id] !== undefined ? resolve(seen[id]) : setTimeout(wait, 20));
      wait();
    });
})();`;

/** Builds the renderer (electron-vite) when out/renderer is missing; later runs reuse it. */
export function ensureRenderer(): void {
  if (!existsSync(join(RENDERER, '.vite', 'manifest.json'))) {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
}

export async function runRendererBench(runs = 7): Promise<BenchRow[]> {
  ensureRenderer();
  // The bytes of each page are the "page bundles" suite of `npm run bench` (bench/bundle.ts).
  const rows: BenchRow[] = [];

  const dataDir = mkdtempSync(join(tmpdir(), 'convscope-bench-'));
  const running = await startWeb({ port: 0, dataDir }, RENDERER);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    // The web edition lets in only the browser that opened its one-time sign-in link: sign in once, then
    // give each cold context that session's cookie (a cookie warms no cache).
    const signIn = await browser.newContext();
    await signIn.request.get(running.server.loginUrl, { maxRedirects: 0 });
    const cookies = await signIn.cookies();
    await signIn.close();
    const app: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(running.server.url);
      await page.getByTestId('nav').waitFor();
      app.push(await page.evaluate(() => performance.now()));
      // The same server's 404 JSON page: a document with no script, the floor of a page load here.
      await page.goto(`${running.server.url}blank-${i}`);
      blank.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    rows.push({
      suite: 'renderer',
      case: 'start-up to navigation rendered (cold context)',
      value: median(app),
      unit: 'ms',
      peer: 'blank page, same server',
      ratio: median(app) / median(blank),
    });
    // Each page opened cold by its address: navigation start → the first frame that shows the page.
    for (const { name, path } of NAV_ITEMS) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        await context.addCookies(cookies);
        await context.addInitScript(WATCH_PAGE);
        const page = await context.newPage();
        await page.goto(`${running.server.url}#${path}`);
        times.push(
          await page.evaluate(
            (testId) => (globalThis as unknown as Watch).__pageShown(testId),
            `page-${name}`,
          ),
        );
        await context.close();
      }
      rows.push({
        suite: 'renderer',
        case: `${name} page: navigation → content painted (cold), median of ${runs}`,
        value: median(times),
        unit: 'ms',
        peer: 'blank page, same server',
        ratio: median(times) / median(blank),
      });
    }
  } finally {
    await browser.close();
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
  for (const row of await runRendererBench(runs)) console.log(JSON.stringify(row));
}
