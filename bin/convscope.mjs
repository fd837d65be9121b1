#!/usr/bin/env node
// The `convscope` command. It runs the bundled CLI in build/cli (built by `npm install`/`npm ci` and
// `npm run build`); V8's compile cache (Node ≥ 22.1) spares re-parsing it on every start.
import module from 'node:module';

module.enableCompileCache?.();
// `convscope … | head`: a reader that stops early ends the command, quietly, like any Unix tool.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});
const { load } = await import('../scripts/launch.mjs');
const { main } = await load('cli');
process.exitCode = await main(process.argv.slice(2));
