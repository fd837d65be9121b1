/**
 * The API fuzz at full size: 2,000 seeded hostile requests per channel over IPC and HTTP, every answer a
 * clear Result (0 `internal`), nothing changed by a refusal, and no request over 1 s. The numbers of the
 * last run are in docs/reliability.md.
 */
process.env.CONVSCOPE_FUZZ_PER_CHANNEL ??= '2000';
process.env.CONVSCOPE_FUZZ_MAX_MS ??= '1000';
await import('../main/fuzz/api-fuzz.test');
export {};
