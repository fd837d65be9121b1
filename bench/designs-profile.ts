/**
 * Where an edit of ResNet-152 spends its time on the Designs page: the built web edition in Chromium
 * (as bench/designs-browser.ts), a CPU profile through CDP around each edit (from the field's input
 * to the end of the page's `designs:edit` measure, charts and panels that follow included when they
 * fall inside), functions mapped back to the sources through the build's source maps.
 *
 *   npx tsx bench/designs-profile.ts [--edits 8] [--top 40] [--out profiles.json] [--input-only]
 *
 * Prints the time per function, self and inclusive, summed over the edits; `(program)` is the
 * browser's own work (style, layout, paint). `--out` keeps the raw profiles (Chrome DevTools opens each).
 */
import { writeFileSync } from 'node:fs';
import { originalPosition } from './designs-profile-map';
import { openEditedResNet152 } from './designs-session';
import { RENDERER } from './renderer';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};

function summarise(profiles: Profile[], top: number): string {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const p of profiles) {
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const names = new Map<number, string>();
    const name = (id: number) => {
      let k = names.get(id);
      if (k === undefined) {
        const f = nodes.get(id)!.callFrame;
        const where = f.url ? originalPosition(RENDERER, f.url, f.lineNumber, f.columnNumber) : null;
        k = `${f.functionName || '(anonymous)'} ${where ?? f.url.split('/').pop() ?? ''}`.trim();
        names.set(id, k);
      }
      return k;
    };
    p.samples.forEach((id, i) => {
      const dt = i === 0 ? 0 : p.timeDeltas[i]! / 1000;
      add(self, name(id), dt);
      const seen = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const k = name(x);
        if (!seen.has(k)) add(inclusive, k, dt);
        seen.add(k);
      }
    });
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`)
      .join('\n');
  return `self\n${list(self)}\n\ninclusive\n${list(inclusive)}`;
}

const edits = Number(arg('--edits', '8'));
const inputOnly = process.argv.includes('--input-only');
const { context, page, url, close } = await openEditedResNet152();
try {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (process.argv.includes('--open')) {
    // `--open`: the library's open button → totals painted, for the design saved above (each from a
    // freshly loaded library page; one unprofiled open first).
    const profiles: Profile[] = [];
    const times: number[] = [];
    for (let i = 0; i <= edits; i++) {
      await page.goto(`${url}#/designs`);
      await page.reload();
      await page.getByTestId('library-search').locator('input').fill('ResNet-152');
      const row = page.getByTestId('design-row').first();
      await row.waitFor();
      await page.waitForTimeout(300);
      // Profiled in the page from the click to the measure's end (console.profile / profileEnd), so that
      // the work deferred past the paint (panels, charts) stays out of it.
      const finished = new Promise<Profile>((resolve) =>
        cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile as Profile)),
      );
      await page.evaluate(() => {
        // The bench is compiled without the DOM library: the page's globals as far as this uses them.
        const w = globalThis as unknown as {
          document: { addEventListener(type: string, f: () => void, o: object): void };
        };
        w.document.addEventListener('click', () => console.profile('open'), { capture: true, once: true });
        const observer = new PerformanceObserver((list) => {
          if (!list.getEntriesByName('designs:open').length) return;
          console.profileEnd('open');
          observer.disconnect();
        });
        observer.observe({ type: 'measure' });
      });
      await row.getByTestId('design-open').click();
      const profile = await finished;
      const ms = await page.evaluate(() => performance.getEntriesByName('designs:open').at(-1)!.duration);
      if (i > 0) {
        profiles.push(profile);
        times.push(Math.round(ms));
      }
    }
    console.log(`designs:open of each profiled open (ms): ${times.join(', ')}\n`);
    console.log(summarise(profiles, Number(arg('--top', '40'))));
    process.exit(0);
  }
  const input = page.getByTestId('field-out_channels').locator('input');
  const profiles: Profile[] = [];
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const count = () => performance.getEntriesByName('designs:edit').length;
    const before = await page.evaluate(count);
    if (inputOnly) {
      // `--input-only`: the input event's task (the page's synchronous update and Vue's flush) and what
      // runs before the next task, between console.profile and console.profileEnd in the page.
      const finished = new Promise<Profile>((resolve) =>
        cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile as Profile)),
      );
      await input.evaluate(
        (el, value) => {
          // The bench is compiled without the DOM library: the input as far as this uses it.
          const field = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
          console.profile('edit');
          field.value = value;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          return new Promise<void>((resolve) =>
            setTimeout(() => {
              console.profileEnd('edit');
              resolve();
            }, 0),
          );
        },
        String(60 + i),
      );
      profiles.push(await finished);
    } else {
      await cdp.send('Profiler.start');
      await input.fill(String(60 + i));
    }
    await page.waitForFunction((n) => performance.getEntriesByName('designs:edit').length > n, before, {
      polling: 5,
    });
    if (!inputOnly) profiles.push((await cdp.send('Profiler.stop')).profile as Profile);
    times.push(
      await page.evaluate(() => Math.round(performance.getEntriesByName('designs:edit').at(-1)!.duration)),
    );
    await page.waitForTimeout(400);
  }
  const out = arg('--out', '');
  if (out) writeFileSync(out, JSON.stringify(profiles));
  console.log(`designs:edit of each profiled edit (ms): ${times.join(', ')}\n`);
  console.log(summarise(profiles, Number(arg('--top', '40'))));
} finally {
  await close();
}
