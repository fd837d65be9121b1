/**
 * Performance marks around the workspace's expensive paths, read by the benchmark run:
 * `designs:edit` (edit → analysis, table and charts painted), `designs:library` (library opened →
 * list painted), `designs:open` (design opened → analysis painted).
 */
export type PerfName = 'designs:edit' | 'designs:library' | 'designs:open';

const pending = new Set<PerfName>();

export function perfStart(name: PerfName): void {
  if (typeof performance === 'undefined') return;
  performance.mark(`${name}:start`);
  pending.add(name);
}

/** Ends the measure once the next frame has been painted (rAF, then a task after it). */
export function perfEndAfterPaint(name: PerfName): void {
  if (!pending.has(name) || typeof requestAnimationFrame === 'undefined') return;
  pending.delete(name);
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.measure(name, `${name}:start`);
    }, 0),
  );
}
