import type { WebEdition } from '../fixtures';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { repoRoot } from '../fixtures';
import { AppShell } from './app-shell';

/** The ONNX fixtures exported from PyTorch (test/fixtures/onnx). */
export const FIXTURES = join(repoRoot, 'test/fixtures/onnx');

/** Opens Designs → Open ONNX… and loads a fixture into the dialog. */
export async function openInDialog(page: Page, url: string, fixture: string): Promise<void> {
  await new AppShell(page).open(url, 'designs');
  await page.getByTestId('design-onnx').click();
  await page.getByTestId('onnx-file').setInputFiles(join(FIXTURES, `${fixture}.onnx`));
  await expect(page.getByTestId('onnx-summary')).toBeVisible();
}

/** A page in its own context with the given language and theme. */
export async function pageIn(
  web: WebEdition,
  browser: Browser,
  locale: 'en' | 'zh-CN',
  theme: 'light' | 'dark' = 'light',
) {
  const context = await web.newContext(browser, {
    locale,
    colorScheme: theme,
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}
