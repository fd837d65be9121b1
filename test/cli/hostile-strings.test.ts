import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel, type ModelSpec } from '../../src/core';
import { analysisCsv } from '../../src/renderer/src/designs/csv';
import { parseCsv, runCli } from './cli-run';

/** Layer ids, a model name and an operator name carrying escape codes, NUL, CR, bidi marks and formulas. */
const FILE = 'test/fixtures/models/hostile-strings.json';
const model = JSON.parse(readFileSync(FILE, 'utf8')) as ModelSpec;

/** Any character a terminal acts on instead of printing, except the table's own line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('strings from model files on the terminal', () => {
  it('the table prints escape codes, NUL, CR and bidi overrides as visible escapes', async () => {
    const r = await runCli('analyze', FILE);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.out).toContain('hostile\\u001b[2J\\u001b[H: input 1×8×8');
    expect(r.out).toMatch(/^\+1\\u001b\[31m +relu /m);
    expect(r.out).toMatch(/^cr\\rover +relu /m);
    expect(r.out).toMatch(/^nul\\u0000x +relu /m);
    expect(r.out).toMatch(/^c1\\u009b2J +relu /m);
    expect(r.out).toMatch(/^\\u202eevil +flatten /m);
    expect(r.out).toContain('unsupported (Erf\\u001b]0;title\\u0007)');
    // The warning quotes the operator name too.
    expect(r.out).toMatch(/\[unsupported\] .*Erf\\u001b\]0;title\\u0007/);
    // Escaping keeps the columns aligned: every table row is as wide as the rule or narrower.
    const lines = r.out.split('\n');
    const rule = lines.findIndex((l) => /^-+ {2}-+/.test(l));
    const widths = lines.slice(rule + 1, rule + 1 + model.layers.length).map((l) => l.indexOf(' relu'));
    expect(new Set(widths.filter((w) => w > 0)).size).toBe(1);
  });

  it('--json escapes them too, and parses back to the same strings', async () => {
    const r = await runCli('analyze', FILE, '--json');
    expect(r.out).not.toMatch(CONTROL);
    expect(r.out).not.toMatch(/[\u0080-\u009f\u200e\u200f\u2028\u2029]/);
    const doc = JSON.parse(r.out);
    expect(doc.model).toBe(model.name);
    expect(doc.layers.map((l: { id: string }) => l.id)).toEqual(model.layers.map((l) => l.id));
  });

  it('an error naming a hostile layer is still one inert line', async () => {
    const bad = structuredClone(model);
    bad.layers[2] = { id: 'x\n\u001b[2Jy', op: 'maxpool2d', kernel: 99 };
    const dir = mkdtempSync(join(tmpdir(), 'convscope-hostile-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const r = await runCli('analyze', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(CONTROL);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('layer "x\\n\\u001b[2Jy"');
  });

  it('an unknown command name is echoed inert', async () => {
    const r = await runCli('\u001b[2Jzap');
    expect(r.code).toBe(1);
    expect(r.err).toBe('convscope: unknown command "\\u001b[2Jzap" (try: convscope help)');
    expect((await runCli('constructor')).err).toContain('unknown command "constructor"');
  });
});

describe('CSV injection', () => {
  const formula = /^[=+\-@\t\r]/;
  const number = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

  it.each([
    ['convscope analyze --csv', async () => (await runCli('analyze', FILE, '--csv')).out],
    ['the Designs CSV export', async () => analysisCsv(analyzeModel(model))],
  ])('%s: no cell starts a formula, and every id is kept behind a quote mark', async (_, csv) => {
    const rows = parseCsv(await csv());
    for (const row of rows)
      for (const cell of row)
        expect(formula.test(cell) && !number.test(cell), JSON.stringify(cell)).toBe(false);
    const ids = rows.slice(1, -1).map((r) => r[0]);
    expect(ids).toEqual(model.layers.map((l) => (formula.test(l.id) ? `'${l.id}` : l.id)));
  });
});
