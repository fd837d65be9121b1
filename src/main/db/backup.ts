import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection';

export const BACKUP_DIR = 'backups';
export const DEFAULT_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** `convscope-20260304-050607.db`: the UTC time of the backup, so names sort in time order. */
const NAME = /^convscope-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export interface BackupEntry {
  file: string;
  takenAt: number;
}

/** The backups in `dir`, oldest first; files that are not ours (or half-written `.partial` ones) are ignored. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
      return [{ file: join(dir, name), takenAt: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) }];
    })
    .sort((a, b) => a.takenAt - b.takenAt);
}

export interface BackupResult {
  /** The new backup, or undefined when none was due. */
  created?: string;
  /** Old backups deleted to keep the newest `keep`. */
  removed: string[];
}

/**
 * Backs the live database up with SQLite's online backup API (consistent even while the app writes) when
 * the newest backup in `<dataDir>/backups` is at least a day old, then keeps only the newest `keep`.
 * A backup is written as `.partial` and renamed when complete, so a crash never leaves a truncated file
 * under a backup's name. A newest backup dated in the future (the clock was set back) counts as stale.
 */
export async function backupIfDue(
  db: Db,
  dataDir: string,
  options: { now?: Date; keep?: number } = {},
): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  const dir = join(dataDir, BACKUP_DIR);
  const existing = listBackups(dir);
  const newest = existing[existing.length - 1];
  const age = newest ? now.getTime() - newest.takenAt : Infinity;
  if (age >= 0 && age < DAY_MS) return { removed: [] };

  mkdirSync(dir, { recursive: true });
  const target = join(dir, `convscope-${stamp(now)}.db`);
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const all = listBackups(dir);
  // Oldest first, never the one just taken (which sorts first if the clock went back).
  const removed = all
    .filter((b) => b.file !== target)
    .slice(0, Math.max(0, all.length - keep))
    .map((b) => b.file);
  for (const file of removed) rmSync(file, { force: true });
  return { created: target, removed };
}

/**
 * The start-up hook: runs `backupIfDue` in the background so the window is not kept waiting, skips the
 * temporary in-memory database, and reports a failure to the log only (a missed backup must never stop
 * the app; the next start tries again).
 */
export function startupBackup(db: Db, dataDir: string, log: Pick<Console, 'warn'> = console): Promise<void> {
  if (db.memory) return Promise.resolve();
  return backupIfDue(db, dataDir).then(
    () => undefined,
    (error: unknown) => log.warn(`[backup] the daily backup failed: ${String(error)}`),
  );
}
