import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { openDatabase } from '../../../src/main/db';

/**
 * Crash safety: a child process writes designs and quiz attempts through the store as fast as it can and
 * is SIGKILLed at a seeded random moment; after each kill the database is reopened the way the app opens
 * it and must hold every acknowledged write, pass `PRAGMA integrity_check`, and show no half-done write.
 * The rounds share one file, so later rounds also start from a database that was killed mid-write.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const writer = fileURLToPath(new URL('./writer.ts', import.meta.url));

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Acks {
  /** Highest acknowledged revision per design. */
  designs: Map<string, number>;
  attempts: Map<number, string>;
}

/**
 * Runs the writer and kills it `delayMs` after its first acknowledged write (or after spawn when
 * `fromSpawn`, which also lands kills inside open and migration). Only complete lines count.
 */
function runAndKill(
  file: string,
  tag: string,
  seed: number,
  delayMs: number,
  fromSpawn: boolean,
): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', writer, file, tag, String(seed)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acks: Acks = { designs: new Map(), attempts: new Map() };
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromSpawn) arm();
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [kind, id, extra] = line.split(' ');
        if (kind === 'D') acks.designs.set(id!, Math.max(acks.designs.get(id!) ?? 0, Number(extra)));
        else if (kind === 'A') acks.attempts.set(Number(id), extra!);
      }
      if (lines.length > 0) arm();
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve(acks);
    });
  });
}

/**
 * Runs `rounds` seeded kill rounds against one fresh database file and asserts after each; returns how
 * many writes were acknowledged in all. Call it inside a Vitest test.
 */
export async function runCrashRounds(rounds: number, seed: number): Promise<{ acknowledged: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-crash-'));
  const file = join(dir, 'convscope.db');
  try {
    return await crashRounds(file, rounds, seed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function crashRounds(file: string, rounds: number, seed: number): Promise<{ acknowledged: number }> {
  const random = rng(seed);
  const acked: Acks = { designs: new Map(), attempts: new Map() };
  let totalAcks = 0;
  for (let round = 0; round < rounds; round++) {
    const fromSpawn = round % 6 === 5;
    const delay = fromSpawn ? 150 + Math.floor(random() * 900) : Math.floor(random() * 400);
    const acks = await runAndKill(file, `r${round}`, Math.floor(random() * 2 ** 31), delay, fromSpawn);
    for (const [id, rev] of acks.designs) acked.designs.set(id, Math.max(acked.designs.get(id) ?? 0, rev));
    for (const [id, skill] of acks.attempts) acked.attempts.set(id, skill);
    totalAcks += acks.designs.size + acks.attempts.size;

    const db = openDatabase(file);
    try {
      const where = `round ${round}`;
      expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
      expect(db.pragma('foreign_key_check'), where).toEqual([]);

      // Every acknowledged design is there at (at least) its acknowledged revision, with all versions.
      const design = db.prepare<[string], { model: string }>('SELECT model FROM designs WHERE id = ?');
      const revs = db.prepare<[string], { rev: number }>(
        "SELECT json_extract(model, '$.rev') AS rev FROM design_versions WHERE design_id = ? ORDER BY id",
      );
      for (const [id, rev] of acked.designs) {
        const row = design.get(id);
        expect(row, `${where}: design ${id}`).toBeDefined();
        expect((JSON.parse(row!.model) as { rev: number }).rev, `${where}: ${id}`).toBeGreaterThanOrEqual(
          rev,
        );
        expect(
          revs
            .all(id)
            .map((r) => r.rev)
            .slice(0, rev),
          `${where}: ${id} versions`,
        ).toEqual(Array.from({ length: rev }, (_, i) => i + 1));
      }
      // Nothing partial: a design's current model is exactly its newest version, for every design.
      const mismatched = db
        .prepare(
          `SELECT d.id FROM designs d
             LEFT JOIN design_versions v ON v.id = (SELECT max(id) FROM design_versions WHERE design_id = d.id)
             WHERE v.model IS NOT d.model`,
        )
        .all();
      expect(mismatched, `${where}: designs whose newest version is missing or differs`).toEqual([]);

      // Every acknowledged attempt is there, and each review card counts exactly its skill's attempts.
      const attempt = db.prepare<[number], { skill: string }>('SELECT skill FROM quiz_attempts WHERE id = ?');
      for (const [id, skill] of acked.attempts)
        expect(attempt.get(id)?.skill, `${where}: attempt ${id}`).toBe(skill);
      const cards = db
        .prepare(
          `SELECT s.skill, s.n, json_extract(c.card, '$.reps') AS reps FROM
               (SELECT skill, count(*) AS n FROM quiz_attempts GROUP BY skill) s
             LEFT JOIN review_cards c ON c.id = s.skill`,
        )
        .all() as { skill: string; n: number; reps: number | null }[];
      for (const card of cards) expect(card.reps, `${where}: review card ${card.skill}`).toBe(card.n);
    } finally {
      db.close();
    }
  }
  // The harness must actually have exercised writes, not killed idle processes.
  expect(totalAcks).toBeGreaterThan(rounds * 10);
  expect(acked.designs.size).toBeGreaterThan(0);
  expect(acked.attempts.size).toBeGreaterThan(0);
  return { acknowledged: totalAcks };
}
