#!/usr/bin/env node
// Bundles the CLI and the web edition's server with esbuild into build/cli and build/web: ES modules
// for Node 22, code-split so that each command and the ONNX reader (with protobufjs) load only when
// used; better-sqlite3 (a native module) stays external. `npm run build` and `prepare` (run by
// `npm install` and `npm ci`) call it, so a checkout never compiles TypeScript when it starts a program.
//
//   node scripts/bundle.mjs [cli] [web] [--if-stale] [--link-bin]
//
// --if-stale   build only the targets whose bundle is missing or older than a source (test set-up)
// --link-bin   also make node_modules/.bin/convscope (npm links the bins of dependencies, not the
//              project's own), so that the fast way to call the CLI is the same in this checkout
//              and in a project that installs ConvScope
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { manifestPath, ROOT, staleness, TARGETS } from './launch.mjs';

/** Writes a file whole or not at all: a program starting meanwhile sees the old file or the new one. */
function writeAtomic(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

async function bundle(name) {
  const target = TARGETS[name];
  const outdir = join(ROOT, 'build', name);
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { [target.out.replace(/\.mjs$/, '')]: target.entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: ['better-sqlite3'],
    // CommonJS packages bundled into ES modules (protobufjs) may call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    minify: true,
    legalComments: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // Chunks first, the entry after them, the manifest last: a start in between finds a consistent set.
  const entry = join(outdir, target.out);
  const files = result.outputFiles.sort((a, b) => (a.path === entry) - (b.path === entry));
  for (const f of files) writeAtomic(f.path, f.contents);
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.split(/[\\/]/).includes('node_modules'))
    .sort();
  writeAtomic(manifestPath(name), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  // Chunks of earlier builds (their names carry a content hash) go.
  const keep = new Set(files.map((f) => f.path));
  const chunks = join(outdir, 'chunks');
  for (const f of existsSync(chunks) ? readdirSync(chunks) : [])
    if (!keep.has(join(chunks, f))) rmSync(join(chunks, f), { force: true });
  const bytes = files.reduce((n, f) => n + f.contents.length, 0);
  console.log(
    `build/${name}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB from ${inputs.length} sources`,
  );
}

/** node_modules/.bin/convscope → bin/convscope.mjs (a .cmd shim on Windows). */
function linkBin() {
  const binDir = join(ROOT, 'node_modules', '.bin');
  if (!existsSync(binDir)) return;
  const target = join(ROOT, 'bin', 'convscope.mjs');
  if (process.platform === 'win32') {
    writeFileSync(join(binDir, 'convscope.cmd'), `@node "${target}" %*\r\n`);
    return;
  }
  const link = join(binDir, 'convscope');
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, target).split(sep).join('/'), link);
}

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
for (const name of names)
  if (!(name in TARGETS)) throw new Error(`unknown bundle "${name}" (${Object.keys(TARGETS)})`);
for (const name of names.length ? names : Object.keys(TARGETS)) {
  if (args.includes('--if-stale') && !staleness(name)) continue;
  await bundle(name);
}
if (args.includes('--link-bin')) linkBin();
