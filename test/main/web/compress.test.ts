import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../../src/main/web/compress';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { type TempStore, tempStore } from '../../helpers/temp-store';
import { signIn } from '../../helpers/web-session';

describe('chooseEncoding', () => {
  const js = 'text/javascript; charset=utf-8';
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', js, 5000)).toBe('br');
    expect(chooseEncoding('gzip, deflate', js, 5000)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', js, 5000)).toBe('gzip');
    expect(chooseEncoding('*;q=0', js, 5000)).toBe('identity');
    expect(chooseEncoding('*', js, 5000)).toBe('br');
    expect(chooseEncoding(undefined, js, 5000)).toBe('identity');
    expect(chooseEncoding('identity', js, 5000)).toBe('identity');
  });
  it('leaves small bodies and binary types alone', () => {
    expect(chooseEncoding('br', js, 100)).toBe('identity');
    expect(chooseEncoding('br', 'image/png', 50_000)).toBe('identity');
    expect(chooseEncoding('br', 'image/svg+xml', 50_000)).toBe('br');
  });
});

function get(server: WebServer, cookie: string, path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path,
          headers: {
            host: `127.0.0.1:${server.port}`,
            cookie,
            ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          },
          setHost: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('web edition: compressed static files', () => {
  let t: TempStore;
  let server: WebServer;
  let cookie = '';
  // Repetitive like real bundles; large enough to be worth compressing.
  const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n');

  beforeEach(async () => {
    t = tempStore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), script);
    server = await startWebServer({ api: t.api, rendererDir, port: 0 });
    cookie = await signIn(server);
  });
  afterEach(async () => {
    await server.close();
    t.cleanup();
  });

  it('answers brotli or gzip as the browser accepts, with the same bytes inside', async () => {
    const br = await get(server, cookie, '/assets/app.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get(server, cookie, '/assets/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(server, cookie, '/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    // The second request is served from the compressed copy kept for the file, identical.
    const again = await get(server, cookie, '/assets/app.js', 'br');
    expect(again.body.equals(br.body)).toBe(true);
  });
});
