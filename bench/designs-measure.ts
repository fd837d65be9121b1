/**
 * How the Designs workspace is measured in Chromium, shared by the `designs` suite of `npm run bench`
 * (bench/designs-browser.ts) and the e2e benchmark (test/e2e/designs-perf.spec.ts). Numbers come from the
 * page itself: the `designs:edit` / `designs:open` Performance measures the workspace sets
 * (src/renderer/src/designs/perf.ts), the input event that started an edit, and the Long Tasks API.
 */
import type { Page } from '@playwright/test';

/** Registers, before any script of the page runs, the observers the measurements read. */
export const OBSERVE_SCRIPT = `(() => {
  const w = window;
  w.__csLongTasks = [];
  w.__csInputs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__csLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('input', (e) => w.__csInputs.push(e.timeStamp), true);
})();`;

interface Observed {
  __csLongTasks: { start: number; duration: number }[];
  __csInputs: number[];
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
/** The nearest-rank 95th percentile. */
export const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

const measures = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      performance
        .getEntriesByName(n, 'measure')
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
    name,
  );

/** Waits (up to `timeout` ms) for a measure of `name` beyond the first `before` and returns it. */
async function nextMeasure(
  page: Page,
  name: string,
  before: number,
  timeout = 60_000,
): Promise<{ start: number; end: number }> {
  const until = Date.now() + timeout;
  for (;;) {
    const all = await measures(page, name);
    if (all.length > before) return all[all.length - 1]!;
    if (Date.now() > until) throw new Error(`no "${name}" measure within ${timeout} ms`);
    await page.waitForTimeout(20);
  }
}

export interface EditTimes {
  /** Per edit: the input event → the first paint after table, totals and charts were updated (ms). */
  edits: number[];
  /**
   * The longest long task (Long Tasks API) that started during the edits or in the 2.5 s after the last
   * (the work deferred to a pause), 0 when none (ms).
   */
  longestTask: number;
  /** How many long tasks (> 50 ms) started during the edits. */
  longTasks: number;
}

/**
 * Edits one numeric field of the selected layer `runs` times (a new value each time, `values(i)`), waiting
 * for each edit to be painted and the page to settle before the next. The page must have been opened
 * with {@link OBSERVE_SCRIPT} registered and show the layer's form.
 */
export async function measureEdits(
  page: Page,
  field: string,
  runs: number,
  values: (i: number) => string,
): Promise<EditTimes> {
  const input = page.getByTestId(`field-${field}`).locator('input');
  await input.waitFor();
  const t0 = await page.evaluate(() => performance.now());
  const edits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = (await measures(page, 'designs:edit')).length;
    const inputsBefore = await page.evaluate(() => (globalThis as unknown as Observed).__csInputs.length);
    await input.fill(values(i));
    const m = await nextMeasure(page, 'designs:edit', before);
    // The input event that started this edit (fill types the whole value as one input event).
    const started = await page.evaluate(
      (k) => (globalThis as unknown as Observed).__csInputs[k],
      inputsBefore,
    );
    edits.push(m.end - Math.min(started ?? m.start, m.start));
    // Let deferred work (charts updated after paint) finish, as it would between a student's edits.
    await page.waitForTimeout(300);
  }
  // What the page defers until the user pauses (panels and charts out of sight) runs after the last
  // edit: wait for it, so that its tasks are counted too.
  await page.waitForTimeout(2500);
  const tasks = await page.evaluate(
    (since) => (globalThis as unknown as Observed).__csLongTasks.filter((t) => t.start >= since),
    t0,
  );
  return {
    edits,
    longestTask: tasks.reduce((a, t) => Math.max(a, t.duration), 0),
    longTasks: tasks.length,
  };
}

/**
 * Opens the saved design `name` from a freshly loaded library page: its open button → the first paint
 * with the analysis (totals) shown. Returns ms.
 */
export async function measureOpen(page: Page, baseUrl: string, name: string): Promise<number> {
  await page.goto(`${baseUrl}#/designs`);
  // A hash change is not a page load: reload so that each run starts from a fresh page.
  await page.reload();
  await page.getByTestId('library-search').locator('input').fill(name);
  const row = page
    .getByTestId('design-row')
    .filter({ has: page.getByTestId('design-name').getByText(name, { exact: true }) });
  await row.waitFor();
  const before = (await measures(page, 'designs:open')).length;
  await row.getByTestId('design-open').click();
  const m = await nextMeasure(page, 'designs:open', before);
  await page.getByTestId('total-macs').waitFor();
  return m.end - m.start;
}

/** Saves a design through the web edition's API from inside the signed-in page. */
export async function saveDesign(page: Page, name: string, model: unknown): Promise<string> {
  const r = (await page.evaluate(
    async ({ name, model }) => {
      const res = await fetch('/api/designs:save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, model }),
      });
      return res.json();
    },
    { name, model },
  )) as { ok: boolean; value?: { id: string }; error?: { message: string } };
  if (!r.ok || !r.value) throw new Error(`saving "${name}" failed: ${r.error?.message ?? 'no reason'}`);
  return r.value.id;
}
