import { Agent, request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKILLS } from '../../../src/core/quiz/types';
import { bindIpc } from '../../../src/main/ipc';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { CHANNELS } from '../../../src/shared/channels';
import { contract } from '../../../src/shared/contract';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';
import { signIn } from '../../helpers/web-session';
import { hostileRequest, hostileValue, type Random, rng } from './hostile';

/**
 * 10,000 seeded hostile requests (CONVSCOPE_FUZZ_PER_CHANNEL per channel when set, as `npm run test:slow`
 * does), spread over every channel and both bindings (the IPC handler layer and
 * HTTP). Each must come back as a well-formed Result; a refusal must carry a known error code and a short
 * message and leave every table exactly as it was; `internal` (a handler that threw) counts as a failure;
 * the process and Object.prototype must come out unharmed. Valid-by-chance requests may succeed.
 */

const PER_CHANNEL = Number(process.env.CONVSCOPE_FUZZ_PER_CHANNEL ?? 0);
const TOTAL = PER_CHANNEL > 0 ? PER_CHANNEL * CHANNELS.length : 10_000;
/** The slow run also holds every request to this many milliseconds (unit runs take no timings). */
const MAX_MS = Number(process.env.CONVSCOPE_FUZZ_MAX_MS ?? 0);
const SEED = 9_000_009;
const ERROR_CODES = new Set([
  'invalid_request',
  'invalid_model',
  'not_found',
  'conflict',
  'forbidden',
  'unknown_channel',
]);
/** A message a person can read in one go; never an echo of a megabyte of input. */
const MAX_MESSAGE = 1000;

let t: TempStore;
let server: WebServer;
let session = '';
let agent: Agent;
const ipcHandlers = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => unknown>();
const trusted = { sender: 'main-window' } as unknown as IpcMainInvokeEvent;
let exportedDocument: unknown;

beforeAll(async () => {
  t = tempStore();
  await t.api.call('designs:save', { name: 'seed design', model: tinyModel });
  const doc = await t.api.call('data:export', {});
  exportedDocument = doc.ok ? doc.value : {};
  bindIpc(
    { handle: (channel: string, handler: never) => void ipcHandlers.set(channel, handler) } as never,
    t.api,
    (event) => event === trusted,
  );
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  // The fuzz run is one fast client by design; the rate limit is tested on its own.
  server = await startWebServer({
    api: t.api,
    rendererDir,
    port: 0,
    rateLimit: { capacity: 1e9, refillPerSecond: 1e9 },
  });
  session = await signIn(server);
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
  t.cleanup();
});

/** Plausible values for the fields the contract's channels use, so fuzzing reaches past the first check. */
function plausible(key: string, random: Random): unknown {
  const r = random();
  switch (key) {
    case 'id':
    case 'designId':
      return r < 0.6 ? 'design-1' : `design-${Math.floor(r * 50)}`;
    case 'name':
      return r < 0.5 ? 'fuzzed design' : '名前 🙂';
    case 'model':
      return r < 0.7
        ? tinyModel
        : { ...tinyModel, layers: [{ id: 'c', op: 'conv2d', out_channels: 2, kernel: 99 }] };
    case 'tags':
      return ['fuzz', 'a'];
    case 'versionId':
      return 1 + Math.floor(r * 3);
    case 'key':
      return r < 0.5 ? 'new' : 'design-1';
    case 'content':
      return '{"format": "convscope-model"';
    case 'lessonId':
      return 'output-size';
    case 'position':
      return 'padding';
    case 'question':
      return {
        kind: 'generated',
        skill: SKILLS[Math.floor(r * SKILLS.length)],
        difficulty: 1 + Math.floor(random() * 3),
        seed: Math.floor(random() * 1000),
      };
    case 'answer':
      return String(Math.floor(r * 1000));
    case 'timeMs':
      return 1500;
    case 'theme':
      return 'dark';
    case 'locale':
      return 'en';
    case 'timezoneOffset':
      return -60;
    case 'document':
      return exportedDocument;
    case 'mode':
      return r < 0.5 ? 'merge' : 'replace';
    case 'dryRun':
      return r < 0.7;
    case 'search':
      return 'seed';
    default:
      return hostileValue(random, 1);
  }
}

const fieldsOf = (channel: (typeof CHANNELS)[number]): string[] =>
  Object.keys((contract[channel].request as unknown as { shape?: Record<string, unknown> }).shape ?? {});

interface Outcome {
  status: number;
  result: unknown;
}

function viaHttp(channel: string, body: string | Buffer, contentType = 'application/json'): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        agent,
        method: 'POST',
        path: `/api/${encodeURIComponent(channel).replace(/%3A/g, ':')}`,
        headers: { 'content-type': contentType, cookie: session },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let result: unknown;
          try {
            result = JSON.parse(text);
          } catch {
            result = { unparsable: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, result });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Structured clone is what Electron's IPC does to an argument on its way to the main process. */
async function viaIpc(channel: string, request: unknown): Promise<Outcome> {
  const handler = ipcHandlers.get(channel)!;
  return { status: 200, result: await handler(trusted, structuredClone(request)) };
}

