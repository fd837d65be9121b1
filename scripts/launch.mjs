// Starts a bundled program of ConvScope (the CLI, the web edition's server) from build/, where
// `npm install`/`npm ci` (the `prepare` script) and `npm run build` put it, written by
// scripts/bundle.mjs. Only when the bundle is missing or older than one of its sources (a checkout
// edited since the last build) does it run the TypeScript sources through tsx instead, and says so.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled programs: source entry → build/<name>/<out>. Each exports `main`. */
export const TARGETS = {
  cli: { entry: 'src/cli/main.ts', out: 'convscope.mjs' },
  web: { entry: 'src/main/web/start.ts', out: 'server.mjs' },
};

/** What the bundle knows about itself (scripts/bundle.mjs writes it last). */
export const manifestPath = (name, root = ROOT) => join(root, 'build', name, 'manifest.json');

/**
 * Why build/<name> cannot be used, or '' when it is fresh: every source it was built from still exists
 * and is no newer than the build (one stat per source, about 1 ms for the CLI's).
 */
export function staleness(name, root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(name, root), 'utf8'));
  } catch {
    return `build/${name} is missing`;
  }
  // `${root}/${input}`, not join(): ~150 path normalisations were a measurable part of the start.
  const prefix = `${root}/`;
  for (const input of manifest.inputs) {
    const mtime = statSync(prefix + input, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined || mtime > manifest.builtAt) return `build/${name} is older than ${input}`;
  }
  return '';
}

/**
 * The module of a program: its bundle when fresh, else its TypeScript sources through tsx (with a
 * note). CONVSCOPE_FROM_SOURCES=1 asks for the sources (benchmarks, debugging).
 */
export async function load(name) {
  const target = TARGETS[name];
  const forced = process.env.CONVSCOPE_FROM_SOURCES === '1';
  const why = forced ? '' : staleness(name);
  if (!why && !forced) return import(pathToFileURL(join(ROOT, 'build', name, target.out)).href);
  if (why)
    process.stderr.write(
      `convscope: ${why}; running the TypeScript sources instead (slower start); \`npm run bundle\` rebuilds it.\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(ROOT, target.entry)).href);
}
