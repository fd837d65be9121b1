import { test, expect } from './fixtures';
import { AppShell, PAGES } from './pages/app-shell';

test('the page loads with the ConvScope title, its CSP, and no console errors', async ({
  page,
  web,
  consoleErrors,
}) => {
  const shell = new AppShell(page);
  await shell.open(web.url);
  await expect(page).toHaveTitle('ConvScope');
  await expect(page.getByTestId('brand')).toContainText('ConvScope');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // The page asked the backend for the settings at start; a failure would show this banner.
  await expect(page.getByTestId('settings-error')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('every page is reachable from the side navigation', async ({ page, web, consoleErrors }) => {
  const shell = new AppShell(page);
  await shell.open(web.url);
  for (const name of PAGES) {
    await shell.navigate(name);
    await expect(page.locator('h1')).toBeVisible();
  }
  // Back to the start through the browser history works with hash routes too.
  await page.goBack();
  await shell.expectPage('progress');
  expect(consoleErrors).toEqual([]);
});

test('a page opened by its address shows directly, and an unknown address falls back to Home', async ({
  page,
  web,
}) => {
  const shell = new AppShell(page);
  await shell.open(web.url, 'gradients');
  await page.goto(`${web.url}#/no-such-page`);
  await shell.expectPage('home');
});

test('Progress shows the numbers the backend reports for a new learner', async ({ page, web }) => {
  const shell = new AppShell(page);
  await shell.open(web.url, 'progress');
  const reported = await page.evaluate(async () => {
    const response = await fetch('/api/progress:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return (await response.json()) as {
      ok: boolean;
      value: { attempts: { total: number }; reviewsDue: number };
    };
  });
  expect(reported.ok).toBe(true);
  await expect(page.getByTestId('progress-attempts')).toContainText(String(reported.value.attempts.total));
  await expect(page.getByTestId('progress-reviewsDue')).toContainText(String(reported.value.reviewsDue));
});
