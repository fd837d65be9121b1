/**
 * Where an edit of ResNet-152 spends its time on the Designs page: the built web edition in Chromium
 * (as bench/designs-browser.ts), a CPU profile through CDP around each edit (from the field's input
 * to the end of the page's `designs:edit` measure, charts and panels that follow included when they
 * fall inside), functions mapped back to the sources through the build's source maps.
 *
 *   npx tsx bench/designs-profile.ts [--edits 8] [--top 40] [--out profiles.json]
 *
 * Prints the time per function, self and inclusive, summed over the edits; `(program)` is the
 * browser's own work (style, layout, paint). `--out` keeps the raw profiles (Chrome DevTools opens each).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { getZooModel } from '../src/core';
import { startWeb } from '../src/main/web/start';
import { measureEdits, OBSERVE_SCRIPT, saveDesign } from './designs-measure';
import { BROWSER_ARGS, CHROMIUM, ensureRenderer, RENDERER } from './renderer';

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

/** Source-map segments per generated line: [column, source, line] (VLQ, version 3). */
function decodeMappings(mappings: string): [number, number, number][][] {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: [number, number, number][][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const segments: [number, number, number][] = [];
    column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = B64.indexOf(c);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0]!;
      if (values.length >= 4) {
        source += values[1]!;
        line += values[2]!;
        segments.push([column, source, line]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map<string, { sources: string[]; lines: [number, number, number][][] } | null>();
/** "file:line" in the sources for a position in a built chunk, or null. */
function original(url: string, line: number, column: number): string | null {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const path = join(RENDERER, 'assets', `${file}.map`);
    const raw = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; mappings: string })
      : null;
    maps.set(file, raw ? { sources: raw.sources, lines: decodeMappings(raw.mappings) } : null);
  }
  const map = maps.get(file);
  const segments = map?.lines[line];
  if (!map || !segments?.length) return null;
  let best = segments[0]!;
  for (const s of segments) if (s[0] <= column) best = s;
  const source = map.sources[best[1]]!.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  return `${source}:${best[2] + 1}`;
}

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
        const where = f.url ? original(f.url, f.lineNumber, f.columnNumber) : null;
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
ensureRenderer();
const resnet = getZooModel('resnet152');
if (!resnet) throw new Error('zoo:resnet152 missing');
const dataDir = mkdtempSync(join(tmpdir(), 'convscope-profile-'));
const running = await startWeb({ port: 0, dataDir }, RENDERER);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.request.get(running.server.loginUrl, { maxRedirects: 0 });
  await context.addInitScript(OBSERVE_SCRIPT);
  const page = await context.newPage();
  await page.goto(`${running.server.url}#/designs`);
  await page.getByTestId('page-designs').waitFor();
  const id = await saveDesign(page, 'ResNet-152', resnet);
  await page.goto(`${running.server.url}#/designs?design=${id}`);
  await page.reload();
  await page.getByTestId('total-macs').waitFor();
  await page.getByTestId('layer-row').and(page.locator('[data-layer-id="conv1"]')).click();
  await measureEdits(page, 'out_channels', 2, (i) => String(40 + i));

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const input = page.getByTestId('field-out_channels').locator('input');
  const profiles: Profile[] = [];
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const count = () => performance.getEntriesByName('designs:edit').length;
    const before = await page.evaluate(count);
    await cdp.send('Profiler.start');
    await input.fill(String(60 + i));
    await page.waitForFunction((n) => performance.getEntriesByName('designs:edit').length > n, before, {
      polling: 5,
    });
    profiles.push((await cdp.send('Profiler.stop')).profile as Profile);
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
  await browser.close();
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
