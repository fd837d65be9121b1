/**
 * Storage benchmark: ConvScope's store (typed repositories, a transaction per save that also writes the
 * version row, JSON encode/decode) against raw better-sqlite3 doing the same SQL by hand, on the same
 * kind of database file (WAL, foreign keys on), in the same run.
 *
 * Run: npx tsx bench/storage.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStore, openDatabase } from '../src/main/db';
import type { BenchRow } from './types';

const SUITE = 'storage';
const SAVES = 2_000;
const READS = 5_000;

/** A mid-sized design: 60 conv layers, about 4 KB of JSON. */
const model = (i: number) => ({
  format: 'convscope-model',
  version: 1,
  name: `bench ${i}`,
  input: [3, 224, 224],
  layers: Array.from({ length: 60 }, (_, k) => ({
    id: `conv${k}`,
    op: 'conv2d',
    out_channels: 64,
    kernel: 3,
    padding: 1,
  })),
});

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function runStorageBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-bench-storage-'));
  try {
    // ConvScope's store, through its public repository methods.
    const store = createStore(openDatabase(join(dir, 'store.db')));
    const ids: string[] = [];
    const storeSave = timed(() => {
      for (let i = 0; i < SAVES; i++) {
        const saved = store.designs.save({ name: `d${i}`, model: model(i) }, Date.now(), () => `id-${i}`);
        ids.push(saved!.id);
      }
    });
    const storeGet = timed(() => {
      for (let i = 0; i < READS; i++) store.designs.get(ids[(i * 7919) % ids.length]!);
    });
    const storeList = timed(() => {
      for (let i = 0; i < 50; i++) store.designs.list();
    });
    store.close();

    // Raw better-sqlite3: the same tables, the same pragmas, the same work per save, no repository layer.
    const db = openDatabase(join(dir, 'raw.db'));
    const insert = db.prepare(
      'INSERT INTO designs (id, name, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const version = db.prepare('INSERT INTO design_versions (design_id, model, created_at) VALUES (?, ?, ?)');
    const save = db.transaction((id: string, name: string, text: string, now: number) => {
      insert.run(id, name, text, now, now);
      version.run(id, text, now);
    });
    const rawSave = timed(() => {
      for (let i = 0; i < SAVES; i++) save(`id-${i}`, `d${i}`, JSON.stringify(model(i)), Date.now());
    });
    const get = db.prepare<[string], { model: string }>('SELECT * FROM designs WHERE id = ?');
    const rawGet = timed(() => {
      for (let i = 0; i < READS; i++) JSON.parse(get.get(ids[(i * 7919) % ids.length]!)!.model);
    });
    const list = db.prepare(
      'SELECT id, name, created_at, updated_at FROM designs ORDER BY updated_at DESC, name',
    );
    const rawList = timed(() => {
      for (let i = 0; i < 50; i++) list.all();
    });
    db.close();

    const perOp = (ms: number, n: number) => (ms * 1000) / n;
    const row = (name: string, ours: number, peer: number, n: number): BenchRow => ({
      suite: SUITE,
      case: name,
      value: perOp(ours, n),
      unit: 'µs/op',
      peer: `raw better-sqlite3 ${perOp(peer, n).toFixed(1)} µs/op`,
      ratio: ours / peer,
    });
    return [
      row(`save design + version (${SAVES}, ~4 KB model)`, storeSave, rawSave, SAVES),
      row(`get design by id (${READS})`, storeGet, rawGet, READS),
      row(`list ${SAVES} designs (50 times)`, storeList, rawList, 50),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function standalone(): Promise<void> {
  const rows = await runStorageBench();
  console.log(
    `${new Date().toUTCString()} · ${cpus().length} CPUs · ${cpus()[0]?.model ?? 'unknown CPU'} · Node ${process.versions.node} · load average ${loadavg()[0]!.toFixed(1)}`,
  );
  for (const r of rows)
    console.log(
      `${r.case.padEnd(48)} ${r.value.toFixed(1).padStart(9)} ${r.unit}   vs ${r.peer}   ratio ${r.ratio!.toFixed(2)}`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  standalone().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
