import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, finalOf, getExperiment, runExperiment } from '../../src/core/autograd';
import { runCli } from './cli-run';

/** `convscope lab`: the named experiments, and one run with its end point and checked claims. */
describe('convscope lab', () => {
  it('--list --json gives every experiment as { id, kind, fixes?, name, caption }', async () => {
    const { code, out } = await runCli('lab', '--list', '--json');
    expect(code).toBe(0);
    const list = JSON.parse(out) as Record<string, unknown>[];
    expect(list.map((e) => e.id)).toEqual(EXPERIMENTS.map((e) => e.id));
    for (const [i, e] of list.entries()) {
      const source = EXPERIMENTS[i]!;
      expect(Object.keys(e).sort()).toEqual(
        (source.fixes
          ? ['caption', 'fixes', 'id', 'kind', 'name']
          : ['caption', 'id', 'kind', 'name']
        ).sort(),
      );
      expect(e.kind).toBe(source.kind);
      expect(e.caption).toBe(source.caption);
    }
  });

  it('--list prints one line per experiment', async () => {
    const { code, out } = await runCli('lab', '--list');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(EXPERIMENTS.length);
    expect(out).toContain('clip-norm');
  });

  it('--preset ID --json gives the curves and the engine’s end point; the claims hold', async () => {
    const { code, out } = await runCli('lab', '--preset', 'high-lr', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const want = finalOf(runExperiment(getExperiment('high-lr')!.config));
    expect(doc.final).toEqual(JSON.parse(JSON.stringify(want)));
    expect(Object.keys(doc.final).sort()).toEqual(['accuracy', 'diverged', 'gradRatioLog10', 'loss']);
    expect(doc.final.diverged).toBe(true);
    expect(doc.curves.step.length).toBe(doc.curves.loss.length);
    expect(doc.claims.every((c: { holds: boolean }) => c.holds)).toBe(true);
  });

  it('a recurrent experiment reports the decades lost, and --seed changes the run', async () => {
    const one = JSON.parse((await runCli('lab', '--preset', 'rnn-tanh', '--json')).out);
    expect(one.final.decadesLost).toBeGreaterThan(10);
    expect(one.final.gradRatioLog10).toBeCloseTo(-one.final.decadesLost, 10);
    const other = JSON.parse((await runCli('lab', '--preset', 'rnn-tanh', '--seed', '7', '--json')).out);
    expect(other.seed).toBe(7);
    expect(other.final.decadesLost).not.toBe(one.final.decadesLost);
  });

  it('orthogonal W_hh: listed as a remedy of rnn-tanh, and it loses less than half the decades', async () => {
    const list = JSON.parse((await runCli('lab', '--list', '--json')).out) as Record<string, unknown>[];
    expect(list.find((e) => e.id === 'rnn-orthogonal')).toMatchObject({ kind: 'remedy', fixes: 'rnn-tanh' });
    const plain = JSON.parse((await runCli('lab', '--preset', 'rnn-tanh', '--json')).out);
    const orthogonal = JSON.parse((await runCli('lab', '--preset', 'rnn-orthogonal', '--json')).out);
    expect(orthogonal.final.decadesLost).toBeLessThan(plain.final.decadesLost / 2);
    expect(orthogonal.claims.every((c: { holds: boolean }) => c.holds)).toBe(true);
  });

  it('an unknown id is a clear error that lists the valid ids', async () => {
    const { code, err } = await runCli('lab', '--preset', 'vanishing-sigmoid');
    expect(code).toBe(1);
    expect(err).toContain('there is no experiment "vanishing-sigmoid"');
    for (const e of EXPERIMENTS) expect(err).toContain(e.id);
  });

  it('bad arguments are usage errors', async () => {
    expect((await runCli('lab')).err).toContain('give --list, or --preset ID');
    expect((await runCli('lab', '--preset', 'relu', '--seed', 'x')).err).toContain(
      '--seed must be an integer',
    );
    expect((await runCli('lab', '--list', '--seed', '2')).err).toContain('--list takes no');
    expect((await runCli('lab', '--bogus')).err).toContain('unknown argument "--bogus"');
  });
});
