import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../../src/main/web/server';
import { type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';
import { signIn } from '../../helpers/web-session';

let source: TempStore;
let target: TempStore;
let server: WebServer;
let session = '';
beforeEach(async () => {
  source = tempStore();
  target = tempStore();
  const rendererDir = join(target.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startWebServer({ api: target.api, rendererDir, port: 0 });
  session = await signIn(server);
});
afterEach(async () => {
  await server.close();
  source.cleanup();
  target.cleanup();
});

const post = (channel: string, body: unknown) =>
  fetch(`${server.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session },
    body: JSON.stringify(body),
  });

describe('web edition: whole-data import', () => {
  it('accepts an export larger than the ordinary 1 MB body limit, on data:import only', async () => {
    // Three designs of 8,000 layers (about 0.5 MB of JSON each; twice that with their versions): past 1 MB.
    for (let i = 0; i < 3; i++) {
      const saved = await source.api.call('designs:save', {
        name: `big ${i}`,
        model: {
          ...tinyModel,
          layers: Array.from({ length: 8000 }, (_, k) => ({
            id: `conv${k}`,
            op: 'conv2d',
            out_channels: 8,
            kernel: 3,
            padding: 1,
          })),
        },
      });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    const exported = await source.api.call('data:export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const body = { document: exported.value, mode: 'replace', dryRun: false };
    expect(JSON.stringify(body).length).toBeGreaterThan(2 * MAX_BODY_BYTES);

    const res = await post('data:import', body);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { ok: boolean; value: { totals: { added: number } } };
    expect(result.ok).toBe(true);
    const list = await target.api.call('designs:list', {});
    expect(list.ok && list.value.map((d) => d.name).sort()).toEqual(['big 0', 'big 1', 'big 2']);

    // Any other channel keeps the 1 MB limit.
    const save = await post('designs:save', {
      name: 'too big',
      model: { ...tinyModel, name: 'n'.repeat(MAX_BODY_BYTES) },
    });
    expect(save.status).toBe(413);
  });
});
