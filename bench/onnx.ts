/**
 * ONNX import benchmark: open + analyse a ~100 MB ONNX file with weights (torchvision ResNet-50,
 * random init, exported into a temporary directory, never committed), whole process, against
 * Python's `onnx.load` + `onnx.shape_inference.infer_shapes` on the same file in the same run.
 *
 *   npx tsx bench/onnx.ts [--runs 3] [--file model.onnx]
 *
 * Peak memory is the child's maximum resident set size (GNU time %M, or getrusage in the child).
 * Without /usr/bin/python3 + torch + onnx the file must be given with --file and the Python
 * comparison is skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeOnnx, chunkedSource } from '../src/core/onnx';
import type { BenchRow } from './types';

export const PY = '/usr/bin/python3';
const ROOT = join(import.meta.dirname, '..');

function child(file: string): void {
  const t0 = performance.now();
  const fd = openSync(file, 'r');
  const src = chunkedSource(fstatSync(fd).size, (b, p) => readSync(fd, b, 0, b.length, p));
  const { analysis, imported } = analyzeOnnx(src);
  closeSync(fd);
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      ms,
      macs: analysis.totals.macs,
      params: imported.params.total,
      layers: analysis.layers.length,
      maxRssKB: process.resourceUsage().maxRSS,
    }),
  );
}

interface Run {
  wallMs: number;
  maxRssMB: number;
}

/** Runs a command under GNU time: wall time and peak RSS of the whole process. */
function timed(cmd: string, args: string[]): Run & { stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  return { wallMs, maxRssMB: Number(lines[lines.length - 1]) / 1024, stdout: r.stdout };
}

export function pythonHasOnnx(): boolean {
  if (!existsSync(PY)) return false;
  return spawnSync(PY, ['-c', 'import onnx, torch, torchvision'], { encoding: 'utf8' }).status === 0;
}

export function makeFile(dir: string): string {
  const file = join(dir, 'resnet50.onnx');
  execFileSync(
    PY,
    [
      '-c',
      `
import torch, torchvision
m = torchvision.models.resnet50(weights=None).eval()
torch.onnx.export(m, torch.randn(1, 3, 224, 224), ${JSON.stringify(file)}, opset_version=13, input_names=['x'], output_names=['y'])
`,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  return file;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Open + analyse an exported ResNet-50 (whole process) vs Python's onnx, median of `runs`; [] when it cannot run here. */
export async function runOnnxBench(
  runs = 3,
  given?: string,
  log: (line: string) => void = console.log,
): Promise<BenchRow[]> {
  const python = pythonHasOnnx();
  let dir: string | undefined;
  let file = given;
  if (!file) {
    if (!python) {
      log('no --file given and no /usr/bin/python3 with torch and onnx to export one: skipped');
      return [];
    }
    dir = mkdtempSync(join(tmpdir(), 'convscope-onnx-bench-'));
    log('exporting torchvision resnet50 (random weights) …');
    file = makeFile(dir);
  }
  try {
    const size = statSync(file).size;
    const sizeMB = size / 2 ** 20;
    log(`file: ${(size / 1e6).toFixed(1)} MB (${sizeMB.toFixed(1)} MiB)`);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const results: Record<string, Run[]> = { library: [], cli: [], python: [] };
    let inner = '';
    for (let i = 0; i < runs; i++) {
      const lib = timed(tsx, [join(ROOT, 'bench/onnx.ts'), '--child', file]);
      inner = lib.stdout.trim();
      results.library.push(lib);
      results.cli.push(timed(process.execPath, [join(ROOT, 'bin/convscope.mjs'), 'analyze', file, '--json']));
      if (python) {
        results.python.push(
          timed(PY, [
            '-c',
            `import onnx; m = onnx.load(${JSON.stringify(file)}); onnx.shape_inference.infer_shapes(m)`,
          ]),
        );
      }
    }
    log(`in-process (library child): ${inner}`);
    const wall = (rs: Run[]) => median(rs.map((r) => r.wallMs));
    const rss = (rs: Run[]) => median(rs.map((r) => r.maxRssMB));
    const rows: BenchRow[] = [
      {
        suite: 'onnx',
        case: `convscope analyze ${(size / 1e6).toFixed(0)} MB ResNet-50 --json (whole process)`,
        value: wall(results.cli),
        unit: 'ms',
        ...(python
          ? { peer: 'python onnx.load + infer_shapes', ratio: wall(results.python) / wall(results.cli) }
          : {}),
      },
      { suite: 'onnx', case: 'peak RSS / file size (CLI)', value: rss(results.cli) / sizeMB, unit: '×' },
    ];
    if (python)
      rows.push({
        suite: 'onnx',
        case: 'peak RSS / file size (python)',
        value: rss(results.python) / sizeMB,
        unit: '×',
      });
    return rows;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const given = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
  for (const row of await runOnnxBench(runs, given)) console.log(JSON.stringify(row));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
