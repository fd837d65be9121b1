import { expect, type Page } from '@playwright/test';

/**
 * Saves `model` as a design named `name` through the web edition's API from inside the page (the
 * session cookie of the signed-in page goes with it), for specs whose subject is what the Designs page
 * shows of a saved design, not how it was built.
 */
export async function saveDesign(page: Page, name: string, model: unknown): Promise<void> {
  const ok = await page.evaluate(
    async ({ name, model }) => {
      const r = await fetch('/api/designs:save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, model }),
      });
      return ((await r.json()) as { ok: boolean }).ok;
    },
    { name, model },
  );
  expect(ok).toBe(true);
}

/**
 * Opens the Designs library with every design saved so far in its list. A `page.goto` to the address the
 * page is already at only moves within the document, and the library would keep the list it loaded
 * before the save: then the page is loaded anew. Its first render computes every design's totals, slow
 * on a busy machine.
 */
export async function openLibrary(page: Page, url: string): Promise<void> {
  const target = `${url}#/designs`;
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await expect(page.getByTestId('page-designs')).toBeVisible({ timeout: 90_000 });
}
