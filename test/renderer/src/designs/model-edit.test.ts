import { describe, expect, it } from 'vitest';
import { analyzeModel, validateModel, type ModelSpec } from '../../../../src/core';
import {
  insertLayer,
  issuesByLayer,
  layersOf,
  LAYER_FIELDS,
  moveLayer,
  newLayer,
  newLayerId,
  removeLayer,
  sameJson,
  scratchModel,
  setInputShape,
  setLayerField,
} from '../../../../src/renderer/src/designs/model-edit';
import { LAYER_OPS, layerSchemas } from '../../../../src/core/model';

const chain = (): Record<string, unknown> => ({
  format: 'convscope-model',
  version: 1,
  name: 'm',
  input: [3, 16, 16],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
    { id: 'add1', op: 'add', inputs: ['relu1', 'conv2'] },
  ],
});
const ids = (m: Record<string, unknown>) => layersOf(m).map((l) => l.id);

describe('new layers', () => {
  it('every op gets a layer the core accepts after a 3×16×16 input', () => {
    for (const op of LAYER_OPS) {
      const model = insertLayer(scratchModel('s'), op);
      // Some ops need a vector (linear, layernorm over N) or two inputs (add, mul, concat): those still
      // must pass the schema, which is what the template is responsible for.
      const layer = layersOf(model)[0];
      expect(layerSchemas[op].safeParse(layer).success, op).toBe(true);
    }
  });

  it('ids are unique: the first free number of the op prefix', () => {
    const m = chain();
    expect(newLayerId(m, 'conv2d')).toBe('conv3');
    expect(newLayerId(m, 'relu')).toBe('relu2');
    expect(newLayer(m, 'linear')).toEqual({ id: 'fc1', op: 'linear', out_features: 10 });
  });

  it('inserts at a position, or appends', () => {
    expect(ids(insertLayer(chain(), 'relu', 1))).toEqual(['conv1', 'relu2', 'relu1', 'conv2', 'add1']);
    expect(ids(insertLayer(chain(), 'relu'))).toEqual(['conv1', 'relu1', 'conv2', 'add1', 'relu2']);
  });

  it('the form offers only fields the schema knows', () => {
    for (const op of LAYER_OPS) {
      const base = { id: 'x', ...newLayer(scratchModel('s'), op) };
      for (const f of LAYER_FIELDS[op]) {
        const probe = {
          ...base,
          [f.key]:
            f.kind === 'bool'
              ? true
              : f.kind === 'enum'
                ? f.options![0]
                : f.kind === 'text'
                  ? 'Foo'
                  : f.kind === 'shape'
                    ? [1, 1, 1]
                    : 1,
        };
        const r = layerSchemas[op].safeParse(probe);
        expect(r.success, `${op}.${f.key}`).toBe(true);
      }
    }
  });
});

describe('edits', () => {
  it('removing a layer reconnects the layers that read it', () => {
    const m = removeLayer(chain(), 1);
    expect(ids(m)).toEqual(['conv1', 'conv2', 'add1']);
    expect(layersOf(m)[2].inputs).toEqual(['conv1', 'conv2']);
    expect(validateModel(m).ok).toBe(true);
  });

  it('moves a layer', () => {
    expect(ids(moveLayer(chain(), 0, 2))).toEqual(['relu1', 'conv2', 'conv1', 'add1']);
    expect(moveLayer(chain(), 0, 9)).toEqual(chain());
  });

  it('renaming an id renames references to it', () => {
    const m = setLayerField(chain(), 1, 'id', 'act');
    expect(layersOf(m)[3].inputs).toEqual(['act', 'conv2']);
    expect(validateModel(m).ok).toBe(true);
  });

  it('an empty value removes the field (the default applies)', () => {
    const m = setLayerField(chain(), 0, 'padding', undefined);
    expect(layersOf(m)[0]).toEqual({ id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3 });
  });

  it('changing the op keeps id and inputs and starts from the new op’s template', () => {
    const m = setLayerField(chain(), 3, 'op', 'concat');
    expect(layersOf(m)[3]).toEqual({ id: 'add1', op: 'concat', inputs: ['relu1', 'conv2'] });
  });

  it('a field edit changes the analysis the core computes', () => {
    const m = setLayerField(removeLayer(chain(), 3), 0, 'out_channels', 8) as unknown as ModelSpec;
    // conv1 with 8 filters then conv2 reading 8 channels: conv2 has 4·8·3·3 + 4 = 292 params.
    expect(analyzeModel(m).layers[2].params.total).toBe(4 * 8 * 3 * 3 + 4);
  });

  it('sets the input shape', () => {
    expect(setInputShape(chain(), [1, 28, 28]).input).toEqual([1, 28, 28]);
  });
});

describe('issuesByLayer', () => {
  it('groups the core’s messages by layer index, model-level ones under null', () => {
    const bad = setLayerField(setLayerField(chain(), 2, 'kernel', 40), 0, 'out_channels', undefined);
    const v = validateModel(bad);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const map = issuesByLayer(bad, v.errors);
    expect([...map.keys()]).toContain(0);
    expect(
      map
        .get(0)!
        .map((i) => i.message)
        .join(' '),
    ).toContain('conv1');
    const envelope = validateModel({ ...chain(), input: 'x' });
    if (envelope.ok) throw new Error('expected a refusal');
    expect(issuesByLayer({}, envelope.errors).has(null)).toBe(true);
  });
});

describe('clamp from the add-layer menu', () => {
  // Adding a clamp used to give { op: 'clamp' } without bounds, which the core refuses, and a form
  // without min and max fields to fix it with.
  it('gives a layer the core analyses, and a form with its bounds', () => {
    const model = insertLayer(insertLayer(scratchModel('s'), 'conv2d'), 'clamp');
    const v = validateModel(model);
    expect(v.ok ? [] : v.errors.map((e) => e.message)).toEqual([]);
    expect(analyzeModel(model as unknown as ModelSpec).layers[1].op).toBe('clamp');
    expect(LAYER_FIELDS.clamp.map((f) => f.key)).toEqual(['min', 'max']);
    const edited = setLayerField(model, 1, 'max', 0.5);
    expect(validateModel(edited).ok).toBe(true);
  });
});

describe('sameJson', () => {
  it('is true exactly when the two values print the same JSON text', () => {
    const values: unknown[] = [
      { a: 1, b: [1, 2] },
      { b: [1, 2], a: 1 },
      { a: 1, b: [1, 2], c: undefined },
      { a: 1, b: [1, 3] },
      { a: 1, b: [1, 2, 3] },
      { a: '1', b: [1, 2] },
      [null, 1],
      [undefined, 1],
      { a: { x: null } },
      { a: { x: 0 } },
      { a: {} },
      { a: [] },
    ];
    for (const x of values)
      for (const y of values)
        expect(sameJson(x, y), `${JSON.stringify(x)} ${JSON.stringify(y)}`).toBe(
          JSON.stringify(x) === JSON.stringify(y),
        );
  });

  it('an edited model differs from the one it was made from, and equals a copy of it', () => {
    const model = chain();
    const edited = setLayerField(model, 0, 'out_channels', 8);
    expect(sameJson(edited, model)).toBe(false);
    expect(sameJson(model, JSON.parse(JSON.stringify(model)))).toBe(true);
    expect(sameJson(setLayerField(edited, 0, 'out_channels', layersOf(model)[0].out_channels), model)).toBe(
      true,
    );
  });
});
