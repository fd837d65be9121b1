import { test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';

/**
 * User text is never rendered as HTML: a design named with script payloads shows as plain text in the
 * library and on the Home page, and none of the payloads runs.
 */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload=window.__pwned=3>',
];

test('design names with script payloads show as text and never run', async ({ page, web, consoleErrors }) => {
  const shell = new AppShell(page);
  await shell.open(web.url);
  const saved = await page.evaluate(async (names) => {
    const model = {
      format: 'convscope-model',
      version: 1,
      name: 'x',
      input: [3, 8, 8],
      layers: [{ id: 'conv1', op: 'conv2d', out_channels: 2, kernel: 3 }],
    };
    const results: boolean[] = [];
    for (const name of names) {
      const response = await fetch('/api/designs:save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, model }),
      });
      results.push(((await response.json()) as { ok: boolean }).ok);
    }
    return results;
  }, PAYLOADS);
  expect(saved).toEqual(PAYLOADS.map(() => true));

  for (const where of ['designs', 'home'] as const) {
    await shell.open(web.url, where);
    for (const name of PAYLOADS) await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  }
  expect(consoleErrors).toEqual([]);
});
