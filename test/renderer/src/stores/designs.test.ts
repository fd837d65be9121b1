import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { validateModel } from '../../../../src/core';
import type { Design, DesignSummary } from '../../../../src/shared/types';
import { createFakeApi } from './fake-api';

const fake = vi.hoisted(() => ({
  value: null as ReturnType<typeof import('./fake-api').createFakeApi> | null,
}));
vi.mock('../../../../src/renderer/src/api', async () => {
  const { createFakeApi: make } = await import('./fake-api');
  fake.value = make();
  return { api: fake.value.api };
});

const { EXAMPLE_MODEL, formatModelText, parseModelText, useDesignsStore } =
  await import('../../../../src/renderer/src/stores/designs');
const backend = () => fake.value as ReturnType<typeof createFakeApi>;

const summary = (id: string, name: string, updatedAt: number): DesignSummary => ({
  id,
  name,
  tags: [],
  stats: null,
  createdAt: 1,
  updatedAt,
});

beforeEach(() => {
  setActivePinia(createPinia());
  backend().reset();
});

describe('EXAMPLE_MODEL', () => {
  it('is a model the analysis core accepts', () => {
    const result = validateModel(EXAMPLE_MODEL);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('parseModelText', () => {
  it('accepts a JSON object', () => {
    expect(parseModelText(JSON.stringify(EXAMPLE_MODEL))).toEqual({ ok: true, model: EXAMPLE_MODEL });
  });

  it('reports a syntax error with the parser message', () => {
    const result = parseModelText('{"layers": [');
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === 'syntax') {
      let expected = '';
      try {
        JSON.parse('{"layers": [');
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(result.detail).toBe(expected);
    } else {
      expect.fail(`expected a syntax error, got ${JSON.stringify(result)}`);
    }
  });

  it.each([
    ['[1,2]', 'array'],
    ['"model"', 'string'],
    ['42', 'number'],
    ['true', 'boolean'],
    ['null', 'null'],
  ] as const)('refuses %s as %s, not an object', (text, kind) => {
    expect(parseModelText(text)).toEqual({ ok: false, reason: 'not-object', kind });
  });
});

describe('designs store', () => {
  it('lists designs newest first', async () => {
    backend().on('designs:list', () => ({
      ok: true,
      value: [summary('a', 'Old', 10), summary('b', 'New', 30), summary('c', 'Mid', 20)],
    }));
    const store = useDesignsStore();
    await store.load();
    expect(store.items.map((d) => d.name)).toEqual(['New', 'Mid', 'Old']);
    expect([store.loading, store.loadError]).toEqual([false, null]);
  });

  it('keeps the message when the list cannot be loaded', async () => {
    backend().on('designs:list', () => ({
      ok: false,
      error: { code: 'internal', message: 'Cannot reach the server.' },
    }));
    const store = useDesignsStore();
    await store.load();
    expect([store.items, store.loadError]).toEqual([[], 'Cannot reach the server.']);
  });

  it('puts a created design on top, without its model', async () => {
    const saved: Design = { ...summary('n', 'Tiny', 50), model: EXAMPLE_MODEL };
    backend().on('designs:list', () => ({ ok: true, value: [summary('a', 'Old', 10)] }));
    backend().on('designs:save', () => ({ ok: true, value: saved }));
    const store = useDesignsStore();
    await store.load();
    const result = await store.create('Tiny', EXAMPLE_MODEL);
    expect(result).toEqual({ ok: true, value: saved });
    expect(backend().calls.find((c) => c.channel === 'designs:save')).toEqual({
      channel: 'designs:save',
      request: { name: 'Tiny', model: EXAMPLE_MODEL },
    });
    expect(store.items.map((d) => d.id)).toEqual(['n', 'a']);
    expect(store.items[0]).not.toHaveProperty('model');
  });

  it('leaves the list alone when the backend refuses a design', async () => {
    const refusal = {
      ok: false,
      error: { code: 'invalid_model', message: '"X" was not saved: layer "c": kernel missing' },
    } as const;
    backend().on('designs:save', () => refusal);
    const store = useDesignsStore();
    expect(await store.create('X', { format: 'convscope-model' })).toEqual(refusal);
    expect(store.items).toEqual([]);
  });

  it('renames in place and deletes', async () => {
    backend().on('designs:list', () => ({ ok: true, value: [summary('a', 'A', 20), summary('b', 'B', 10)] }));
    backend().on('designs:rename', (request) => {
      const { id, name } = request as { id: string; name: string };
      return { ok: true, value: summary(id, name, 30) };
    });
    backend().on('designs:delete', (request) => ({
      ok: true,
      value: { id: (request as { id: string }).id },
    }));
    const store = useDesignsStore();
    await store.load();

    expect((await store.rename('b', 'B2')).ok).toBe(true);
    expect(store.items.map((d) => `${d.id}:${d.name}`)).toEqual(['b:B2', 'a:A']);

    expect((await store.remove('a')).ok).toBe(true);
    expect(store.items.map((d) => d.id)).toEqual(['b']);
  });

  it('keeps an item whose deletion failed', async () => {
    backend().on('designs:list', () => ({ ok: true, value: [summary('a', 'A', 20)] }));
    backend().on('designs:delete', () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }));
    const store = useDesignsStore();
    await store.load();
    const result = await store.remove('a');
    expect(result.ok).toBe(false);
    expect(store.items.map((d) => d.id)).toEqual(['a']);
  });
});

describe('formatModelText', () => {
  it('lays the example out one field and one layer per line', () => {
    const text = formatModelText(EXAMPLE_MODEL);
    const lines = text.split('\n');
    expect(lines).toContain('  "input": [3, 32, 32],');
    const layers = EXAMPLE_MODEL.layers as unknown[];
    // "{", 4 scalar/array fields, the "layers": [ opener, one line per layer, "]" and "}".
    expect(lines).toHaveLength(1 + 4 + 1 + layers.length + 2);
    expect(JSON.parse(text)).toEqual(EXAMPLE_MODEL);
  });

  it('parses back to the same model, strings with JSON punctuation included', () => {
    const tricky = {
      format: 'convscope-model',
      name: 'a,"b": [c]',
      description: 'x,1 y:{z}',
      input: [1],
      layers: [
        { id: 'p,"q":', op: 'relu', inputs: ['a', 'b'] },
        { id: 'e', op: 'elu', alpha: -0.5 },
      ],
      nested: { deep: [[1, 2], { k: null, t: true }] },
    };
    expect(JSON.parse(formatModelText(tricky))).toEqual(tricky);
    expect(JSON.parse(formatModelText({}))).toEqual({});
    expect(JSON.parse(formatModelText({ layers: [] }))).toEqual({ layers: [] });
  });
});
