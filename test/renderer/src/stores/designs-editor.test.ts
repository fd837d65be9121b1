import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { analyzeModel, type ModelSpec } from '../../../../src/core';
import type { Design } from '../../../../src/shared/types';
import { createFakeApi } from './fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('./fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('./fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

/** Every evaluation of a model's graph (validation and analysis both walk it through evaluateModel). */
const walks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../src/core/analysis/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../../../src/core/analysis/engine')>();
  return {
    ...engine,
    evaluateModel: (...args: Parameters<typeof engine.evaluateModel>) => {
      walks.count++;
      return engine.evaluateModel(...args);
    },
  };
});

const { AUTOSAVE_MS, NEW_DRAFT_KEY, useEditorStore } =
  await import('../../../../src/renderer/src/stores/editor');
const { formatModelText } = await import('../../../../src/renderer/src/stores/designs');
const { insertLayer, setLayerField } = await import('../../../../src/renderer/src/designs/model-edit');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

const tiny: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'tiny',
  input: [3, 8, 8],
  layers: [{ id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3 }],
};
/** The same model as the API's untyped JSON. */
const tinyJson = tiny as unknown as Record<string, unknown>;
const design = (model: ModelSpec, id = 'd1'): Design => ({
  id,
  name: 'Tiny',
  tags: [],
  stats: null,
  createdAt: 1,
  updatedAt: 2,
  model: model as unknown as Design['model'],
});

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
  backend().on('drafts:save', (r) => ({ ok: true, value: { ...(r as object), updatedAt: 3 } }));
  backend().on('drafts:discard', (r) => ({ ok: true, value: r }));
});
afterEach(() => vi.useRealTimers());

