/**
 * Crash-test writer, run as a child process: `node --import tsx test/main/crash/writer.ts <db> <tag> <seed>`.
 *
 * Opens the store exactly as the app does and writes forever: design saves (new designs and new versions of
 * earlier ones, through `store.designs.save`) and quiz attempts (an attempt row plus its skill's review card
 * in one transaction, the shape the practice feature persists). After each write has committed it prints
 * one line to stdout — stdout is a pipe, and pipe writes are synchronous on POSIX, so a line the parent has
 * read is a write the store acknowledged:
 *
 *   D <designId> <rev>     design saved; its model carries `rev`, and it has versions 1..rev
 *   A <attemptId> <skill>  attempt stored and the skill's review card counts it
 *
 * The parent SIGKILLs it at a random moment and checks the database.
 */
import { createStore, openDatabase } from '../../../src/main/db';

const [file, tag, seedText] = process.argv.slice(2);
if (!file || !tag || !seedText) {
  process.stderr.write('usage: writer.ts <db> <tag> <seed>\n');
  process.exit(2);
}

/** mulberry32: small, seeded, good enough to vary the write mix. */
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

const random = rng(Number(seedText));
const store = createStore(openDatabase(file));
const db = store.db;

const SKILLS = ['conv-output', 'params', 'macs', 'receptive-field'];
const addAttempt = db.prepare(
  `INSERT INTO quiz_attempts (question_id, skill, seed, difficulty, answer, correct, time_ms, created_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);
const cardOf = db.prepare<[string], { card: string }>('SELECT card FROM review_cards WHERE id = ?');
const putCard = db.prepare(
  `INSERT INTO review_cards (id, skill, card, due, updated_at) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT(id) DO UPDATE SET card = excluded.card, due = excluded.due, updated_at = excluded.updated_at`,
);
const recordAttempt = db.transaction((skill: string, seed: number, now: number): number => {
  const id = Number(
    addAttempt.run(`${skill}:1:${seed}`, skill, seed, 1, String(seed), seed % 2, 1000, now).lastInsertRowid,
  );
  const previous = cardOf.get(skill);
  const reps = previous ? (JSON.parse(previous.card) as { reps: number }).reps : 0;
  putCard.run(skill, skill, JSON.stringify({ reps: reps + 1, lastAttempt: id }), now + 86_400_000, now);
  return id;
});

/** A model big enough that one save spans several database pages. */
function model(id: string, rev: number) {
  return {
    format: 'convscope-model',
    version: 1,
    name: id,
    rev,
    input: [3, 32, 32],
    layers: Array.from({ length: 40 + Math.floor(random() * 80) }, (_, i) => ({
      id: `conv${i}`,
      op: 'conv2d',
      out_channels: 8 + (i % 5),
      kernel: 3,
      padding: 1,
    })),
  };
}

// A safety net for a parent that died without killing us: the loop never yields, so no EPIPE would stop it.
const deadline = Date.now() + 20_000;
const mine: { id: string; rev: number }[] = [];
let n = 0;
for (;;) {
  const now = Date.now();
  if (now > deadline) process.exit(3);
  if (random() < 0.55) {
    const existing =
      mine.length > 0 && random() < 0.5 ? mine[Math.floor(random() * mine.length)]! : undefined;
    if (existing) {
      existing.rev += 1;
      store.designs.save(
        { id: existing.id, name: existing.id, model: model(existing.id, existing.rev) },
        now,
        () => '',
      );
      process.stdout.write(`D ${existing.id} ${existing.rev}\n`);
    } else {
      const id = `${tag}-d${n++}`;
      store.designs.save({ name: id, model: model(id, 1) }, now, () => id);
      mine.push({ id, rev: 1 });
      process.stdout.write(`D ${id} 1\n`);
    }
  } else {
    const skill = SKILLS[Math.floor(random() * SKILLS.length)]!;
    const id = recordAttempt(skill, Math.floor(random() * 1e9), now);
    process.stdout.write(`A ${id} ${skill}\n`);
  }
}
