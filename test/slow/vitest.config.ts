import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

/**
 * `npm run test:slow`: tests too slow for every CI run (they spawn many processes). Their files end in
 * `.slow.ts`, so the default `vitest run` never picks them up. The base config is reused as is, with only
 * the file selection replaced (mergeConfig would append to `include` instead).
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/slow/**/*.slow.ts'], testTimeout: 300_000 },
});
