import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from '../../../src/main/web/rate-limit';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';
import { signIn } from '../../helpers/web-session';

describe('token bucket', () => {
  it('allows the burst, then refills at the set rate', () => {
    const clock = { t: 0 };
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 2 }, () => clock.t);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    // Empty: one token comes back after 1 / 2 per second = 500 ms.
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 500 });
    clock.t = 499;
    expect(limiter.take('a').ok).toBe(false);
    clock.t = 500;
    expect(limiter.take('a').ok).toBe(true);
    // Another client has its own bucket.
    expect(limiter.take('b').ok).toBe(true);
    // A long pause refills to the capacity, not beyond: 3 more, then refused.
    clock.t = 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('forgets refilled clients instead of growing without bound', () => {
    const clock = { t: 0 };
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 }, () => clock.t);
    for (let i = 0; i < 10_000; i++) limiter.take(`client-${i}`);
    clock.t = 10_000;
    limiter.take('newcomer');
    expect(limiter.tracked).toBe(1);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity/);
    expect(() => createRateLimiter({ capacity: 5, refillPerSecond: 0 })).toThrow(/refillPerSecond/);
  });

  it('is generous enough by default for a page load plus a burst of API calls', () => {
    const limiter = createRateLimiter(DEFAULT_RATE_LIMIT, () => 0);
    // A cold page load (~40 files) and 100 API calls in the same instant.
    const answers = Array.from({ length: 140 }, () => limiter.take('127.0.0.1').ok);
    expect(answers.every(Boolean)).toBe(true);
  });
});

describe('web edition rate limit', () => {
  let t: TempStore;
  let server: WebServer;
  let session = '';
  beforeEach(async () => {
    t = tempStore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    server = await startWebServer({
      api: t.api,
      rendererDir,
      port: 0,
      rateLimit: { capacity: 5, refillPerSecond: 0.01 },
    });
    session = await signIn(server);
  });
  afterEach(async () => {
    await server.close();
    t.cleanup();
  });

  const post = (channel: string, body: unknown) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${channel}`,
          headers: { 'content-type': 'application/json', cookie: session },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  it('answers 429 with a JSON error and Retry-After beyond the limit, and runs nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await post('designs:list', {})).status).toBe(200);
    const before = snapshot(t.store);
    const refused = await post('designs:save', { name: 'too many', model: tinyModel });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Refusals carry the same security headers as every other answer.
    expect(refused.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Too many requests; wait a moment and try again.' },
    });
    expect(snapshot(t.store)).toBe(before);
  });
});
