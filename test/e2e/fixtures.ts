import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const builtIndex = join(repoRoot, 'out', 'renderer', 'index.html');
export const builtMain = join(repoRoot, 'out', 'main', 'index.js');
/** The sign-in link `npm run web` prints: the base URL, then a one-time secret. */
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/)login\?secret=[\w-]+/;

/** Builds the app once when `output` (by default the renderer's index.html) is missing; later runs reuse it. */
export function ensureBuilt(output = builtIndex): void {
  if (existsSync(output)) return;
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(output)) {
    throw new Error(`electron-vite build failed (exit ${build.status}); ${output} is missing`);
  }
}

/**
 * One web-edition server process on a given data dir. It can be stopped and started again on the same
 * data dir, which is how the specs prove that what the UI saved is in the database, not in the page.
 * Each start opens the printed one-time sign-in link in `context` (when given), as the user would, so
 * the browser holds that launch's session cookie; `url` is the plain address the specs navigate under.
 */
export class WebEdition {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';
  loginUrl = '';

  constructor(
    readonly dataDir: string,
    private readonly context?: BrowserContext,
  ) {}

  async start(): Promise<string> {
    if (this.child) throw new Error('the web edition is already running');
    this.output = '';
    const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--data-dir', this.dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const [loginUrl, url] = await new Promise<[string, string]>((resolveUrl, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the web edition printed no URL within 120 s:\n${this.output}`));
      }, 120_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = URL_PATTERN.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolveUrl([match[0], match[1]!]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`the web edition exited (${code ?? signal}) before printing its URL:\n${this.output}`),
        );
      });
    });
    this.loginUrl = loginUrl;
    this.url = url;
    if (this.context) {
      const signIn = await this.context.request.get(loginUrl, { maxRedirects: 0 });
      if (signIn.status() !== 303) throw new Error(`signing in answered ${signIn.status()}:\n${this.output}`);
    }
    return this.url;
  }

  /**
   * Another browser context (a locale, a theme, a viewport) signed in as the test's own: the one-time link
   * is spent, so it gets the session cookie the test's context was given.
   */
  async newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    if (this.context) await context.addCookies(await this.context.cookies());
    return context;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolveExit) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolveExit();
      });
      child.kill('SIGTERM');
    });
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  /** Everything the server printed since its last start, for failure messages. */
  get log(): string {
    return this.output;
  }
}

/** Records console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

interface Fixtures {
  /** A server on a fresh, empty data dir, signed in from `page`'s context, stopped and removed after the test. */
  web: WebEdition;
  /** Console errors and uncaught exceptions of `page` so far. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures, { built: void }>({
  built: [
    // Playwright requires the destructuring pattern even when no fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      ensureBuilt();
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  web: async ({ built: _built, context }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'convscope-e2e-'));
    const web = new WebEdition(dataDir, context);
    await web.start();
    try {
      await use(web);
    } finally {
      await web.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  consoleErrors: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

export { expect };
