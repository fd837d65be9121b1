/**
 * Web edition under load: the server runs in its own process (as `npm run web` does) on a fresh data
 * folder; this process drives 50 concurrent keep-alive clients for 30 s against designs:list,
 * designs:get and designs:save on 127.0.0.1. Bounded in time and in requests; stops by itself.
 * Afterwards every acknowledged save is read back from the database file: none may be missing or stale.
 *
 * The server's per-address rate limit is raised for this run: 50 clients from one address are a load
 * test, not one person, and the default limit would (correctly) answer most of them with 429.
 *
 * Run: npx tsx bench/web-load.ts [--seconds 30] [--clients 50]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createApi } from '../src/main/api';
import { createStore, openDatabase } from '../src/main/db';
import { startWebServer } from '../src/main/web/server';
import type { BenchRow } from './types';

const SUITE = 'web edition';
const MAX_REQUESTS = 2_000_000;
const here = fileURLToPath(import.meta.url);

const model = (name: string, rev: number) => ({
  format: 'convscope-model',
  version: 1,
  // The revision rides in the model's name, so the read-back can tell a stale save from the latest.
  name: `${name} r${rev}`,
  input: [3, 32, 32],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 16, kernel: 3, padding: 1 },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv2d', out_channels: 32, kernel: 3, padding: 1, stride: 2 },
  ],
});

/** The server side: started with `--serve <dataDir>`, signs in, prints one JSON line {port, cookie}, runs until killed. */
async function serve(dataDir: string): Promise<void> {
  const store = createStore(openDatabase(join(dataDir, 'convscope.db')));
  const api = createApi({ store });
  const server = await startWebServer({
    api,
    rendererDir: dataDir,
    port: 0,
    rateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
  });
  const login = await fetch(server.loginUrl, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  process.stdout.write(`${JSON.stringify({ port: server.port, cookie })}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => {
      store.close();
      process.exit(0);
    });
  });
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number; cookie: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', here, '--serve', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n')) resolve({ child, ...(JSON.parse(line!) as { port: number; cookie: string }) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runWebLoadBench(
  options: { seconds?: number; clients?: number } = {},
): Promise<BenchRow[]> {
  const seconds = options.seconds ?? 30;
  const clients = options.clients ?? 50;
  const dataDir = mkdtempSync(join(tmpdir(), 'convscope-bench-web-'));
  const server = await startServer(dataDir);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const call = (channel: string, body: unknown) =>
    new Promise<{ status: number; result: { ok: boolean; value?: unknown; error?: unknown } }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: server.port,
            agent,
            method: 'POST',
            path: `/api/${channel}`,
            headers: { 'content-type': 'application/json', cookie: server.cookie },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                result: JSON.parse(Buffer.concat(chunks).toString()) as never,
              }),
            );
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end(JSON.stringify(body));
      },
    );

  const latencies: Record<string, number[]> = { list: [], get: [], save: [] };
  const errors: string[] = [];
  /** Acknowledged saves: design id → highest acknowledged revision. */
  const acked = new Map<string, number>();
  let requests = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();

  async function client(n: number): Promise<void> {
    const mine: { id: string; rev: number }[] = [];
    let k = 0;
    while (performance.now() < deadline && requests < MAX_REQUESTS) {
      requests++;
      k++;
      const pick = (n * 31 + k * 17) % 10;
      const op =
        pick < 4 ? 'list' : pick < 7 || mine.length === 0 ? (mine.length === 0 ? 'save' : 'get') : 'save';
      const t0 = performance.now();
      try {
        if (op === 'list') {
          const r = await call('designs:list', {});
          if (!r.result.ok) errors.push(`list: ${JSON.stringify(r.result.error)}`);
        } else if (op === 'get') {
          const target = mine[k % mine.length]!;
          const r = await call('designs:get', { id: target.id });
          if (!r.result.ok) errors.push(`get: ${JSON.stringify(r.result.error)}`);
        } else {
          const existing = mine.length > 0 && k % 2 === 0 ? mine[k % mine.length] : undefined;
          const rev = existing ? existing.rev + 1 : 1;
          const name = existing
            ? `client ${n} design ${mine.indexOf(existing)}`
            : `client ${n} design ${mine.length}`;
          const r = await call('designs:save', {
            ...(existing ? { id: existing.id } : {}),
            name,
            model: model(name, rev),
          });
          if (!r.result.ok) errors.push(`save: ${JSON.stringify(r.result.error)}`);
          else {
            const id = (r.result.value as { id: string }).id;
            if (existing) existing.rev = rev;
            else mine.push({ id, rev });
            acked.set(id, rev);
          }
        }
      } catch (error) {
        errors.push(`${op}: ${String(error)}`);
      }
      latencies[op]!.push(performance.now() - t0);
    }
  }

  try {
    await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  } finally {
    agent.destroy();
    await new Promise<void>((resolve) => {
      server.child.once('exit', () => resolve());
      server.child.kill('SIGTERM');
      setTimeout(() => {
        server.child.kill('SIGKILL');
      }, 5_000).unref();
    });
  }
  const elapsed = (performance.now() - started) / 1000;

  // Read back every acknowledged save from the file the server wrote.
  const store = createStore(openDatabase(join(dataDir, 'convscope.db')));
  let lost = 0;
  for (const [id, rev] of acked) {
    const design = store.designs.get(id);
    const saved = Number(
      / r(\d+)$/.exec(String((design?.model as { name?: unknown } | undefined)?.name))?.[1] ?? 0,
    );
    if (!design || saved < rev) lost++;
  }
  store.close();
  rmSync(dataDir, { recursive: true, force: true });

  const all = Object.values(latencies)
    .flat()
    .sort((a, b) => a - b);
  const rows: BenchRow[] = [
    {
      suite: SUITE,
      case: `${clients} clients × ${seconds} s: requests`,
      value: all.length,
      unit: 'requests',
    },
    { suite: SUITE, case: 'throughput', value: all.length / elapsed, unit: 'req/s' },
    { suite: SUITE, case: 'errors', value: errors.length, unit: 'count' },
    { suite: SUITE, case: `acknowledged saves lost (of ${acked.size} designs)`, value: lost, unit: 'count' },
    { suite: SUITE, case: 'latency p50, all', value: percentile(all, 50), unit: 'ms' },
    { suite: SUITE, case: 'latency p99, all', value: percentile(all, 99), unit: 'ms' },
  ];
  for (const op of ['list', 'get', 'save'] as const) {
    const sorted = latencies[op]!.sort((a, b) => a - b);
    rows.push({
      suite: SUITE,
      case: `latency p99, ${op} (${sorted.length})`,
      value: percentile(sorted, 99),
      unit: 'ms',
    });
  }
  if (errors.length > 0) console.error(`web-load: first errors: ${errors.slice(0, 5).join(' | ')}`);
  return rows;
}

async function standalone(): Promise<void> {
  const { values } = parseArgs({
    options: { serve: { type: 'string' }, seconds: { type: 'string' }, clients: { type: 'string' } },
  });
  if (values.serve) return serve(values.serve);
  const rows = await runWebLoadBench({
    seconds: values.seconds ? Number(values.seconds) : undefined,
    clients: values.clients ? Number(values.clients) : undefined,
  });
  console.log(
    `${new Date().toUTCString()} · ${cpus().length} CPUs · ${cpus()[0]?.model ?? 'unknown CPU'} · Node ${process.versions.node} · load average ${loadavg()[0]!.toFixed(1)}`,
  );
  for (const r of rows)
    console.log(`${r.case.padEnd(48)} ${r.value.toFixed(r.unit === 'ms' ? 1 : 0).padStart(10)} ${r.unit}`);
  if (rows.some((r) => (r.case === 'errors' || r.case.startsWith('acknowledged saves lost')) && r.value > 0))
    process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  standalone().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
