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
