import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/result';
import type { Api } from '../api';
import { SECURITY_HEADERS } from '../security';
import { resolveStatic } from '../static-files';
import { chooseEncoding, createCompressor } from './compress';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit';

export const MAX_BODY_BYTES = 1024 * 1024;
/** A whole-data import carries every design and attempt; it alone may be this large. */
export const MAX_IMPORT_BODY_BYTES = 64 * 1024 * 1024;
export const TOKEN_HEADER = 'x-convscope-token';
const HOST = '127.0.0.1';

export interface WebServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /** Requests per client address (default DEFAULT_RATE_LIMIT); beyond it the answer is 429. */
  rateLimit?: RateLimitOptions;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
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

const sendError = (res: ServerResponse, error: HttpError) =>
  sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } });

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
 * server in its Host header (a DNS-rebinding guard); API calls also need this launch's random token, which
 * only the served page receives, a same-origin (or absent) Origin, and a JSON body of at most 1 MB.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'invalid_request', 'API calls must use POST.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      throw new HttpError(403, 'forbidden', `Requests from origin ${origin} are not allowed.`);
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      throw new HttpError(
        401,
        'forbidden',
        'Missing or wrong API token; reload the page opened from the printed URL.',
      );
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
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

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'invalid_request', 'Only GET is allowed here.');
    const found = await resolveStatic(options.rendererDir, path);
    if (found.status !== 200)
      throw new HttpError(
        found.status,
        found.status === 403 ? 'forbidden' : 'not_found',
        `${path}: ${found.reason}`,
      );
    let body = found.body;
    const isIndex = found.file.endsWith('index.html');
    if (isIndex) {
      // The token goes only into the page this server serves; a cached copy must never outlive the launch.
      body = Buffer.from(
        body
          .toString('utf8')
          .replace('</head>', `  <meta name="convscope-token" content="${token}">\n  </head>`),
      );
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], found.contentType, body.length);
    body = await compress(body, encoding, found.file, !isIndex);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': body.length,
      'Cache-Control': isIndex ? 'no-store' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const decision = limiter.take(req.socket.remoteAddress ?? '');
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
        if (url.pathname.startsWith('/api/')) await handleApi(req, res, url.pathname.slice('/api/'.length));
        else await handleStatic(req, res, url.pathname);
      } catch (error) {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) {
          // After an oversized upload the connection is closed rather than drained.
          if (error.status === 413) res.setHeader('Connection', 'close');
          sendError(res, error);
          req.resume();
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

  return {
    url: `http://${HOST}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