function problemWith(outcome: Outcome): string | undefined {
  const r = outcome.result as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean')
    return `not a Result: ${JSON.stringify(r)?.slice(0, 200)}`;
  if (r.ok) return outcome.status === 200 ? undefined : `ok with HTTP ${outcome.status}`;
  const { code, message } = r.error ?? {};
  if (code === 'internal') return `internal error: ${String(message)}`;
  if (!ERROR_CODES.has(String(code))) return `unknown error code ${String(code)}`;
  if (typeof message !== 'string' || message.length < 10) return `no clear message: ${String(message)}`;
  if (message.length > MAX_MESSAGE)
    return `message of ${message.length} characters: ${message.slice(0, 120)}…`;
  if (outcome.status >= 500) return `HTTP ${outcome.status}`;
  return undefined;
}

describe('API fuzzing over IPC and HTTP', () => {
  it(
    `answers ${TOTAL} hostile requests with clear results and no change on refusal`,
    { timeout: Math.max(120_000, TOTAL * 60) },
    async () => {
      const random = rng(SEED);
      const failures: string[] = [];
      const perChannel = new Map<string, { ok: number; refused: number }>();
      let slowestMs = 0;
      const slowestPerChannel = new Map<string, number>();
      let current = snapshot(t.store);
      let slowest = '';
      for (let i = 0; i < TOTAL; i++) {
        const binding = i % 2 === 0 ? 'ipc' : 'http';
        const channel = CHANNELS[Math.floor(i / 2) % CHANNELS.length]!;
        const request = hostileRequest(random, fieldsOf(channel), plausible);
        const started = performance.now();
        let outcome: Outcome;
        try {
          outcome =
            binding === 'ipc'
              ? await viaIpc(channel, request)
              : await viaHttp(channel, JSON.stringify(request) ?? '');
        } catch (error) {
          failures.push(`#${i} ${binding} ${channel}: threw ${String(error)}`);
          current = snapshot(t.store);
          continue;
        }
        const ms = performance.now() - started;
        if (ms > slowestMs) [slowestMs, slowest] = [ms, `${binding} ${channel}`];
        slowestPerChannel.set(channel, Math.max(ms, slowestPerChannel.get(channel) ?? 0));
        const problem = problemWith(outcome);
        const ok = (outcome.result as { ok?: boolean }).ok === true;
        const counts = perChannel.get(channel) ?? { ok: 0, refused: 0 };
        counts[ok ? 'ok' : 'refused']++;
        perChannel.set(channel, counts);
        if (problem)
          failures.push(
            `#${i} ${binding} ${channel}: ${problem} (request ${JSON.stringify(request)?.slice(0, 160)})`,
          );
        // One snapshot per request: a refusal must leave it equal to the state after the previous request.
        const after = snapshot(t.store);
        if (!problem && !ok && after !== current)
          failures.push(`#${i} ${binding} ${channel}: refused but the database changed`);
        current = after;
      }
      expect(failures.slice(0, 15)).toEqual([]);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
      // Every channel was reached, and the generator produced refusals on each.
      for (const channel of CHANNELS)
        expect(perChannel.get(channel)?.refused ?? 0, channel).toBeGreaterThan(0);
      console.log(`fuzz: ${TOTAL} requests, slowest ${slowestMs.toFixed(0)} ms (${slowest})`);
      if (MAX_MS > 0) {
        for (const channel of CHANNELS) {
          const c = perChannel.get(channel)!;
          console.log(
            `fuzz: ${channel}: ${c.ok + c.refused} requests, ${c.ok} ok, ${c.refused} refused, slowest ${slowestPerChannel.get(channel)!.toFixed(0)} ms`,
          );
        }
        expect(slowestMs, slowest).toBeLessThan(MAX_MS);
      }
    },
  );

  it('refuses malformed HTTP bodies with a JSON 4xx and changes nothing', async () => {
    const random = rng(SEED + 1);
    const before = snapshot(t.store);
    const bodies: [string, string | Buffer, string?][] = [
      ['truncated JSON', '{"name": "x", "model": {'],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d])],
      ['lone surrogate escape', '{"search": "\\ud800"}'],
      ['NUL bytes', Buffer.from('{"search":"a\u0000b"}\u0000')],
      ['top-level array', '[1,2,3]'],
      ['top-level string', '"designs"'],
      ['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['deeply nested model', `{"name": "deep", "model": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`],
      [
        'deeply nested document',
        `{"mode": "merge", "document": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      ],
      [
        'deeply nested spec',
        `{"question": {"kind": "spec", "skill": "macs", "difficulty": 1, "spec": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
      ],
      ['over the body limit', Buffer.alloc(1024 * 1024 + 1, 0x20)],
      ['wrong content type', '{}', 'text/plain'],
    ];
    for (let k = 0; k < 20; k++)
      bodies.push([
        `random bytes ${k}`,
        Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))),
      ]);
    for (const [what, body, type] of bodies) {
      for (const channel of ['designs:save', 'designs:list', 'data:import', 'no:such']) {
        const outcome = await viaHttp(channel, body, type);
        const problem = problemWith(outcome);
        expect(problem, `${what} → ${channel}`).toBeUndefined();
        expect(outcome.status, `${what} → ${channel}`).toBeLessThan(500);
      }
    }
    expect(snapshot(t.store)).toBe(before);
  });
});
