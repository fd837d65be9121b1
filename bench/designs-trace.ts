/**
 * Which tasks an edit of ResNet-152 runs on the Designs page's main thread, and what starts each: the
 * built web edition in Chromium (as bench/designs-browser.ts), a performance trace of a few edits, every
 * main-thread task over `--min` ms listed with its time from the edit's input event, its entry point
 * (timer, animation frame, event, idle callback, script) mapped to the sources through the build's source
 * maps, and its style / layout / paint time.
 *
 * With `--open`, the same for opening the saved ResNet-152 from a freshly loaded library page (the
 * open button's click → the `designs:open` measure and the tasks after it), `--edits` times.
 *
 *   npx tsx bench/designs-trace.ts [--edits 4] [--min 8] [--out trace.json] [--open]
 */
import { writeFileSync } from 'node:fs';
import { measureEdits, measureOpen } from './designs-measure';
import { originalPosition } from './designs-profile-map';
import { openEditedResNet152 } from './designs-session';
import { RENDERER } from './renderer';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const edits = Number(arg('--edits', '4'));
const minMs = Number(arg('--min', '8'));
const opening = process.argv.includes('--open');

/** What a trace event that runs script names: its kind and the function's place in the sources. */
function entryOf(e: TraceEvent): string {
  const d = (e.args?.data ?? {}) as {
    functionName?: string;
    url?: string;
    lineNumber?: number;
    columnNumber?: number;
    type?: string;
    stackTrace?: { url: string; lineNumber: number; columnNumber: number; functionName: string }[];
  };
  const where =
    d.url && d.lineNumber !== undefined
      ? originalPosition(RENDERER, d.url, d.lineNumber - 1, (d.columnNumber ?? 1) - 1)
      : null;
  return [e.name, d.type, d.functionName, where].filter(Boolean).join(' ');
}

const { browser, page, url, close } = await openEditedResNet152();
try {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink.user_timing',
    ],
  });
  const times = opening
    ? { edits: [] as number[], longTasks: 0, longestTask: 0 }
    : await measureEdits(page, 'out_channels', edits, (i) => String(60 + i));
  // Each open reloads the page: the trace follows the renderer by its pid, which a same-site reload keeps.
  if (opening) for (let i = 0; i < edits; i++) times.edits.push(await measureOpen(page, url, 'ResNet-152'));
  const buffer = await browser.stopTracing();
  const out = arg('--out', '');
  if (out) writeFileSync(out, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;

  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'),
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const inputs = onMain
    .filter(
      (e) =>
        e.name === 'EventDispatch' &&
        (e.args?.data as { type?: string })?.type === (opening ? 'click' : 'input'),
    )
    .map((e) => e.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= minMs * 1000);
  const within = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur!;
  const SCRIPT = new Set([
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'FireIdleCallback',
    'EvaluateScript',
    'v8.run',
  ]);
  const RENDER = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'];
  const what = opening ? 'opens (click → painted, ms)' : 'edits (input → painted, ms)';
  console.log(`${what}: ${times.edits.map(Math.round).join(', ')}`);
  console.log(`long tasks: ${times.longTasks}, longest ${Math.round(times.longestTask)} ms\n`);
  for (const t of tasks) {
    const since = inputs.filter((x) => x <= t.ts).at(-1);
    const inner = onMain.filter((e) => e !== t && within(t, e));
    const entries = inner
      .filter((e) => SCRIPT.has(e.name) && (e.dur ?? 0) >= 1000)
      .filter((e) => !inner.some((o) => o !== e && SCRIPT.has(o.name) && within(o, e) && o.dur! > e.dur!))
      .map((e) => {
        // The script a timer, frame or event ran: the longest function call inside it.
        const call = inner
          .filter((o) => o.name === 'FunctionCall' && within(e, o))
          .sort((a, b) => b.dur! - a.dur!)[0];
        const what = call && call !== e ? ` → ${entryOf(call)}` : '';
        return `${((e.dur ?? 0) / 1000).toFixed(1)} ms ${entryOf(e)}${what}`;
      });
    const render = RENDER.map(
      (n) => [n, inner.filter((e) => e.name === n).reduce((a, e) => a + e.dur!, 0) / 1000] as const,
    )
      .filter(([, ms]) => ms >= 0.5)
      .map(([n, ms]) => `${n} ${ms.toFixed(1)}`);
    const at = since === undefined ? '?' : `+${((t.ts - since) / 1000).toFixed(0)}`;
    console.log(`${at.padStart(6)} ms  task ${(t.dur! / 1000).toFixed(1)} ms`);
    for (const s of entries) console.log(`          ${s}`);
    if (render.length) console.log(`          render: ${render.join(', ')}`);
  }
} finally {
  await close();
}
