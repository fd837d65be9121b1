/**
 * CLI start-up benchmark: whole processes through `node_modules/.bin/convscope` (the bundled CLI,
 * build/cli), as a user runs them, each timed from fork to exit:
 *   - `node -e 0`: Node's own start-up on this machine, the floor of any Node program;
 *   - `convscope analyze zoo:resnet50 --json`                     target < 150 ms wall;
 *   - `convscope analyze resnet50.onnx --json` (102 MB, weights)  target < 250 ms wall;
 *   - the same two run from the TypeScript sources through tsx (how `convscope` started before it
 *     was bundled, and its fallback in a checkout edited since the last build);
 *   - peer: Python `onnx.load` + `onnx.shape_inference.infer_shapes` on the same file, same run.
 * Median wall and median CPU time (user + system of the process and its children) over `runs` runs
 * after 2 warm-up runs, the commands interleaved run by run so that load changes hit them alike.
 * Each run is `bash -c 't0=$EPOCHREALTIME; CMD >/dev/null; t1=$EPOCHREALTIME; times'`: wall from
 * bash's microsecond clock around the command, CPU from `times` (children, millisecond resolution).
 *
 *   npx tsx bench/cli.ts [--runs 9] [--file resnet50.onnx]
 *
 * The ONNX file is torchvision's ResNet-50 with random weights exported at opset 13 by bench/onnx.ts
 * (needs /usr/bin/python3 with torch, torchvision and onnx), kept in .tmp/bench/ between runs and
 * never committed. Without Python and without --file, the ONNX cases and the peer are skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFile, PY, pythonHasOnnx } from './onnx';
import type { BenchRow } from './types';

const SUITE = 'cli';
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules/.bin/convscope');
/** The same command run from the TypeScript sources (scripts/launch.mjs honours this switch). */
const FROM_SOURCES = ['env', 'CONVSCOPE_FROM_SOURCES=1', BIN];

const PY_VERSIONS = `import sys, onnx, google.protobuf as pb
from google.protobuf.internal import api_implementation
print('Python', sys.version.split()[0], 'onnx', onnx.__version__, 'protobuf', pb.__version__, api_implementation.Type())`;

interface Case {
  name: string;
  cmd: string[];
  target?: number;
}

interface Sample {
  wall: number;
  cpu: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One whole-process run: wall (ms, bash's clock around the command) and CPU of the command (ms). */
function runOnce(cmd: string[]): Sample {
  const script = 't0=$EPOCHREALTIME; "$@" >/dev/null || exit 1; t1=$EPOCHREALTIME; times; echo "$t0 $t1"';
  const r = spawnSync('bash', ['-c', script, 'bash', ...cmd], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  const [t0, t1] = lines[2].split(' ').map(Number);
  const seconds = (t: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    if (!m) throw new Error(`cannot read the time ${t}`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const [user, sys] = lines[1].split(' ').map(seconds); // line 2 of `times`: the children
  return { wall: (t1 - t0) * 1000, cpu: (user + sys) * 1000 };
}

/** The ONNX file to measure: --file, or a ResNet-50 exported once into .tmp/bench. */
function onnxFile(given: string | undefined, log: (line: string) => void): string | undefined {
  if (given) return given;
  const dir = join(ROOT, '.tmp/bench');
  const file = join(dir, 'resnet50.onnx');
  if (existsSync(file)) return file;
  if (!pythonHasOnnx()) {
    log('no /usr/bin/python3 with torch, torchvision and onnx and no --file: ONNX cases skipped');
    return undefined;
  }
  mkdirSync(dir, { recursive: true });
  log('exporting torchvision resnet50 (random weights, opset 13) to .tmp/bench …');
  return makeFile(dir);
}

/** Whole-process start-up of the bundled CLI against Node's floor, its unbundled self and Python's onnx. */
export async function runCliBench(
  runs = 9,
  given?: string,
  log: (line: string) => void = console.log,
): Promise<BenchRow[]> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm install (its prepare script links it)`);
  const file = onnxFile(given, log);
  const python = file !== undefined && pythonHasOnnx();
  const cases: Case[] = [
    { name: 'node -e 0 (Node start-up, the floor)', cmd: [process.execPath, '-e', '0'] },
  ];
  /** A CLI case, and the same from the sources (what `convscope` ran before it was bundled). */
  const cli = (name: string, args: string[], target: number) => {
    cases.push({ name: `convscope ${name}`, cmd: [BIN, ...args], target });
    cases.push({ name: `convscope ${name} from the sources (tsx)`, cmd: [...FROM_SOURCES, ...args] });
  };
  cli('analyze zoo:resnet50 --json', ['analyze', 'zoo:resnet50', '--json'], 150);
  if (file) {
    const mb = (statSync(file).size / 1e6).toFixed(0);
    cli(`analyze ${mb} MB resnet50.onnx --json`, ['analyze', file, '--json'], 250);
    if (python) {
      const code = `import onnx; m = onnx.load(${JSON.stringify(file)}); onnx.shape_inference.infer_shapes(m)`;
      cases.push({ name: 'python onnx.load + infer_shapes (same file)', cmd: [PY, '-c', code] });
      const versions = execFileSync(PY, ['-c', PY_VERSIONS], { encoding: 'utf8' }).trim();
      log(`peer: ${PY} -c '${code}' (${versions})`);
    }
  }
  // The answers first: the bundle must print what the sources print.
  for (const [bundled, sources] of [cases.slice(1, 3), ...(file ? [cases.slice(3, 5)] : [])]) {
    const a = execFileSync(bundled.cmd[0], bundled.cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
    const b = execFileSync(sources.cmd[0], sources.cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (a !== b) throw new Error(`${bundled.name}: the bundle and the sources print different documents`);
  }
  const samples = cases.map(() => [] as Sample[]);
  for (let i = -2; i < runs; i++) {
    cases.forEach((c, k) => {
      const s = runOnce(c.cmd);
      if (i >= 0) samples[k].push(s);
    });
  }
  const wall = (k: number) => median(samples[k].map((s) => s.wall));
  const cpu = (k: number) => median(samples[k].map((s) => s.cpu));
  const rows: BenchRow[] = [];
  const pyIndex = cases.findIndex((c) => c.cmd[0] === PY);
  cases.forEach((c, k) => {
    const target = c.target ? ` (target < ${c.target} ms)` : '';
    const vsPython = c.target === 250 && pyIndex >= 0;
    const vsBundle = c.name.endsWith('from the sources (tsx)');
    rows.push({
      suite: SUITE,
      case: `${c.name}, median wall${target}`,
      value: wall(k),
      unit: 'ms',
      ...(vsPython ? { peer: 'python onnx.load + infer_shapes', ratio: wall(pyIndex) / wall(k) } : {}),
      ...(vsBundle ? { peer: 'bundled CLI above', ratio: wall(k) / wall(k - 1) } : {}),
    });
    rows.push({ suite: SUITE, case: `${c.name}, median CPU (user + sys)`, value: cpu(k), unit: 'ms' });
  });
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
  const given = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
  for (const row of await runCliBench(runs, given)) console.log(JSON.stringify(row));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
