/**
 * Practice-spec benchmark: the largest spec each skill's schema allows (test/helpers/max-specs.ts), sent
 * through the API as a learner's request would be: `practice:question` builds it and `practice:answer`
 * builds, grades and stores it. Each case reports the slowest of a few runs (after one warm-up run, as in
 * the long-running app) against the 100 ms budget a request may take (no handler does unbounded work); a
 * case over budget fails the run. The time is the process's CPU time (user + system), the work the
 * request causes, so that other programs on a loaded machine do not inflate it.
 *
 * Run: npx tsx bench/practice-specs.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApi } from '../src/main/api';
import { createStore, openDatabase } from '../src/main/db';
import { SKILLS } from '../src/shared/contracts/practice';
import { MAX_SPECS } from '../test/helpers/max-specs';
import type { BenchRow } from './types';

const SUITE = 'practice specs';
/** The most one request built from a spec may take, in milliseconds. */
export const BUDGET_MS = 100;

export async function runPracticeSpecBench(runs = 5): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-bench-specs-'));
  const store = createStore(openDatabase(join(dir, 'bench.db')));
  const api = createApi({ store });
  try {
    const rows: BenchRow[] = [];
    for (const skill of SKILLS) {
      let worst = 0;
      for (const spec of MAX_SPECS[skill])
        for (let run = -1; run < runs; run++) {
          const question = { kind: 'spec' as const, skill, difficulty: 3 as const, spec };
          const start = process.cpuUsage();
          const asked = await api.call('practice:question', { question });
          const answered = await api.call('practice:answer', { question, answer: '1', timeMs: 1000 });
          const used = process.cpuUsage(start);
          if (run >= 0) worst = Math.max(worst, (used.user + used.system) / 1000);
          for (const res of [asked, answered])
            if (!res.ok && res.error.code === 'internal')
              throw new Error(`${skill}: internal error: ${res.error.message}`);
        }
      rows.push({
        suite: SUITE,
        case: `largest ${skill} spec: ask + answer, CPU time (slowest of ${runs})`,
        value: worst,
        unit: 'ms',
        budget: BUDGET_MS,
      });
    }
    return rows;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await runPracticeSpecBench();
  for (const r of rows)
    console.log(
      `${r.value > (r.budget ?? Infinity) ? 'OVER' : 'ok  '} ${r.case}: ${r.value.toFixed(1)} ${r.unit}`,
    );
  process.exitCode = rows.some((r) => r.value > (r.budget ?? Infinity)) ? 1 : 0;
}
