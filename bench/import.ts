/**
 * Import benchmark: a 100,000-row export (quiz attempts that all share one timestamp, the case that was
 * quadratic) merged into an empty database, then merged again into the database that now holds every row
 * (each row matched by content), then imported with `replace`. Each step is one `data:import` call.
 *
 * Run: npx tsx bench/import.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApi } from '../src/main/api';
import { createStore, openDatabase } from '../src/main/db';
import type { BenchRow } from './types';

const SUITE = 'import';
export const ROWS = 100_000;
const SKILLS = ['output-size', 'conv-params', 'conv-macs-flops', 'receptive-field'];

export async function runImportBench(rows = ROWS): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-bench-import-'));
  try {
    const source = createStore(openDatabase(join(dir, 'source.db')));
    const insert = source.db.prepare(
      `INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1700000000000)`,
    );
    source.db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const skill = SKILLS[i % SKILLS.length]!;
        insert.run(`${skill}:1:${i}`, skill, i, 1 + (i % 3), String(i % 97), i % 2, 1000 + (i % 5000));
      }
    })();
    const document = JSON.parse(JSON.stringify(source.data.export('bench', 0))) as Record<string, unknown>;
    source.close();

    const target = createStore(openDatabase(join(dir, 'target.db')));
    const api = createApi({ store: target });
    const timed = async (mode: 'merge' | 'replace') => {
      const start = performance.now();
      const res = await api.call('data:import', { document, mode });
      if (!res.ok) throw new Error(res.error.message);
      return { ms: performance.now() - start, totals: res.value.totals };
    };
    const intoEmpty = await timed('merge');
    const again = await timed('merge');
    const replace = await timed('replace');
    target.close();
    if (intoEmpty.totals.added !== rows || again.totals.unchanged !== rows)
      throw new Error(`unexpected counts: ${JSON.stringify([intoEmpty.totals, again.totals])}`);
    const row = (name: string, ms: number): BenchRow => ({
      suite: SUITE,
      case: name,
      value: ms / 1000,
      unit: 's',
    });
    return [
      row(`merge ${rows.toLocaleString('en-US')} rows into an empty database`, intoEmpty.ms),
      row(`merge the same ${rows.toLocaleString('en-US')} rows again (all matched)`, again.ms),
      row(`replace with ${rows.toLocaleString('en-US')} rows`, replace.ms),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runImportBench()) console.log(`${r.case}: ${r.value.toFixed(2)} ${r.unit}`);
}
