/**
 * Positions in the built renderer's chunks mapped back to the sources through the build's source maps,
 * for the Designs profiles (bench/designs-profile.ts, bench/designs-trace.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
/**
 * "file:line" in the sources for a position (0-based line and column) in a chunk of the built renderer
 * at `renderer`, through the chunk's source map; null when there is none.
 */
export function originalPosition(renderer: string, url: string, line: number, column: number): string | null {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const path = join(renderer, 'assets', `${file}.map`);
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
