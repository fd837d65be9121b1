import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global set-up: tests that start `bin/convscope.mjs` (or the web edition) as a process must
 * run the current sources, bundled the way users run them. Rebuilds build/cli and build/web only when
 * a source is newer than the bundle (a no-op right after `npm ci`, which bundles in `prepare`).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/bundle.mjs', '--if-stale'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${r.stdout}${r.stderr}`);
}
