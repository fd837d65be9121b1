#!/usr/bin/env node
// `npm run web`: builds the renderer when it is missing or older than its sources, then serves the web
// edition on 127.0.0.1 from the bundled server in build/web (see scripts/launch.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = join(root, 'out', 'renderer');
const builtIndex = join(rendererDir, 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src/renderer', 'src/shared', 'src/core'].map((d) => join(root, d)).filter(existsSync);
const stale =
  !existsSync(builtIndex) || sources.some((dir) => newestMtime(dir) > statSync(builtIndex).mtimeMs);
if (stale && existsSync(join(root, 'src', 'renderer'))) {
  console.log('Building the renderer…');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) {
    console.error('convscope web: building the renderer failed (see above).');
    process.exit(1);
  }
}

const { main } = await load('web');
await main(process.argv.slice(2), rendererDir);
