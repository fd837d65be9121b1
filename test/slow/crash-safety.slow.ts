import { describe, expect, it } from 'vitest';
import { runCrashRounds } from '../main/crash/harness';

describe('crash safety under SIGKILL (full run)', () => {
  it('keeps every acknowledged write over 24 seeded kill rounds', { timeout: 300_000 }, async () => {
    const { acknowledged } = await runCrashRounds(24, 20260401);
    expect(acknowledged).toBeGreaterThan(240);
  });
});
