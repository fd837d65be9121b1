import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../../src/main/web/server';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';
import { signIn } from '../../helpers/web-session';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch refuses to set Host, and the guards must be tested with any header. */
function raw(
  server: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${server.port}`, cookie: session, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let t: TempStore;
let server: WebServer;
let session = '';
let rendererDir: string;

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(server, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', cookie: session, ...headers },
    body: JSON.stringify(body),
  });

beforeEach(async () => {
  t = tempStore();
  rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>ConvScope</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'outside the renderer folder');
  server = await startWebServer({ api: t.api, rendererDir, port: 0 });
  session = await signIn(server);
});
afterEach(async () => {
  await server.close();
  t.cleanup();
});

describe('web edition: API binding', () => {
  it('serves the API to a signed-in caller, on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const saved = await api(
      'designs:save',
      { name: 'web', model: tinyModel },
      { origin: `http://127.0.0.1:${server.port}` },
    );
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { name: 'web' } });
    const viaLocalhost = await api('designs:list', {}, { host: `localhost:${server.port}` });
    expect(JSON.parse(viaLocalhost.body).value).toHaveLength(1);
  });

  it('passes handler errors through as JSON results', async () => {
    const res = await api('designs:get', { id: 'missing' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no design with id "missing".' },
    });
    const bad = await api('designs:save', { name: '', model: tinyModel });
    expect(JSON.parse(bad.body).error.code).toBe('invalid_request');
  });

  it('refuses every guarded request with a JSON 4xx and writes nothing', async () => {
    const before = snapshot(t.store);
    const save = { name: 'intruder', model: tinyModel };
    const cases: [string, Promise<RawResponse>, number][] = [
      ['no session', api('designs:save', save, { cookie: '' }), 401],
      [
        'wrong session',
        api('designs:save', save, { cookie: `${session.split('=')[0]}=${'x'.repeat(43)}` }),
        401,
      ],
      ['foreign origin', api('designs:save', save, { origin: 'http://evil.example' }), 403],
      [
        'other port origin',
        api('designs:save', save, { origin: `http://127.0.0.1:${server.port + 1}` }),
        403,
      ],
      ['rebinding host', api('designs:save', save, { host: `evil.example:${server.port}` }), 403],
      ['wrong port in host', api('designs:save', save, { host: `127.0.0.1:1` }), 403],
      ['no content type', api('designs:save', save, { 'content-type': 'text/plain' }), 415],
      ['GET on the API', raw(server, { path: '/api/designs:list', headers: { cookie: session } }), 405],
      [
        'bad JSON',
        raw(server, {
          method: 'POST',
          path: '/api/designs:save',
          headers: { 'content-type': 'application/json', cookie: session },
          body: '{"name": ',
        }),
        400,
      ],
      [
        'oversized body',
        raw(server, {
          method: 'POST',
          path: '/api/designs:save',
          headers: { 'content-type': 'application/json', cookie: session },
          body: JSON.stringify({ name: 'big', model: { blob: 'x'.repeat(MAX_BODY_BYTES) } }),
        }),
        413,
      ],
    ];
    for (const [what, response, status] of cases) {
      const res = await response;
      expect(res.status, what).toBe(status);
      const body = JSON.parse(res.body) as { ok: boolean; error: { message: string } };
      expect(body.ok, what).toBe(false);
      expect(body.error.message.length, what).toBeGreaterThan(10);
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('refuses an oversized chunked body that declares no length', async () => {
    const before = snapshot(t.store);
    const res = await raw(server, {
      method: 'POST',
      path: '/api/designs:save',
      headers: {
        'content-type': 'application/json',
        cookie: session,
        'transfer-encoding': 'chunked',
      },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(res.status).toBe(413);
    expect(snapshot(t.store)).toBe(before);
  });
});

describe('web edition: static files', () => {
  it('serves index.html to a signed-in browser, never cached, with security headers', async () => {
    const res = await raw(server, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>ConvScope</title>');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const js = await raw(server, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('does not serve the app to a rebinding host', async () => {
    const res = await raw(server, { path: '/', headers: { host: 'attacker.example' } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('<title>ConvScope</title>');
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(join(t.dir, 'secret.txt'))}`,
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const res = await raw(server, { path });
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('outside the renderer folder');
    }
  });

  it('answers 404 for a missing file and 405 for a POST to a page', async () => {
    expect((await raw(server, { path: '/nope.js' })).status).toBe(404);
    expect((await raw(server, { method: 'POST', path: '/', body: 'x' })).status).toBe(405);
  });
});

describe('web edition: sign-in (a one-time link, then a session cookie)', () => {
  const secretOf = (s: WebServer) => new URL(s.loginUrl).searchParams.get('secret')!;

  it('without a session, every page is only the "open the printed link" page, and the API refuses', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/designs']) {
      const res = await raw(server, { path, headers: { cookie: '' } });
      expect(res.status, path).toBe(401);
      expect(res.body, path).toMatch(/Open the link that <code>npm run web<\/code> printed/);
      expect(res.body, path).not.toContain('console.log(1)');
      expect(res.body, path).not.toContain(secretOf(server));
    }
    const denied = await api('designs:list', {}, { cookie: '' });
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body).error.message).toMatch(/Not signed in/);
  });

  it('the printed link works once: it sets an HttpOnly, SameSite=Strict cookie and sends the browser to /', async () => {
    const fresh = await startWebServer({ api: t.api, rendererDir, port: 0 });
    try {
      expect(fresh.loginUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?secret=[\w-]{20,}$/);
      const path = `/login?secret=${secretOf(fresh)}`;
      const wrong = await raw(fresh, {
        path: '/login?secret=guess',
        headers: { host: `127.0.0.1:${fresh.port}` },
      });
      expect(wrong.status).toBe(403);
      const first = await raw(fresh, { path, headers: { host: `127.0.0.1:${fresh.port}`, cookie: '' } });
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe('/');
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toMatch(
        new RegExp(`^convscope_session_${fresh.port}=[\\w-]{40,}; HttpOnly; SameSite=Strict; Path=/$`),
      );
      const again = await raw(fresh, { path, headers: { host: `127.0.0.1:${fresh.port}`, cookie: '' } });
      expect(again.status).toBe(403);
      expect(again.headers['set-cookie']).toBeUndefined();
      const page = await raw(fresh, {
        path: '/',
        headers: { host: `127.0.0.1:${fresh.port}`, cookie: cookie.split(';')[0]! },
      });
      expect(page.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('web edition: precise refusals', () => {
  it('answers a malformed static path with 400 invalid_request, not not_found', async () => {
    const res = await raw(server, { path: '/%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_request');
  });

  it('accepts only application/json itself: application/json-seq is refused', async () => {
    const seq = await api('designs:list', {}, { 'content-type': 'application/json-seq' });
    expect(seq.status).toBe(415);
    const withCharset = await api('designs:list', {}, { 'content-type': 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(200);
  });
});

describe('web edition: an aborted upload', () => {
  it('is noted in one line, without a stack trace, and changes nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = snapshot(t.store);
    try {
      await new Promise<void>((resolve) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/data:import',
          headers: {
            host: `127.0.0.1:${server.port}`,
            cookie: session,
            'content-type': 'application/json',
            'content-length': '100000',
          },
        });
        req.on('error', () => resolve());
        req.write('{"document": {"format": "conv');
        setTimeout(() => req.destroy(), 50);
      });
      await vi.waitFor(() => expect(warnings).toHaveBeenCalled());
      expect(String(warnings.mock.calls[0]![0])).toMatch(/client closed the connection/);
      expect(errors).not.toHaveBeenCalled();
      expect(snapshot(t.store)).toBe(before);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
