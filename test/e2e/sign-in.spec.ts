import { expect, test } from './fixtures';

// The `web` fixture opens the printed one-time link in `page`'s browser context, as the user would.
test('only the browser that opened the printed link gets the app; another sees where to find it', async ({
  web,
  page,
  browser,
}) => {
  await page.goto(web.url);
  await expect(page.getByTestId('nav')).toBeVisible();

  const stranger = await browser.newContext();
  try {
    const other = await stranger.newPage();
    const response = await other.goto(web.url);
    expect(response?.status()).toBe(401);
    await expect(other.getByRole('heading', { name: 'ConvScope web edition' })).toBeVisible();
    await expect(other.getByText('/login?secret=…').first()).toBeVisible();
    await expect(other.getByTestId('nav')).toHaveCount(0);
    // The link works once: it was used by the first browser, so it lets no one else in.
    const again = await other.goto(web.loginUrl);
    expect(again?.status()).toBe(403);
    await expect(other.getByTestId('nav')).toHaveCount(0);
  } finally {
    await stranger.close();
  }
});
