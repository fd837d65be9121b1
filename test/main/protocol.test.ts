import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleAppProtocol } from '../../src/main/protocol';

const root = mkdtempSync(join(tmpdir(), 'convscope-protocol-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<title>ConvScope</title>');
writeFileSync(join(rendererDir, 'assets', 'a.js'), 'export {}');
writeFileSync(join(root, 'secret.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let handler: (request: Request) => Promise<Response>;
handleAppProtocol(
  { handle: (_scheme: string, h: typeof handler) => void (handler = h) } as never,
  rendererDir,
);

describe('app:// protocol', () => {
  it('serves the renderer with its type and the CSP', async () => {
    const page = await handler(new Request('app://convscope/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>ConvScope</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    const script = await handler(new Request('app://convscope/assets/a.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://convscope/%2e%2e/secret.txt',
      'app://convscope/assets/..%2f..%2fsecret.txt',
      'app://convscope/..%5csecret.txt',
    ]) {
      const res = await handler(new Request(url));
      expect([400, 403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toBe('secret');
    }
  });
});
