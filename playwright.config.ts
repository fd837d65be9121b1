import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Chromium comes from the machine (CHROMIUM_PATH, or Debian's /usr/bin/chromium) when there is one, so no
 * browser is ever downloaded here; elsewhere Playwright's own installed browser is used.
 */
const chromiumPath =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Each test starts its own server on its own data dir. On a developer's machine one worker keeps it
  // responsive; CI (.ci/run, CI=true) runs two, one per core of its 2-core machine.
  workers: process.env.CI ? 2 : 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumPath
      ? { executablePath: chromiumPath, args: chromiumArgs }
      : { args: chromiumArgs },
  },
  projects: [
    {
      name: 'web',
      // Screenshot specs only refresh docs/screenshots; they run with `npm run screenshots`.
      testIgnore: process.env.SCREENSHOTS
        ? /electron\.spec\.ts$/
        : [/electron\.spec\.ts$/, /screenshots\.spec\.ts$/],
      // Performance measurements (tagged @perf) run alone: `npx playwright test --grep @perf`.
      grepInvert: process.env.PERF || process.argv.includes('@perf') ? undefined : /@perf/,
      use: { browserName: 'chromium' },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
