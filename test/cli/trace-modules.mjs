// Loaded with `node --import` by test/cli/bundle.test.ts: records every module URL the process
// resolves and prints them as JSON on stderr at exit, to see what a command loads.
import { registerHooks } from 'node:module';

const urls = [];
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    urls.push(result.url);
    return result;
  },
});
process.on('exit', () => process.stderr.write(`\nMODULES ${JSON.stringify(urls)}\n`));
