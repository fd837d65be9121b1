import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { formatCount, listZoo } from '../../src/core';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: () => Promise.reject(new Error('unused')),
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('convscope zoo', () => {
  it('lists every zoo model with input, params and MACs', async () => {
    const r = await run('zoo');
    expect(r.code).toBe(0);
    for (const z of listZoo()) expect(r.out).toContain(`zoo:${z.name}`);
    expect(r.out).toMatch(/zoo:resnet50\s+3×224×224\s+25\.6M\s+4\.09G\s+ResNet-50/);
    expect(formatCount(25_557_032)).toBe('25.6M');
  });

  it('--json lists name, title, description, input, params, macs', async () => {
    const rows = JSON.parse((await run('zoo', '--json')).out);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(listZoo().map((z) => z.name));
    expect(rows.find((r: { name: string }) => r.name === 'mobilenet_v2')).toMatchObject({
      params: 3_504_872,
      macs: 300_774_272,
    });
  });

  it('rejects extra arguments with one line and exit 1', async () => {
    const r = await run('zoo', 'resnet');
    expect(r.code).toBe(1);
    expect(r.err).toBe('convscope zoo: unexpected argument resnet (usage: convscope zoo [--json])');
  });

  it('runs as a real process', () => {
    const p = spawnSync(process.execPath, ['bin/convscope.mjs', 'zoo'], { encoding: 'utf8' });
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('zoo:googlenet');
  });
});
