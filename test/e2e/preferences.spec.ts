import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { SettingsPage } from './pages/settings-page';

test('the theme follows the OS live while set to System', async ({ page, web }) => {
  const shell = new AppShell(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await shell.open(web.url);
  expect(await shell.theme()).toBe('light');
  // naive-ui's own surfaces must switch too, not only the app's CSS variables: judge them by brightness
  // (mean of R, G, B, 0-255), polled because naive-ui animates the change.
  const layoutBrightness = () =>
    page.evaluate(() => {
      const rgb = getComputedStyle(document.querySelector('.n-layout') as Element).backgroundColor;
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return (r + g + b) / 3;
    });
  await expect.poll(layoutBrightness).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(layoutBrightness).toBeLessThan(60);
});

test('a chosen theme overrides the OS and persists across a restart', async ({
  page,
  web,
  consoleErrors,
}) => {
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await shell.open(web.url, 'settings');
  await settings.expectChecked('theme-system');

  await settings.setTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await shell.open(await web.restart(), 'settings');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.expectChecked('theme-dark');

  await settings.setTheme('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(consoleErrors).toEqual([]);
});

test('the language follows the browser by default', async ({ browser, web }) => {
  const context = await web.newContext(browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.open(web.url, 'designs');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('nav-designs')).toHaveText('网络设计');
  await context.close();
});

test('a chosen language switches the UI at once and persists across a restart', async ({ page, web }) => {
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  await shell.open(web.url, 'settings');
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');

  await settings.setLocale('zh-CN');
  await expect(page.getByTestId('nav-settings')).toHaveText('设置');
  await expect(page.locator('h1')).toHaveText('设置');
  expect(await shell.lang()).toBe('zh-CN');

  await shell.open(await web.restart(), 'designs');
  await expect(page.getByTestId('nav-designs')).toHaveText('网络设计');
  // naive-ui's own strings follow too (the empty list's default text is replaced, so check a button).
  await expect(page.getByTestId('design-new')).toHaveText('新建设计');

  await shell.navigate('settings');
  await settings.setLocale('en');
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
});
