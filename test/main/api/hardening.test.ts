import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type TempStore, tempStore, tinyModel } from '../../helpers/temp-store';

// Handler errors on valid-looking input: each answer is a clear refusal (never `internal`), echoes at
// most a bounded amount of the input, and nothing is stored changed while being acknowledged.

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('requests the schemas cannot see into', () => {
  it('refuses JSON nested deeper than SQLite will store, naming the limit', async () => {
    const before = snapshot(t.store);
    for (const [channel, request] of [
      ['designs:save', { name: 'deep', model: { ...tinyModel, extra: nested(1200) } }],
      ['labruns:save', { name: 'deep', config: { x: nested(1200) }, result: {} }],
    ] as const) {
      const res = await t.api.call(channel, JSON.parse(JSON.stringify(request)));
      expect(res.ok, channel).toBe(false);
      if (!res.ok) {
        expect(res.error.code, channel).toBe('invalid_request');
        expect(res.error.message, channel).toMatch(/nested more than 64 levels/);
      }
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('refuses text with a lone surrogate instead of storing U+FFFD and acknowledging the original', async () => {
    const res = await t.api.call('drafts:save', {
      key: 'k',
      name: 'draft',
      content: 'half \ud83d of an emoji',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/content: text contains an unpaired surrogate/);
    const stored = await t.api.call('drafts:get', { key: 'k' });
    expect(stored).toEqual({ ok: true, value: null });
    // A whole emoji (a surrogate pair) is text like any other, and comes back as sent.
    const emoji = await t.api.call('drafts:save', { key: 'k', name: 'draft', content: 'whole 😀 emoji' });
    expect(emoji.ok).toBe(true);
    const back = await t.api.call('drafts:get', { key: 'k' });
    expect(back.ok && back.value?.content).toBe('whole 😀 emoji');
  });

  it('refuses a "__proto__" key instead of silently dropping it from a saved lab run', async () => {
    const request = JSON.parse('{"name": "run", "config": {"__proto__": {"x": 1}, "a": 1}, "result": {}}');
    const res = await t.api.call('labruns:save', request);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/config\.__proto__: the key "__proto__" is not allowed/);
    expect(await t.api.call('labruns:list', {})).toEqual({ ok: true, value: [] });
  });

  it('echoes at most 500 characters of the input in a refusal', async () => {
    const huge = 'k'.repeat(150_000);
    const res = await t.api.call('designs:save', { name: 'x', model: tinyModel, [huge]: 1 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_request');
      expect(res.error.message.length).toBeLessThanOrEqual(500);
    }
    const longName = await t.api.call('designs:save', { name: 'n'.repeat(150_000), model: tinyModel });
    expect(!longName.ok && longName.error.message.length).toBeLessThanOrEqual(500);
  });

  it('a numeric layer id is a clear model error, not a crash', async () => {
    const model = { ...tinyModel, layers: [{ id: 5, op: 'relu' }] };
    const res = await t.api.call('designs:save', { name: 'numeric id', model });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).not.toBe('internal');
      expect(res.error.message).not.toMatch(/is not a function/);
    }
  });
});

describe('durability', () => {
  it('the design store commits with synchronous=FULL (a save survives a power loss)', () => {
    expect(t.store.db.pragma('synchronous', { simple: true })).toBe(2);
  });
});
