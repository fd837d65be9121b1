#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so `npx convscope` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
