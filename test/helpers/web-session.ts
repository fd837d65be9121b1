import { request } from 'node:http';
import type { WebServer } from '../../src/main/web/server';

/** Opens the server's one-time sign-in link, as a browser would, and returns the Cookie header it set. */
export function signIn(server: WebServer): Promise<string> {
  const url = new URL(server.loginUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'GET' },
      (res) => {
        res.resume();
        const set = res.headers['set-cookie']?.[0];
        if (res.statusCode !== 303 || !set)
          reject(new Error(`sign-in answered ${res.statusCode} without a cookie`));
        else resolve(set.split(';')[0]!);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
