/**
 * What each page of the renderer costs to download: the entry chunk, and for every route the chunks it
 * pulls in statically (its own chunk, the chunks that chunk imports, their CSS) beyond the entry, raw
 * and compressed as the web edition serves them (gzip, brotli). Sizes, not timings: the same build gives
 * the same numbers on any machine.
 *
 *   npx electron-vite build && npx tsx bench/bundle.ts
 *
 * Reads out/renderer/.vite/manifest.json (the renderer build writes it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSize {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** The files one manifest key loads before it runs: itself, its static imports (transitively), their CSS. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return new Set();
  seen.add(key);
  const files = new Set([chunk.file, ...(chunk.css ?? [])]);
  for (const dep of chunk.imports ?? []) for (const f of staticClosure(manifest, dep, seen)) files.add(f);
  return files;
}

export function sizeOf(dir: string, files: Iterable<string>): BundleSize {
  const list = [...files].sort();
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of list) {
    const body = readFileSync(join(dir, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
    brotli += brotliCompressSync(body).length;
  }
  return { files: list, raw, gzip, brotli };
}

export function runBundleBench(dir = join(import.meta.dirname, '..', 'out', 'renderer')): BenchRow[] {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('out/renderer/.vite/manifest.json has no entry: build the renderer first');
  const entryFiles = staticClosure(manifest, entryKey);
  const rows: BenchRow[] = [];
  const kib = (n: number) => n / 1024;
  const entry = sizeOf(dir, entryFiles);
  rows.push({
    suite: 'bundle',
    case: 'entry chunk (every page), gzip (target < 150 KiB)',
    value: kib(entry.gzip),
    unit: 'KiB',
    peer: `raw ${kib(entry.raw).toFixed(0)} KiB, brotli ${kib(entry.brotli).toFixed(0)} KiB`,
    ratio: entry.raw / entry.gzip,
  });
  const pages = Object.keys(manifest)
    .filter((k) => manifest[k]?.isDynamicEntry && /\/pages\/\w+Page\.vue$/.test(k))
    .sort();
  // The English messages: every page waits for them (the router loads them before the first page).
  const messagesKey = Object.keys(manifest).find((k) => /\/locales\/en\.ts$/.test(k));
  const messages = messagesKey ? staticClosure(manifest, messagesKey) : new Set<string>();
  for (const key of pages) {
    const own = [...new Set([...staticClosure(manifest, key), ...messages])].filter(
      (f) => !entryFiles.has(f),
    );
    const size = sizeOf(dir, own);
    rows.push({
      suite: 'bundle',
      case: `${/(\w+)Page\.vue$/.exec(key)?.[1]} page beyond the entry (with the English messages), gzip`,
      value: kib(size.gzip),
      unit: 'KiB',
      peer: `raw ${kib(size.raw).toFixed(0)} KiB, brotli ${kib(size.brotli).toFixed(0)} KiB`,
      ratio: size.raw / size.gzip,
    });
  }
  // What loads besides pages: the English messages (before the first page); on demand, Chinese, the dark
  // theme, the pages' dialog provider, the charts (ECharts), the ONNX importer.
  const onDemand = Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry && !pages.includes(k));
  for (const key of onDemand.sort()) {
    const size = sizeOf(
      dir,
      [...staticClosure(manifest, key)].filter((f) => !entryFiles.has(f)),
    );
    rows.push({
      suite: 'bundle',
      case: `${key === messagesKey ? 'before the first page' : 'on demand'}: ${key.replace(/^.*\/src\//, '')}, gzip`,
      value: kib(size.gzip),
      unit: 'KiB',
      peer: `raw ${kib(size.raw).toFixed(0)} KiB, brotli ${kib(size.brotli).toFixed(0)} KiB`,
      ratio: size.raw / size.gzip,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of runBundleBench())
    console.log(
      `${row.case}: ${row.value.toFixed(1)} ${row.unit} (${row.peer}; ${row.ratio?.toFixed(1)}× smaller than raw)`,
    );
}
