import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RNN, runExperiment, type ExperimentConfig } from '../../src/core/autograd';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { type TempStore, tempStore } from '../helpers/temp-store';
import { signIn } from '../helpers/web-session';

// An export of more than 70 MB (twelve lab runs of about 6.5 MB of results each) imports back over HTTP.
// Each run is saved as the Gradient Lab saves one (a real short recurrent run), its gradient curve
// stretched to 300,000 points.
const lab: ExperimentConfig = { ...DEFAULT_RNN, length: 5, hidden: 4, batch: 2 };
const config = { format: 'convscope-lab', version: 1, preset: null, lab };

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

describe('web edition: a large export', () => {
  it('imports an export of more than 70 MB back', async () => {
    const curve = Array.from({ length: 300_000 }, (_, i) => Math.sin(i) * 1e-3);
    for (let i = 0; i < 12; i++) {
      const run = runExperiment(lab);
      const saved = await source.api.call('labruns:save', {
        name: `run ${i}`,
        config,
        result: { format: 'convscope-lab', version: 1, result: { ...run, lossGrad: curve } },
      });
      expect(saved.ok, JSON.stringify(saved).slice(0, 200)).toBe(true);
    }
    const exported = await source.api.call('data:export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const body = JSON.stringify({ document: exported.value, mode: 'merge' });
    expect(body.length).toBeGreaterThan(70 * 1024 * 1024);
    const res = await fetch(`${server.url}api/data:import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body,
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      ok: boolean;
      value?: { tables: Record<string, { added: number }> };
    };
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
    expect(result.value!.tables.lab_runs!.added).toBe(12);
  });
});
