#!/usr/bin/env node
// `npm start` / `npm run dev` first make sure the Electron binary is present. The electron package fetches
// it lazily; where that download is impossible (offline), say so in one line and point to the web edition.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function electronBinary(dir = electronDir()) {
  if (!dir) return undefined;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const dir = electronDir();
if (!dir) {
  console.error('ConvScope: the electron package is not installed; run `npm install` first.');
  process.exit(1);
}
if (!electronBinary(dir)) {
  console.log('ConvScope: fetching the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !electronBinary(dir)) {
    const reason = (result.stderr ?? '')
      .split('\n')
      .find((line) => /error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(line));
    console.error(
      'ConvScope: the Electron binary could not be downloaded' +
        (reason ? ` (${reason.trim().slice(0, 160)})` : '') +
        '.\nThe desktop app needs it once, with network access. Meanwhile, run the web edition: npm run web',
    );
    process.exit(1);
  }
}
