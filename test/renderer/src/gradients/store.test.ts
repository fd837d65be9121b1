import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { FromWorker, ToWorker } from '../../../../src/renderer/src/gradients/protocol';
import {
  ExperimentRunner as LabRunner,
  getExperiment as getPreset,
  type ExperimentConfig as LabConfig,
} from '../../../../src/core/autograd';
import type { LabRun } from '../../../../src/shared/types';
import type { createFakeApi } from '../stores/fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('../stores/fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('../stores/fake-api');
  fake.value = make();
  return { api: fake.value.api };
});
const { useGradientsStore, setLabWorkerFactory, parseSavedRun, MAX_RUNS } =
  await import('../../../../src/renderer/src/stores/gradients');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

/** A worker stand-in: records messages; the test answers as the real worker would. */
const posted: ToWorker[] = [];
let reply: (m: FromWorker) => void = () => undefined;
setLabWorkerFactory(() => ({
  post: (m) => posted.push(m),
  onMessage: (h) => {
    reply = h;
  },
  terminate: () => undefined,
}));

/** A real, short run's result, so that saved data has the engine's shape. */
function realResult(config: LabConfig) {
  const runner = new LabRunner(config);
  runner.advance();
  return runner.result();
}

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
  posted.length = 0;
});

describe('gradients store', () => {
  it('applies a preset and starts its run in the worker', () => {
    const store = useGradientsStore();
    expect(store.applyPreset('vanishing')).toBe(true);
    expect(store.applyPreset('no-such-preset')).toBe(false);
    const key = store.start('Vanishing');
    expect(posted).toEqual([{ type: 'start', id: key, config: getPreset('vanishing')?.config }]);
    expect(store.active?.key).toBe(key);
  });

  it('pauses, resumes and cancels; late messages of a cancelled run change nothing', () => {
    const store = useGradientsStore();
    store.applyPreset('exploding');
    const key = store.start('Exploding');
    store.pause();
    expect(store.runs[0].status).toBe('paused');
    store.resume();
    expect(store.runs[0].status).toBe('running');
    store.cancel();
    expect(posted.map((m) => m.type)).toEqual(['start', 'pause', 'resume', 'cancel']);
    reply({
      type: 'done',
      id: key,
      result: realResult({ ...(getPreset('exploding')?.config as LabConfig), steps: 2 } as LabConfig),
    });
    expect(store.runs[0].status).toBe('cancelled');
    expect(store.active).toBeNull();
  });

  it('runs a problem and then its remedy, one after the other', () => {
    const store = useGradientsStore();
    const rnn = getPreset('rnn-tanh')?.config as LabConfig,
      lstm = getPreset('lstm')?.config as LabConfig;
    store.startSequence([
      { name: 'RNN', preset: 'rnn-tanh', config: rnn },
      { name: 'LSTM', preset: 'lstm', config: lstm },
    ]);
    expect(posted).toHaveLength(1);
    reply({ type: 'done', id: store.runs[0].key, result: realResult(rnn) });
    expect(posted).toHaveLength(2);
    expect(store.runs.map((r) => r.name)).toEqual(['RNN', 'LSTM']);
  });

  it(`keeps at most ${MAX_RUNS} runs for comparison`, () => {
    const store = useGradientsStore();
    for (let i = 0; i < MAX_RUNS + 2; i++) store.start(`run ${i}`);
    expect(store.runs.map((r) => r.name)).toEqual(['run 2', 'run 3', 'run 4', 'run 5']);
  });

  it('names two runs of the same name apart, so that legends and rows tell them apart', () => {
    const store = useGradientsStore();
    store.setKind('rnn');
    store.start('Custom run');
    store.start('Custom run');
    store.start('Custom run');
    expect(store.runs.map((r) => r.name)).toEqual(['Custom run', 'Custom run 2', 'Custom run 3']);
  });

  it('groups the runs by kind for their tables, each keeping its place (its colour) in the comparison', () => {
    const store = useGradientsStore();
    store.setKind('rnn');
    store.start('RNN 1');
    store.setKind('mlp');
    store.start('MLP');
    store.setKind('rnn');
    store.start('RNN 2');
    expect(store.runGroups.map((g) => [g.kind, g.runs.map((r) => [r.run.name, r.index])])).toEqual([
      ['mlp', [['MLP', 1]]],
      [
        'rnn',
        [
          ['RNN 1', 0],
          ['RNN 2', 2],
        ],
      ],
    ]);
    store.removeRun(store.runs[1].key);
    expect(store.runGroups.map((g) => g.kind)).toEqual(['rnn']);
  });

  it('saves a finished run and reopens it from the database without training', async () => {
    const store = useGradientsStore();
    const config = { ...(getPreset('kaiming')?.config as LabConfig), steps: 5 } as LabConfig;
    store.config = config;
    const key = store.start('Kaiming');
    const result = realResult(config);
    reply({ type: 'done', id: key, result });
    let stored: LabRun | null = null;
    backend().on('labruns:save', (req) => {
      const r = req as { name: string; config: Record<string, unknown>; result: Record<string, unknown> };
      stored = { id: 'lab-1', name: r.name, config: r.config, result: r.result, createdAt: 5 };
      return { ok: true, value: stored };
    });
    backend().on('labruns:get', () => ({ ok: true, value: stored as LabRun }));
    const saved = await store.save(key, 'Kaiming demo');
    expect(saved.ok).toBe(true);
    expect(store.saved.map((s) => s.name)).toEqual(['Kaiming demo']);
    // JSON round trip, as through the database.
    stored = JSON.parse(JSON.stringify(stored)) as LabRun;
    expect(parseSavedRun(stored)?.result).toEqual(JSON.parse(JSON.stringify(result)));

    setActivePinia(createPinia());
    const fresh = useGradientsStore();
    const before = posted.length;
    const opened = await fresh.open('lab-1');
    expect(opened.ok && opened.value.status).toBe('done');
    expect(fresh.runs[0].result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(posted.length).toBe(before);
  });

  it('refuses to open a saved run that is not a lab run', () => {
    const run: LabRun = { id: 'x', name: 'other', config: { a: 1 }, result: {}, createdAt: 1 };
    expect(parseSavedRun(run)).toBeNull();
  });
});
