import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Sign-in for the web edition, after Jupyter's model: the URL `npm run web` prints carries a one-time
 * secret; opening it exchanges the secret for a session cookie (HttpOnly, SameSite=Strict), and from then
 * on only that cookie opens the page and the API. Another account on the machine can reach the port but
 * sees neither the secret (it is printed only to the terminal that started the server) nor the cookie.
 */
export interface Sessions {
  readonly secret: string;
  /** The cookie's name; it carries the port, since browsers share cookies between ports of one host. */
  readonly cookieName: string;
  /** Exchanges the one-time secret for a new session id; null when it is wrong or was already used. */
  exchange(given: string | null): string | null;
  /** The session the request's Cookie header carries, or null. */
  fromCookie(header: string | undefined): string | null;
  setCookie(id: string): string;
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSessions(port: number, secret = randomBytes(24).toString('base64url')): Sessions {
  let used = false;
  const sessions = new Set<string>();
  const cookieName = `convscope_session_${port}`;
  return {
    secret,
    cookieName,
    exchange(given) {
      if (used || given === null || !same(given, secret)) return null;
      used = true;
      const id = randomBytes(32).toString('base64url');
      sessions.add(id);
      return id;
    },
    fromCookie(header) {
      for (const part of (header ?? '').split(';')) {
        const [name, ...value] = part.trim().split('=');
        if (name !== cookieName) continue;
        const id = value.join('=');
        for (const known of sessions) if (same(id, known)) return known;
      }
      return null;
    },
    setCookie: (id) => `${cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

/** The only page served without a session: it says where the way in is. */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ConvScope</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>ConvScope web edition</h1>
<p>Open the link that <code>npm run web</code> printed in its terminal (it ends in
<code>/login?secret=…</code>). That link works once and signs this browser in.</p>
<p>If it was already used, or this browser has forgotten it, stop the server and start
<code>npm run web</code> again for a new link.</p>
<p lang="zh-CN">请打开 <code>npm run web</code> 在终端里打印的链接（以 <code>/login?secret=…</code> 结尾）。该链接只能使用一次；若已失效，请重新启动 <code>npm run web</code> 获取新链接。</p>
</body>
</html>
`;