describe('editor store', () => {
  it('analyses what is typed, keeps the last good analysis while the text is invalid', () => {
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    expect(editor.analysis?.totals.macs).toBe(analyzeModel(tiny).totals.macs);
    editor.setText('{"format": ');
    expect(editor.analysis).toBeNull();
    expect(editor.stale).toBe(true);
    expect(editor.shownAnalysis?.totals.macs).toBe(analyzeModel(tiny).totals.macs);
  });

  it('validation messages are grouped by layer', () => {
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    editor.applyModel(setLayerField(editor.model!, 0, 'kernel', 40));
    expect(editor.analysis).toBeNull();
    expect(
      editor.issues
        .get(0)
        ?.map((i) => i.message)
        .join(' '),
    ).toContain('conv1');
  });

  it('undo and redo step through layer edits', () => {
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    const start = editor.text;
    editor.applyModel(insertLayer(editor.model!, 'relu'));
    const withRelu = editor.text;
    expect(editor.canUndo).toBe(true);
    editor.undo();
    expect(editor.text).toBe(start);
    expect(editor.canRedo).toBe(true);
    editor.redo();
    expect(editor.text).toBe(withRelu);
  });

  it('a saved design is dirty while a layer edit differs from it; editing back or undoing makes it clean', async () => {
    backend().on('designs:get', () => ({ ok: true, value: design(tiny) }));
    backend().on('drafts:get', () => ({ ok: true, value: null }));
    backend().on('designs:save', (r) => ({ ok: true, value: design((r as { model: ModelSpec }).model) }));
    const editor = useEditorStore();
    await editor.open('d1');
    expect(editor.dirty).toBe(false);
    editor.applyModel(setLayerField(editor.model!, 0, 'out_channels', 6), 'field:0:out_channels');
    expect(editor.dirty).toBe(true);
    expect(editor.analysis?.totals.macs).toBe(
      analyzeModel({ ...tiny, layers: [{ ...tiny.layers[0], out_channels: 6 } as never] }).totals.macs,
    );
    editor.applyModel(setLayerField(editor.model!, 0, 'out_channels', 4));
    expect(editor.dirty).toBe(false);
    editor.undo();
    expect(editor.dirty).toBe(true);
    editor.undo();
    expect(editor.dirty).toBe(false);
    expect(editor.text).toBe(formatModelText(tiny as never));
    // Saved after an edit: clean, and the saved text is the edited model's.
    editor.redo();
    expect((await editor.save()).ok).toBe(true);
    expect(editor.dirty).toBe(false);
    expect(editor.savedText).toBe(editor.text);
    expect(JSON.parse(editor.text).layers[0].out_channels).toBe(6);
  });

  it('text typed in the JSON view is kept as typed through a layer edit and its undo', () => {
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    const typed = JSON.stringify(tiny);
    editor.setText(typed);
    expect(editor.text).toBe(typed);
    editor.applyModel(setLayerField(editor.model!, 0, 'kernel', 5));
    expect(editor.text).toBe(formatModelText(setLayerField(tinyJson, 0, 'kernel', 5) as never));
    editor.undo();
    expect(editor.text).toBe(typed);
    expect(editor.analysis?.totals.macs).toBe(analyzeModel(tiny).totals.macs);
  });

  it('the convention and dtype switches change FLOPs and bytes as the core computes them', () => {
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    editor.convention = 'macs';
    editor.dtype = 'fp16';
    const expected = analyzeModel(tiny, { convention: 'macs', dtype: 'fp16' });
    expect(editor.analysis?.totals.flops).toBe(expected.totals.flops);
    expect(editor.analysis?.totals.activationBytes).toBe(expected.totals.activationBytes);
  });

  it('opening a design validates and analyses it in one walk of its graph; a convention switch re-analyses only', async () => {
    backend().on('designs:get', () => ({ ok: true, value: design(tiny) }));
    backend().on('drafts:get', () => ({ ok: true, value: null }));
    const flops = analyzeModel(tiny).totals.flops;
    const macs = analyzeModel(tiny, { convention: 'macs' }).totals.flops;
    const editor = useEditorStore();
    walks.count = 0;
    await editor.open('d1');
    expect(editor.validation?.ok).toBe(true);
    expect(editor.analysis?.totals.flops).toBe(flops);
    expect(walks.count).toBe(1);
    const validation = editor.validation;
    editor.convention = 'macs';
    expect(editor.analysis?.totals.flops).toBe(macs);
    expect(editor.validation).toBe(validation);
    expect(walks.count).toBe(2);
    const edited = insertLayer(editor.model!, 'relu');
    walks.count = 0;
    editor.applyModel(edited);
    expect(editor.analysis?.options.convention).toBe('macs');
    expect(walks.count).toBe(1);
  });

  it('autosaves a new design as the "new" draft after a pause', async () => {
    vi.useFakeTimers();
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    const saves = backend().calls.filter((c) => c.channel === 'drafts:save');
    expect(saves).toHaveLength(1);
    expect(saves[0].request).toEqual({
      key: NEW_DRAFT_KEY,
      name: 'Tiny',
      content: formatModelText(tiny as never),
    });
    expect(editor.draftStatus).toBe('saved');
  });

  it('saves only a valid model, then discards the drafts', async () => {
    backend().on('designs:save', (r) => ({ ok: true, value: design((r as { model: ModelSpec }).model) }));
    const editor = useEditorStore();
    editor.startNew('Tiny', tinyJson);
    editor.applyModel(setLayerField(editor.model!, 0, 'kernel', 40));
    const refused = await editor.save();
    expect(refused.ok).toBe(false);
    expect(backend().calls.some((c) => c.channel === 'designs:save')).toBe(false);

    editor.undo();
    const result = await editor.save();
    expect(result.ok).toBe(true);
    expect(editor.designId).toBe('d1');
    expect(editor.dirty).toBe(false);
    const discarded = backend()
      .calls.filter((c) => c.channel === 'drafts:discard')
      .map((c) => (c.request as { key: string }).key);
    expect(discarded.sort()).toEqual(['d1', NEW_DRAFT_KEY].sort());
  });

  it('opening a design with a newer draft offers it without applying it', async () => {
    const draftText = formatModelText({
      ...tiny,
      layers: [...tiny.layers, { id: 'relu1', op: 'relu' }],
    } as never);
    backend().on('designs:get', () => ({ ok: true, value: design(tiny) }));
    backend().on('drafts:get', () => ({
      ok: true,
      value: { key: 'd1', name: 'Tiny', content: draftText, updatedAt: 5 },
    }));
    const editor = useEditorStore();
    await editor.open('d1');
    expect(editor.text).toBe(formatModelText(tiny as never));
    expect(editor.pendingDraft?.content).toBe(draftText);
    editor.applyPendingDraft();
    expect(editor.text).toBe(draftText);
    expect(editor.dirty).toBe(true);
    editor.undo();
    expect(editor.dirty).toBe(false);
  });

  it('restoring a version loads it as the saved text', async () => {
    const older = { ...tiny, layers: [{ ...tiny.layers[0], out_channels: 2 }] } as ModelSpec;
    backend().on('designs:get', () => ({ ok: true, value: design(tiny) }));
    backend().on('drafts:get', () => ({ ok: true, value: null }));
    backend().on('designs:restore', () => ({ ok: true, value: design(older) }));
    backend().on('designs:versions', () => ({ ok: true, value: [] }));
    const editor = useEditorStore();
    await editor.open('d1');
    const result = await editor.restoreVersion(1);
    expect(result.ok).toBe(true);
    expect(editor.analysis?.totals.params).toBe(analyzeModel(older).totals.params);
    expect(editor.dirty).toBe(false);
  });
});
