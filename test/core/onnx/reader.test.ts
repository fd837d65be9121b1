/**
 * The reader: the generated protobuf code is left as generated (the skipping decoders are in place
 * only during one decode), tensor data is located, never decoded, and int64 values are read signed.
 */
import { describe, expect, it, vi } from 'vitest';
import { importOnnx, OnnxImportError, readOnnx, tensorValues } from '../../../src/core/onnx';
import { onnx } from '../../../src/core/onnx/proto/onnx';
import { Cursor } from '../../../src/core/onnx/read/cursor';
import { withSkippingDecoders } from '../../../src/core/onnx/read';
import { memorySource } from '../../../src/core/onnx/source';
import { writeOnnxModel } from '../../helpers/onnx-writer';

const tensorBytes = () =>
  onnx.TensorProto.encode({ name: 't', dims: [3], dataType: 1, floatData: [1, 2, 3] }).finish();

/** A one-Conv model with the given pieces changed, encoded with the generated code. */
function convModel(p: { initDims?: (number | string)[]; input?: number[]; ir?: number }): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: p.ir ?? 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'g',
      node: [{ opType: 'Conv', input: ['x', 'w'], output: ['y'], name: 'conv' }],
      initializer: [{ name: 'w', dims: p.initDims ?? [4, 3, 3, 3], dataType: 1 }],
      input: [
        {
          name: 'x',
          type: {
            tensorType: {
              elemType: 1,
              shape: { dim: (p.input ?? [1, 3, 8, 8]).map((d) => ({ dimValue: d })) },
            },
          },
        },
      ],
      output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
    },
  } as onnx.ModelProto.$Properties).finish();
}

function message(bytes: Uint8Array): string {
  try {
    importOnnx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(OnnxImportError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('the generated protobuf code', () => {
  it('is not changed by loading the reader: it decodes a TensorProto with its values', () => {
    // The reader module is loaded (imported above); the generated decoder must still be the generated one.
    const t = onnx.TensorProto.decode(tensorBytes());
    expect(t).toBeInstanceOf(onnx.TensorProto);
    expect(t.floatData).toEqual([1, 2, 3]);
  });

  it('withSkippingDecoders: tensors are located, not read, and the generated decoders come back', () => {
    const generated = onnx.TensorProto.decode;
    const inside = withSkippingDecoders(() => onnx.TensorProto.decode(tensorBytes())) as unknown as {
      dims: number[];
      data: { field: number; length: number };
    };
    expect(inside).not.toBeInstanceOf(onnx.TensorProto);
    expect(inside.dims).toEqual([3]);
    // float_data is field 4, packed: 3 × 4 bytes, located by offset.
    expect(inside.data).toMatchObject({ field: 4, length: 12 });
    expect(onnx.TensorProto.decode).toBe(generated);
    expect(() =>
      withSkippingDecoders(() => {
        throw new Error('decode failed');
      }),
    ).toThrow('decode failed');
    expect(onnx.TensorProto.decode).toBe(generated);
  });

  it('a Constant node holding a large tensor: its values are located, not decoded', () => {
    const info = readOnnx(constantModel(300_000));
    const attr = info.nodes[0].attrs.get('value');
    expect(attr?.type).toBe('tensor');
    const t = attr?.type === 'tensor' ? attr.value : null;
    expect(t?.dims).toEqual([300_000]);
    expect(t?.data?.length).toBe(4 * 300_000);
    expect(Object.values(t ?? {}).some((v) => Array.isArray(v) && v.length === 300_000)).toBe(false);
    // Beyond the limit for shape tensors its values are never decoded.
    expect(tensorValues(t!)).toBeNull();
  });

  it('still skips when a second copy of the generated module took over the shared protobufjs root', async () => {
    vi.resetModules();
    const copy = await import('../../../src/core/onnx/proto/onnx');
    expect(copy.onnx).not.toBe(onnx);
    const t = readOnnx(constantModel(10)).nodes[0].attrs.get('value');
    expect(t?.type === 'tensor' && t.value.data).toMatchObject({ field: 4, length: 40 });
  });
});

/** A model whose one node is a Constant holding n floats in float_data. */
function constantModel(n: number): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'g',
      node: [
        {
          opType: 'Constant',
          output: ['w'],
          name: 'const',
          attribute: [
            { name: 'value', type: 4, t: { dims: [n], dataType: 1, floatData: new Array(n).fill(0.5) } },
          ],
        },
      ],
      input: [
        {
          name: 'x',
          type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 1 }, { dimValue: 4 }] } } },
        },
      ],
    },
  }).finish();
}

describe('int64 values are read signed, and messages show the real value', () => {
  it('Cursor.int64 reads ten-byte negative numbers and keeps values beyond 2^53 exact', () => {
    const values = [
      0,
      1,
      300,
      2 ** 53 - 1,
      -1,
      -3,
      '9223372036854775807',
      '-9223372036854775808',
      '1152921504606846977',
    ];
    // protobufjs takes int64 values beyond 2^53 as decimal strings.
    const bytes = onnx.TensorProto.encode({ dims: values as unknown as number[] }).finish();
    const c = new Cursor(memorySource(bytes), 0, bytes.length);
    // dims is field 1, unpacked (proto2): a tag before each value.
    const read = values.map(() => {
      expect(c.tag()).toEqual([1, 0]);
      return c.int64();
    });
    expect(read).toEqual([
      0,
      1,
      300,
      2 ** 53 - 1,
      -1,
      -3,
      9223372036854775807n,
      -9223372036854775808n,
      1152921504606846977n,
    ]);
  });

  it('an initializer dimension of −3 says −3, not 18446744073709552000', () => {
    const m = message(convModel({ initDims: [-3, 3, 3, 3] }));
    expect(m).toBe('tensor "w" has a negative dimension (-3)');
    expect(message(convModel({ initDims: ['1152921504606846977', 3, 3, 3] }))).toBe(
      'tensor "w" has a dimension of 1152921504606846977, more than 2⁴⁰',
    );
  });

  it('a negative IR version and a negative input dimension are named as they are', () => {
    expect(message(convModel({ ir: -3 }))).toBe('ONNX IR version -3 is not supported (IR 3–10 are)');
    expect(message(convModel({ input: [1, 3, -3, 8] }))).toBe(
      'input dimension #2 is -3 in "x", not a size: give the input shape',
    );
    // With the shape given, the unknown dimension is filled in.
    expect(importOnnx(convModel({ input: [1, 3, -1, 8] }), { inputShape: [3, 8, 8] }).model.input).toEqual([
      3, 8, 8,
    ]);
  });

  it('an opset version beyond 2^53 is shown as approximate', () => {
    const bytes = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: '9223372036854775807' as unknown as number }],
      graph: { name: 'g', input: [{ name: 'x', type: { tensorType: { elemType: 1 } } }] },
    }).finish();
    expect(message(bytes)).toBe('ONNX opset about 9.22 × 10¹⁸ is not supported (opsets 7–21 are)');
  });

  it('an int64 attribute beyond 2^53 is shown as approximate, never as a made-up exact number', () => {
    const bytes = writeOnnxModel({
      input: [3, 8, 8],
      nodes: [
        { opType: 'Conv', attrs: { group: 2 ** 62 }, consts: [{ dims: [4, 3, 3, 3], dataType: 'float' }] },
      ],
    });
    expect(message(bytes)).toBe(
      'node "Conv_0" (Conv): weight [4, 3, 3, 3] with group about 4.61 × 10¹⁸ does not fit 3 input channels',
    );
  });
});
