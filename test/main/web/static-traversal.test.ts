import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../src/main/db/backup';
import { resolveStatic } from '../../../src/main/static-files';
import { startWeb } from '../../../src/main/web/start';

let dir: string;
let root: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convscope-static-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'ok');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  symlinkSync(dir, join(root, 'up'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('static serving: traversal variants beyond the basic ones', () => {
  it.each([
    '/%252e%252e/secret.txt', // double-encoded: decoded once, it is a literal folder name "%2e%2e"
    '/.%2e/secret.txt',
    '/%2e./secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '//secret.txt',
    '/%c0%ae%c0%ae/secret.txt', // overlong UTF-8 for "."
    '/..%00/secret.txt',
    '/assets/link.txt', // a symlink inside the folder pointing outside it
    '/up/secret.txt', // a symlinked folder leading outside
    '/%5c..%5csecret.txt',
  ])('%s is not served', async (path) => {
    const result = await resolveStatic(root, path);
    expect([400, 403, 404]).toContain(result.status);
  });

  it('an absolute path to the file is not served', async () => {
    for (const path of [`/${join(dir, 'secret.txt')}`, `/${encodeURIComponent(join(dir, 'secret.txt'))}`]) {
      expect([400, 403, 404], path).toContain((await resolveStatic(root, path)).status);
    }
  });

  it('still serves the files that are inside', async () => {
    const result = await resolveStatic(root, '/assets/app.js');
    expect(result.status).toBe(200);
    expect(result.status === 200 && result.body.toString()).toBe('ok');
  });
});

describe('web edition start-up', () => {
  it('takes the daily backup of the data folder in the background', async () => {
    const dataDir = join(dir, 'data');
    const running = await startWeb({ port: 0, dataDir }, root);
    await running.stop();
    const backups = listBackups(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    // A second start the same day takes none.
    const again = await startWeb({ port: 0, dataDir }, root);
    await again.stop();
    expect(listBackups(join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('a failed backup is logged, never thrown', async () => {
    const { startupBackup } = await import('../../../src/main/db/backup');
    const { openDatabase } = await import('../../../src/main/db');
    const db = openDatabase(join(dir, 'x.db'));
    // A file where the backups folder should be: the backup cannot be written.
    mkdirSync(join(dir, 'blocked-dir'));
    writeFileSync(join(dir, 'blocked-dir', 'backups'), 'not a folder');
    const warnings: string[] = [];
    await startupBackup(db, join(dir, 'blocked-dir'), { warn: (m: string) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/daily backup failed/);
    await expect(backupIfDue(db, join(dir, 'blocked-dir'))).rejects.toThrow();
    db.close();
    // The in-memory database has nothing worth keeping and is skipped.
    const memory = openDatabase(':memory:');
    await startupBackup(memory, join(dir, 'memory-data'), { warn: (m: string) => warnings.push(m) });
    expect(listBackups(join(dir, 'memory-data', 'backups'))).toEqual([]);
    memory.close();
  });
});
