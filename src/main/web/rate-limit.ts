/**
 * A token bucket per client (a web session, or an address before sign-in): each request takes one token; tokens refill continuously up to
 * `capacity`. One person clicking around (a page load fetches a few dozen files, the app makes a few API
 * calls per action) never comes near the default; a runaway script does, and gets 429 instead of the
 * whole machine.
 */
export interface RateLimitOptions {
  /** The burst a client may make at once. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 300, refillPerSecond: 150 };
/** Above this many tracked clients, buckets that have refilled completely are forgotten. */
const MAX_TRACKED = 10_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  take(client: string): RateDecision;
  readonly tracked: number;
}

export function createRateLimiter(
  options: RateLimitOptions = DEFAULT_RATE_LIMIT,
  now: () => number = () => performance.now(),
): RateLimiter {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0))
    throw new Error('rate limit: capacity must be at least 1 and refillPerSecond above 0');
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, t: number) => {
    bucket.tokens = Math.min(
      options.capacity,
      bucket.tokens + ((t - bucket.at) / 1000) * options.refillPerSecond,
    );
    bucket.at = t;
  };
  return {
    take(client) {
      const t = now();
      let bucket = buckets.get(client);
      if (!bucket) {
        if (buckets.size >= MAX_TRACKED) {
          for (const [key, b] of buckets) {
            refill(b, t);
            if (b.tokens >= options.capacity) buckets.delete(key);
          }
        }
        bucket = { tokens: options.capacity, at: t };
        buckets.set(client, bucket);
      } else {
        refill(bucket, t);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / options.refillPerSecond) * 1000) };
    },
    get tracked() {
      return buckets.size;
    },
  };
}
