import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { warningText } from '../../../src/core/analysis/warning-messages';
import { analyzeOnnx, OnnxImportError } from '../../../src/core/onnx';
import { onnx } from '../../../src/core/onnx/proto/onnx';

const DIR = join(__dirname, '../../fixtures/onnx');
const load = (name: string) => new Uint8Array(readFileSync(join(DIR, `${name}.onnx`)));

/** Either a result or one OnnxImportError with a one-line message; anything else is a crash. */
function outcome(bytes: Uint8Array): 'ok' | 'error' {
  try {
    analyzeOnnx(bytes);
    return 'ok';
  } catch (e) {
    if (!(e instanceof OnnxImportError)) throw new Error(`crash: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message.length).toBeGreaterThan(5);
    return 'error';
  }
}

function expectError(bytes: Uint8Array, pattern: RegExp): void {
  let err: unknown;
  try {
    analyzeOnnx(bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(OnnxImportError);
  expect((err as Error).message).toMatch(pattern);
  // The English is the code's template filled in, so the UI can say the same in its own language.
  const note = (err as OnnxImportError).note;
  expect(warningText(note)).toBe((err as Error).message);
}

/** A small valid model built with the generated encoder, for targeted corruptions. */
function model(p: {
  nodes?: onnx.NodeProto.$Properties[];
  inits?: onnx.TensorProto.$Properties[];
  input?: (number | string)[];
  ir?: number;
  opset?: number;
}): Uint8Array {
  const dims = (p.input ?? [1, 3, 8, 8]).map((d) =>
    typeof d === 'number' ? { dimValue: d } : { dimParam: d },
  );
  const m = {
    irVersion: p.ir ?? 8,
    opsetImport: [{ domain: '', version: p.opset ?? 13 }],
    producerName: 'test',
    graph: {
      name: 'g',
      node: p.nodes ?? [{ opType: 'Conv', input: ['x', 'w'], output: ['y'], name: 'conv' }],
      initializer: p.inits ?? [
        { name: 'w', dims: [4, 3, 3, 3], dataType: 1, rawData: new Uint8Array(4 * 108) },
      ],
      input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: dims } } } }],
      output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
    },
  };
  return onnx.ModelProto.encode(m as onnx.ModelProto.$Properties).finish();
}

const utf8 = (s: string) => new TextEncoder().encode(s);
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
/** One length-delimited protobuf field. */
function field(num: number, body: Uint8Array): Uint8Array {
  const head: number[] = [(num << 3) | 2];
  let n = body.length;
  while (n >= 0x80) {
    head.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  head.push(n);
  return concat(new Uint8Array(head), body);
}

describe('bad files: one clear error, no crash, no hang', () => {
  it('the test builder makes a valid model', () => {
    expect(analyzeOnnx(model({})).analysis.totals.macs).toBe(6 * 6 * 4 * 27);
  });

  it('zero bytes', () => expectError(new Uint8Array(0), /^the file is empty$/));

  it('every truncation of a real export', () => {
    const bytes = load('residual');
    let errors = 0;
    for (let n = 1; n < bytes.length; n++) if (outcome(bytes.subarray(0, n)) === 'error') errors++;
    // Cutting inside the graph always loses its end; only cuts at field boundaries near the end may parse.
    expect(errors).toBeGreaterThan(bytes.length * 0.9);
  });

  it('random bytes and other file types', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 200; i++) {
      const b = new Uint8Array(1 + Math.floor(rnd() * 4000)).map(() => Math.floor(rnd() * 256));
      outcome(b);
    }
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expectError(png, /not (a valid )?ONNX|truncated/);
    expectError(new TextEncoder().encode('{"format":"convscope-model","version":1,"layers":[]}'), /ONNX/);
    expectError(new TextEncoder().encode('PK\u0003\u0004 zip archive'), /ONNX/);
    expectError(new TextEncoder().encode('%PDF-1.7\n'), /ONNX/);
  });

  it('deeply nested: group tags, nested subgraphs, nested sequence types', () => {
    const groups = new Uint8Array(1_000_000).fill(0x3b); // field 7, wire type 3 (start group), a million deep
    expectError(groups, /ONNX/);
    // A node whose attribute holds a graph whose node holds a graph … 5,000 levels, and an input
    // type that is a sequence of a sequence of … 3,000 levels (encoded by hand: the encoder refuses).
    let g: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 5000; i++) g = field(1, field(5, concat(field(1, utf8('g')), field(6, g))));
    const nestedGraphs = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
    }).finish();
    outcome(concat(nestedGraphs, field(7, g)));
    let t: Uint8Array = field(1, new Uint8Array([0x08, 0x01]));
    for (let i = 0; i < 3000; i++) t = field(4, field(1, t));
    const head = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
    }).finish();
    const bytes = concat(head, field(7, field(11, concat(field(1, utf8('x')), field(2, t)))));
    expectError(bytes, /input|ONNX/);
  });

  it('a cyclic graph', () => {
    const nodes = [
      { opType: 'Relu', input: ['b'], output: ['a'], name: 'r1' },
      { opType: 'Relu', input: ['a'], output: ['b'], name: 'r2' },
      { opType: 'Add', input: ['x', 'b'], output: ['y'], name: 'add' },
    ];
    expectError(model({ nodes, inits: [] }), /cycle/);
  });

  it('dangling inputs and values produced twice', () => {
    expectError(
      model({ nodes: [{ opType: 'Relu', input: ['nothing'], output: ['y'], name: 'r' }], inits: [] }),
      /reads "nothing"/,
    );
    const twice = [
      { opType: 'Relu', input: ['x'], output: ['y'], name: 'r1' },
      { opType: 'Relu', input: ['x'], output: ['y'], name: 'r2' },
    ];
    expectError(model({ nodes: twice, inits: [] }), /produced twice/);
  });

  it('huge dims', () => {
    expectError(model({ input: [1, 3, 2 ** 40, 8] }), /too large|outside|2\^/);
    expectError(
      model({ inits: [{ name: 'w', dims: [2 ** 50, 3, 3, 3], dataType: 1 }] }),
      /dimension|too large/,
    );
    const reshape = [{ opType: 'Reshape', input: ['x', 's'], output: ['y'], name: 'reshape' }];
    const inits = [{ name: 's', dims: [2], dataType: 7, int64Data: [1, 2 ** 45] }];
    expectError(model({ nodes: reshape, inits }), /shape|dimension/);
  });

  it('malformed attributes', () => {
    const conv = (attribute: onnx.AttributeProto.$Properties[]) =>
      model({ nodes: [{ opType: 'Conv', input: ['x', 'w'], output: ['y'], name: 'conv', attribute }] });
    expectError(conv([{ name: 'kernel_shape', type: 1, f: 3 }]), /kernel_shape.*integers/);
    expectError(conv([{ name: 'pads', type: 7, ints: [1, 1] }]), /pads/);
    expectError(conv([{ name: 'strides', type: 7, ints: [0, 0] }]), /strides/);
    expectError(conv([{ name: 'group', type: 2, i: 0 }]), /group/);
    expectError(conv([{ name: 'auto_pad', type: 3, s: new TextEncoder().encode('SIDEWAYS') }]), /auto_pad/);
    expectError(conv([{ name: 'kernel_shape', type: 7, ints: [5, 5] }]), /kernel_shape/);
  });

  it('a node whose shapes do not fit says what is wrong by code, with the shapes as parameters', () => {
    const bytes = model({
      inits: [{ name: 'w', dims: [4, 5, 3, 3], dataType: 1, rawData: new Uint8Array(4 * 180) }],
    });
    expectError(bytes, /^node "conv" \(Conv\): weight \[4, 5, 3, 3\]/);
    let err: OnnxImportError | undefined;
    try {
      analyzeOnnx(bytes);
    } catch (e) {
      err = e as OnnxImportError;
    }
    expect(err?.note.code).toBe('onnx-node');
    const detail = err?.note.params.text as { code: string; params: Record<string, unknown> };
    expect(detail.code).toBe('onnx-conv-group');
    expect(detail.params).toEqual({ dims: '[4, 5, 3, 3]', group: '1', channels: 3 });
  });

  it('a malformed attribute names what it must be and what it is by code', () => {
    const bytes = model({
      nodes: [
        {
          opType: 'Conv',
          input: ['x', 'w'],
          output: ['y'],
          name: 'conv',
          attribute: [{ name: 'kernel_shape', type: 1, f: 3 }],
        },
      ],
    });
    let err: OnnxImportError | undefined;
    try {
      analyzeOnnx(bytes);
    } catch (e) {
      err = e as OnnxImportError;
    }
    const detail = err?.note.params.text as { code: string; params: Record<string, { code: string }> };
    expect(detail.code).toBe('onnx-attr-is');
    expect(detail.params.expected.code).toBe('onnx-expect-ints');
    expect(detail.params.actual.code).toBe('onnx-is-float');
  });

  it('unsupported versions', () => {
    expectError(model({ ir: 2 }), /IR version 2/);
    expectError(model({ ir: 99 }), /IR version 99/);
    expectError(model({ opset: 6 }), /opset 6/);
  });
});

describe('mutation fuzzing', () => {
  it('thousands of mutated fixtures: each ends in a result or one OnnxImportError', () => {
    const bases = [
      'plain',
      'residual',
      'inception',
      'depthwise',
      'misc',
      'opset20_shapes',
      'gelu_erf',
      'unsupported',
    ].map(load);
    let seed = 12345;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = (n: number) => Math.floor(rnd() * n);
    const counts = { ok: 0, error: 0 };
    let slowest = 0;
    const CASES = 3000;
    for (let i = 0; i < CASES; i++) {
      const base = bases[i % bases.length];
      const b = base.slice();
      const kind = pick(5);
      let bytes: Uint8Array = b;
      const edits = 1 + pick(4);
      for (let e = 0; e < edits; e++) {
        const at = pick(b.length);
        if (kind === 0) b[at] ^= 1 << pick(8);
        else if (kind === 1) b[at] = pick(256);
        else if (kind === 2) b[at] = [0x00, 0x7f, 0x80, 0xff, 0x08, 0x0a][pick(6)];
        else if (kind === 3) bytes = b.subarray(0, at);
        else {
          // Splice a chunk from elsewhere (duplicated or shifted fields).
          const from = pick(b.length);
          const len = 1 + pick(64);
          b.copyWithin(at, from, Math.min(from + len, b.length));
        }
      }
      const t0 = performance.now();
      counts[outcome(bytes)]++;
      slowest = Math.max(slowest, performance.now() - t0);
    }
    expect(counts.ok + counts.error).toBe(CASES);
    expect(counts.error).toBeGreaterThan(0);
    expect(counts.ok).toBeGreaterThan(0);
    console.info(
      `mutation fuzz: ${counts.ok} analysed, ${counts.error} rejected, slowest case ${slowest.toFixed(1)} ms`,
    );
  }, 30_000);
});
