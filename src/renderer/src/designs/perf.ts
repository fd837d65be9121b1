/**
 * Performance marks around the workspace's expensive paths, read by the benchmark run:
 * `designs:edit` (edit → analysis, table and totals painted), `designs:library` (library opened →
 * list painted), `designs:open` (design opened → analysis painted). Charts take a new option in the
 * task after that paint (ChartBox.vue), so their cost shows as tasks after the measure, which the
 * benchmark's longest-task number covers.
 */
export type PerfName = 'designs:edit' | 'designs:library' | 'designs:open';

const pending = new Set<PerfName>();
// Read through globalThis: the store that calls this is also compiled and unit-tested without the DOM library.
const page = globalThis as { requestAnimationFrame?: (callback: () => void) => number };

export function perfStart(name: PerfName): void {
  if (typeof performance === 'undefined') return;
  performance.mark(`${name}:start`);
  pending.add(name);
}

/** Ends the measure once the next frame has been painted (rAF, then a task after it). */
export function perfEndAfterPaint(name: PerfName): void {
  if (!pending.has(name) || !page.requestAnimationFrame) return;
  pending.delete(name);
  page.requestAnimationFrame(() =>
    setTimeout(() => {
      performance.measure(name, `${name}:start`);
    }, 0),
  );
}
