import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/result';
import type { Api } from '../api';
import { SECURITY_HEADERS } from '../security';
import { resolveStatic } from '../static-files';
import { chooseEncoding, createCompressor } from './compress';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit';
import { createSessions, SIGN_IN_PAGE, type Sessions } from './session';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A whole-data import carries every design, attempt and lab run; it alone may be this large (an export
 * of 70 MB and more must import back: lab runs keep up to 8 MB of results each).
 */
export const MAX_IMPORT_BODY_BYTES = 256 * 1024 * 1024;
const HOST = '127.0.0.1';

export interface WebServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The one-time sign-in secret (random by default). */
  secret?: string;
  /** Requests per session (default DEFAULT_RATE_LIMIT); beyond it the answer is 429. */
  rateLimit?: RateLimitOptions;
}

export interface WebServer {
  url: string;
  /** The URL to print: opening it once signs a browser in (`/login?secret=…`). */
  loginUrl: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

const sendError = (res: ServerResponse, error: HttpError) =>
  sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } });

async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    throw new HttpError(413, 'invalid_request', `Request body is larger than ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Chunked bodies carry no length up front: count as they arrive and stop reading at the limit.
    if (size > limit)
      throw new HttpError(413, 'invalid_request', `Request body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The web edition: the renderer and `POST /api/<channel>` on 127.0.0.1 only. Every request must name this
 * server in its Host header (a DNS-rebinding guard). The page and the API need the session cookie that
 * the printed one-time link gives (`session.ts`); API calls also need a same-origin (or absent) Origin and
 * a JSON body of at most 1 MB.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = options.port;
  let sessions: Sessions = createSessions(port, options.secret);
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
    session: string | null,
  ): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'invalid_request', 'API calls must use POST.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      throw new HttpError(403, 'forbidden', `Requests from origin ${origin} are not allowed.`);
    }
    if (!session) {
      throw new HttpError(
        401,
        'forbidden',
        'Not signed in: open the link `npm run web` printed, then reload the page.',
      );
    }
    const type = req.headers['content-type'] ?? '';
    // Exactly application/json (parameters such as charset allowed): not application/json-seq and the like.
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new HttpError(415, 'invalid_request', 'API requests must have Content-Type: application/json.');
    }
    const text = await readBody(req, channel === 'data:import' ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES);
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (error) {
      throw new HttpError(
        400,
        'invalid_request',
        `Request body is not valid JSON: ${(error as Error).message}`,
      );
    }
    sendJson(res, 200, await options.api.call(channel, body));
  }

  const compress = createCompressor();

  function handleLogin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const id = sessions.exchange(url.searchParams.get('secret'));
    if (!id) return sendPage(res, 403, SIGN_IN_PAGE);
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      Location: '/',
      'Set-Cookie': sessions.setCookie(id),
      'Cache-Control': 'no-store',
      'Content-Length': 0,
    });
    res.end();
  }

  async function handleStatic(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    session: string | null,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'invalid_request', 'Only GET is allowed here.');
    if (!session) return sendPage(res, 401, SIGN_IN_PAGE);
    const found = await resolveStatic(options.rendererDir, path);
    if (found.status !== 200)
      throw new HttpError(
        found.status,
        found.status === 403 ? 'forbidden' : found.status === 404 ? 'not_found' : 'invalid_request',
        `${path}: ${found.reason}`,
      );
    const body = found.body;
    const isIndex = found.file.endsWith('index.html');
    const encoding = chooseEncoding(req.headers['accept-encoding'], found.contentType, body.length);
    const sent = await compress(body, encoding, found.file, true);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': sent.length,
      'Cache-Control': isIndex ? 'no-store' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : sent);
  }

  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const session = sessions.fromCookie(req.headers.cookie);
        // Per session: every local account shares 127.0.0.1, so an address says nothing about who asks.
        const decision = limiter.take(
          session ? `session:${session}` : `address:${req.socket.remoteAddress ?? ''}`,
        );
        if (!decision.ok) {
          res.setHeader('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
          throw new HttpError(429, 'rate_limited', 'Too many requests; wait a moment and try again.');
        }
        if (!allowedHosts().has(req.headers.host ?? '')) {
          throw new HttpError(
            403,
            'forbidden',
            `Host ${JSON.stringify(req.headers.host ?? '')} is not this server.`,
          );
        }
        const url = new URL(req.url ?? '/', `http://${HOST}`);
        if (url.pathname === '/login') handleLogin(req, res, url);
        else if (url.pathname.startsWith('/api/'))
          await handleApi(req, res, url.pathname.slice('/api/'.length), session);
        else await handleStatic(req, res, url.pathname, session);
      } catch (error) {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) {
          // After an oversized upload the connection is closed rather than drained.
          if (error.status === 413) res.setHeader('Connection', 'close');
          sendError(res, error);
          req.resume();
        } else if ((error as { code?: string }).code === 'ECONNRESET' || req.destroyed) {
          // The client went away mid-upload: nothing to answer, nothing was changed, no stack to print.
          console.warn(
            `[web] ${req.method} ${String(req.url).slice(0, 80)}: the client closed the connection`,
          );
          res.destroy();
        } else {
          console.error('[web] request failed:', error);
          sendError(res, new HttpError(500, 'internal', 'The server failed to answer; nothing was changed.'));
        }
      }
    })();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  sessions = createSessions(port, sessions.secret);

  return {
    url: `http://${HOST}:${port}/`,
    loginUrl: `http://${HOST}:${port}/login?secret=${sessions.secret}`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
