import { describe, expect, it } from 'vitest';
import { runCrashRounds } from './harness';

// Each round costs a child start-up (1–3 s); the full run of 24 rounds is `npm run test:slow`
// (test/slow/crash-safety.slow.ts). CI runs a short seeded run of the same harness.
describe('crash safety under SIGKILL (short run)', () => {
  it('keeps every acknowledged write over 6 seeded kill rounds', { timeout: 60_000 }, async () => {
    const { acknowledged } = await runCrashRounds(6, 7);
    expect(acknowledged).toBeGreaterThan(60);
  });
});
