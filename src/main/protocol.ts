import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from './security';
import { resolveStatic } from './static-files';

export const APP_SCHEME = 'app';

/** Must run before the app is ready: makes app:// a standard, secure origin with fetch support. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://convscope/ (not file://, which would grant the page every local file). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'convscope') return new Response('Not found', { status: 404 });
    const found = await resolveStatic(rendererDir, url.pathname);
    if (found.status !== 200) return new Response(found.reason, { status: found.status });
    return new Response(new Uint8Array(found.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType },
    });
  });
}
