import { join } from 'node:path';
import type { Page, ViewportSize } from '@playwright/test';
import { repoRoot, test, type WebEdition } from '../fixtures';

/** One way the app can look: a language and a theme; `suffix` names its screenshots. */
export interface Look {
  locale: 'en' | 'zh-CN';
  theme: 'light' | 'dark';
  /** `light`, `dark`, `light-zh`, `dark-zh`: how docs/screenshots names a look. */
  suffix: string;
}

export const LOOKS: readonly Look[] = (['en', 'zh-CN'] as const).flatMap((locale) =>
  (['light', 'dark'] as const).map((theme) => ({
    locale,
    theme,
    suffix: `${theme}${locale === 'en' ? '' : '-zh'}`,
  })),
);

/** docs/screenshots/<name>-<look>.png */
export function screenshotPath(name: string, look: Look): string {
  return join(repoRoot, 'docs', 'screenshots', `${name}-${look.suffix}.png`);
}

/**
 * One test per look (English and Chinese, light and dark), each in a fresh browser context of that
 * language and colour scheme, signed in to the test's web edition.
 */
export function testEachLook(
  title: string,
  options: { viewport: ViewportSize; timeout?: number },
  body: (page: Page, look: Look, web: WebEdition) => Promise<void>,
): void {
  for (const look of LOOKS) {
    test(`${title}, ${look.locale}, ${look.theme}`, async ({ browser, web }) => {
      test.setTimeout(options.timeout ?? 300_000);
      const context = await web.newContext(browser, {
        locale: look.locale,
        colorScheme: look.theme,
        viewport: options.viewport,
      });
      await body(await context.newPage(), look, web);
      await context.close();
    });
  }
}
