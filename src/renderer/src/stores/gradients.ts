import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw } from 'vue';
import { api } from '../api';
import type { Result } from '../../../shared/result';
import type { LabRun, LabRunSummary } from '../../../shared/types';
import {
  DEFAULT_MLP,
  DEFAULT_RNN,
  getExperiment,
  type ExperimentConfig as LabConfig,
  type ExperimentResult as LabResult,
} from '../../../core/autograd';
import { createLabWorker, type LabWorker } from '../gradients/worker-client';

export type RunStatus = 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface LabRunView {
  key: string;
  name: string;
  preset: string | null;
  config: LabConfig;
  result: LabResult | null;
  status: RunStatus;
  error: string | null;
  /** Id in the database once saved or when reopened from it. */
  savedId: string | null;
}

/** The runs of one experiment kind, each with its place in the comparison (its colour in the charts). */
export interface LabRunGroup {
  kind: LabConfig['kind'];
  runs: { run: LabRunView; index: number }[];
}

/** At most this many runs are overlaid in the comparison charts; starting another drops the oldest. */
export const MAX_RUNS = 4;

/** What is stored in `labruns`: versioned wrappers around the lab's own config and result. */
export interface SavedConfig {
  format: 'convscope-lab';
  version: 1;
  preset: string | null;
  lab: LabConfig;
}
export interface SavedResult {
  format: 'convscope-lab';
  version: 1;
  result: LabResult;
}

function isLabConfig(v: unknown): v is LabConfig {
  return (
    typeof v === 'object' &&
    v !== null &&
    ((v as { kind?: unknown }).kind === 'mlp' || (v as { kind?: unknown }).kind === 'rnn')
  );
}

/** Reads a saved run back; null when it is not a lab run this version understands. */
export function parseSavedRun(
  run: LabRun,
): { preset: string | null; config: LabConfig; result: LabResult } | null {
  const c = run.config as Partial<SavedConfig>,
    r = run.result as Partial<SavedResult>;
  if (c.format !== 'convscope-lab' || r.format !== 'convscope-lab' || !isLabConfig(c.lab)) return null;
  const result = r.result;
  if (typeof result !== 'object' || result === null || result.kind !== c.lab.kind) return null;
  return { preset: typeof c.preset === 'string' ? c.preset : null, config: c.lab, result };
}

let workerFactory: () => LabWorker = createLabWorker;
/** Tests replace the Web Worker with a fake. */
export function setLabWorkerFactory(factory: () => LabWorker): void {
  workerFactory = factory;
}

