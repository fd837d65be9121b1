import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { createStore, openStoreDatabase } from '../../../src/main/db';
import { tinyModel } from '../../helpers/temp-store';

/**
 * A full disk, simulated with a size-limited tmpfs (needs root and mount permission; reported skipped
 * elsewhere). Writes must fail with a clear message and leave every earlier save intact.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'convscope-tinyfs-'));
const canMount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint]).status === 0;
if (canMount) spawnSync('umount', [mountPoint]);

function mountTiny(size: string) {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint]);
  if (r.status !== 0) throw new Error(`mount failed: ${r.stderr}`);
}

describe.skipIf(!canMount)('a full disk (tmpfs)', () => {
  beforeEach(() => mountTiny('512k'));
  afterEach(() => {
    spawnSync('umount', [mountPoint]);
  });

  it('refuses the save that does not fit, says so, and keeps every earlier save', async () => {
    const opened = openStoreDatabase(mountPoint, 'convscope.db');
    expect(opened.notices).toEqual([]);
    const store = createStore(opened.db);
    const api = createApi({ store });
    const saved: string[] = [];
    let refusal: { code: string; message: string } | undefined;
    for (let i = 0; i < 200 && !refusal; i++) {
      const model = { ...tinyModel, name: `m${i}`.padEnd(20_000, 'x') };
      const result = await api.call('designs:save', { name: `design ${i}`, model });
      if (result.ok) saved.push(result.value.id);
      else refusal = result.error;
    }
    expect(refusal).toEqual({
      code: 'internal',
      message: 'designs:save: the disk is full, so nothing was saved. Free some space and try again.',
    });
    expect(saved.length).toBeGreaterThan(0);
    store.close();
    const reopened = openStoreDatabase(mountPoint, 'convscope.db');
    const again = createStore(reopened.db);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      again.designs
        .list()
        .map((d) => d.id)
        .sort(),
    ).toEqual([...saved].sort());
    again.close();
  });

  it('starts on a temporary database, and says so, when there is no room to create one', () => {
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(512 * 1024 - 4096));
    const opened = openStoreDatabase(mountPoint, 'convscope.db');
    expect(opened.file).toBe(':memory:');
    expect(opened.notices.map((n) => n.kind)).toEqual(['temporary']);
    opened.db.close();
  });
});

process.on('exit', () => rmSync(mountPoint, { recursive: true, force: true }));