/** The Gradient Lab: the form's configuration, the runs being compared, and saved runs. */
export const useGradientsStore = defineStore('gradients', () => {
  const config = ref<LabConfig>({ ...DEFAULT_MLP });
  const preset = ref<string | null>(null);
  const runs = ref<LabRunView[]>([]);
  const selectedKey = ref<string | null>(null);
  const saved = ref<LabRunSummary[]>([]);
  const savedError = ref<string | null>(null);
  const worker = shallowRef<LabWorker | null>(null);
  const activeKey = ref<string | null>(null);
  let counter = 0;
  const queue: { name: string; preset: string | null; config: LabConfig }[] = [];

  const selected = computed(
    () => runs.value.find((r) => r.key === selectedKey.value) ?? runs.value.at(-1) ?? null,
  );
  /** The runs by experiment kind, MLP first: each kind has its own numbers, so its own table. */
  const runGroups = computed<LabRunGroup[]>(() =>
    (['mlp', 'rnn'] as const)
      .map((kind) => ({
        kind,
        runs: runs.value.flatMap((run, index) => (run.config.kind === kind ? [{ run, index }] : [])),
      }))
      .filter((g) => g.runs.length > 0),
  );
  const active = computed(
    () =>
      runs.value.find(
        (r) => r.key === activeKey.value && (r.status === 'running' || r.status === 'paused'),
      ) ?? null,
  );

  function applyPreset(id: string): boolean {
    const p = getExperiment(id);
    if (!p) return false;
    preset.value = id;
    config.value = structuredClone(toRaw(p.config));
    return true;
  }

  function setKind(kind: LabConfig['kind']): void {
    if (config.value.kind === kind) return;
    config.value = kind === 'mlp' ? { ...DEFAULT_MLP } : { ...DEFAULT_RNN };
    preset.value = null;
  }

  function update(key: string, patch: Partial<LabRunView>): void {
    runs.value = runs.value.map((r) => (r.key === key ? { ...r, ...patch } : r));
  }

  function ensureWorker(): LabWorker {
    if (worker.value) return worker.value;
    const w = workerFactory();
    w.onMessage((msg) => {
      // A message already on its way when the run was cancelled or removed changes nothing.
      const run = runs.value.find((r) => r.key === msg.id);
      if (!run || run.status === 'cancelled') return;
      if (msg.type === 'progress') update(msg.id, { result: msg.result });
      else if (msg.type === 'done') update(msg.id, { result: msg.result, status: 'done' });
      else update(msg.id, { status: 'error', error: msg.message });
      if (msg.type !== 'progress' && activeKey.value === msg.id) {
        activeKey.value = null;
        const next = queue.shift();
        if (next) startConfig(next.name, next.preset, next.config);
      }
    });
    worker.value = w;
    return w;
  }

  function addRun(view: LabRunView): void {
    const list = [...runs.value, view];
    while (list.length > MAX_RUNS) {
      const dropIndex = list.findIndex((r) => r.key !== activeKey.value && r.key !== view.key);
      list.splice(dropIndex < 0 ? 0 : dropIndex, 1);
    }
    runs.value = list;
    selectedKey.value = view.key;
  }

  /** Starts a run of the current configuration (cancelling one still in progress). */
  function start(name: string): string {
    queue.length = 0;
    return startConfig(name, preset.value, config.value);
  }

  /** Runs several configurations one after the other (a problem, then its remedy). */
  function startSequence(items: { name: string; preset: string | null; config: LabConfig }[]): void {
    if (items.length === 0) return;
    queue.length = 0;
    const [first, ...rest] = items;
    queue.push(...rest);
    startConfig(first.name, first.preset, first.config);
  }

  /** A name no run in the comparison has yet ("Custom run", "Custom run 2"): the legends tell them apart. */
  function uniqueName(name: string): string {
    const taken = new Set(runs.value.map((r) => r.name));
    let n = 1;
    while (taken.has(n === 1 ? name : `${name} ${n}`)) n++;
    return n === 1 ? name : `${name} ${n}`;
  }

  function startConfig(name: string, presetId: string | null, source: LabConfig): string {
    if (active.value) cancelActive();
    const key = `run-${++counter}`;
    const cfg = structuredClone(toRaw(source));
    addRun({
      key,
      name: uniqueName(name),
      preset: presetId,
      config: cfg,
      result: null,
      status: 'running',
      error: null,
      savedId: null,
    });
    activeKey.value = key;
    ensureWorker().post({ type: 'start', id: key, config: cfg });
    return key;
  }

  function pause(): void {
    if (!active.value || active.value.status !== 'running') return;
    worker.value?.post({ type: 'pause' });
    update(active.value.key, { status: 'paused' });
  }

  function resume(): void {
    if (!active.value || active.value.status !== 'paused') return;
    worker.value?.post({ type: 'resume' });
    update(active.value.key, { status: 'running' });
  }

  function cancel(): void {
    queue.length = 0;
    cancelActive();
  }

  function cancelActive(): void {
    const run = active.value;
    if (!run) return;
    worker.value?.post({ type: 'cancel' });
    update(run.key, { status: 'cancelled' });
    activeKey.value = null;
  }

  function removeRun(key: string): void {
    if (key === activeKey.value) cancel();
    runs.value = runs.value.filter((r) => r.key !== key);
  }

  async function loadSaved(): Promise<void> {
    const result = await api.labruns.list({});
    if (!result.ok) {
      savedError.value = result.error.message;
      return;
    }
    savedError.value = null;
    saved.value = [...result.value].sort((a, b) => b.createdAt - a.createdAt);
  }

  async function save(key: string, name: string): Promise<Result<LabRun>> {
    const run = runs.value.find((r) => r.key === key);
    if (!run || !run.result)
      return { ok: false, error: { code: 'invalid_request', message: 'There is no result to save yet.' } };
    // Plain JSON copies: the reactive proxies cannot cross Electron's IPC.
    const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    const savedConfig: SavedConfig = {
      format: 'convscope-lab',
      version: 1,
      preset: run.preset,
      lab: plain(run.config),
    };
    const savedResult: SavedResult = { format: 'convscope-lab', version: 1, result: plain(run.result) };
    const result = await api.labruns.save({
      name,
      config: savedConfig as unknown as Record<string, unknown>,
      result: savedResult as unknown as Record<string, unknown>,
    });
    if (result.ok) {
      update(key, { savedId: result.value.id, name: result.value.name });
      const { result: _r, ...summary } = result.value;
      saved.value = [summary, ...saved.value.filter((s) => s.id !== summary.id)];
    }
    return result;
  }

  /** Shows a saved run with its charts, without training it again. */
  async function open(id: string): Promise<Result<LabRunView>> {
    const existing = runs.value.find((r) => r.savedId === id);
    if (existing) {
      selectedKey.value = existing.key;
      return { ok: true, value: existing };
    }
    const result = await api.labruns.get({ id });
    if (!result.ok) return result;
    const parsed = parseSavedRun(result.value);
    if (!parsed)
      return {
        ok: false,
        error: {
          code: 'invalid_request',
          message: `“${result.value.name}” is not a Gradient Lab run this version can show.`,
        },
      };
    const view: LabRunView = {
      key: `run-${++counter}`,
      name: result.value.name,
      preset: parsed.preset,
      config: parsed.config,
      result: parsed.result,
      status: 'done',
      error: null,
      savedId: id,
    };
    addRun(view);
    return { ok: true, value: view };
  }

  async function deleteSaved(id: string): Promise<Result<{ id: string }>> {
    const result = await api.labruns.delete({ id });
    if (result.ok) {
      saved.value = saved.value.filter((s) => s.id !== id);
      runs.value = runs.value.map((r) => (r.savedId === id ? { ...r, savedId: null } : r));
    }
    return result;
  }

  function dispose(): void {
    if (active.value) cancel();
    worker.value?.terminate();
    worker.value = null;
  }

  return {
    config,
    preset,
    runs,
    selectedKey,
    selected,
    runGroups,
    active,
    saved,
    savedError,
    applyPreset,
    setKind,
    start,
    startSequence,
    pause,
    resume,
    cancel,
    removeRun,
    loadSaved,
    save,
    open,
    deleteSaved,
    dispose,
  };
});
