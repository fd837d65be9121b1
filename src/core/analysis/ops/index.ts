/**
 * The operator registry: every layer op of the model format, each defined once in the module of its
 * family. The model schema, the analysis engine, the Designs editor, the ONNX importer's docs, the
 * CLI (`convscope ops`) and the tests read this list. docs/architecture.md says how to add one.
 */
import * as activation from './activation';
import * as attention from './attention';
import * as conv from './conv';
import * as elementwise from './elementwise';
import * as linear from './linear';
import * as norm from './norm';
import * as pool from './pool';
import * as recurrent from './recurrent';
import * as resize from './resize';
import * as sequence from './sequence';
import * as structure from './structure';
import type { OperatorDef } from './types';

/** Every operator, in the order menus and listings show them. */
export const OPERATORS = [
  conv.conv2d,
  conv.convTranspose2d,
  pool.maxpool2d,
  pool.avgpool2d,
  pool.adaptiveAvgpool2d,
  pool.globalAvgpool,
  linear.linear,
  structure.flatten,
  norm.batchnorm,
  norm.layernorm,
  structure.dropout,
  activation.relu,
  activation.relu6,
  activation.leakyRelu,
  activation.elu,
  activation.gelu,
  activation.silu,
  activation.sigmoid,
  activation.tanh,
  activation.hardswish,
  activation.hardsigmoid,
  activation.softmax,
  activation.clamp,
  elementwise.add,
  elementwise.mul,
  elementwise.sub,
  elementwise.div,
  structure.concat,
  resize.upsample,
  resize.pad,
  sequence.tokens,
  sequence.classToken,
  sequence.posEmbedding,
  sequence.selectToken,
  sequence.embedding,
  attention.matmul,
  attention.attention,
  recurrent.lstm,
  recurrent.gru,
  structure.identity,
  structure.unsupported,
] as const;

type Entry = (typeof OPERATORS)[number];
/** A layer of the model format: the union of every operator's layer type. */
export type RegisteredLayer = Entry extends infer E
  ? E extends { compute(l: infer L, ...r: never[]): unknown }
    ? L
    : never
  : never;
export type RegisteredOp = Entry['op'];

/** One registry entry, whatever its op (for code that handles every operator alike). */
export type AnyOperator = OperatorDef<RegisteredLayer>;

/** Op → entry. */
export const OPERATOR_BY_OP: Readonly<Record<RegisteredOp, AnyOperator>> = Object.freeze(
  Object.fromEntries(OPERATORS.map((o) => [o.op, o])) as Record<RegisteredOp, AnyOperator>,
);

/** The entry of an op name, or undefined for a name that is no operator. */
export function operatorOf(op: unknown): AnyOperator | undefined {
  const k = operatorNumber(op);
  return k < 0 ? undefined : (OPERATORS[k] as AnyOperator);
}

/**
 * The position of an op name in {@link OPERATORS} (-1: no operator): the engine asks once per layer
 * and indexes its per-op tables by it, instead of looking the name up in each.
 */
export function operatorNumber(op: unknown): number {
  return typeof op === 'string' ? (BY_NAME.get(op) ?? -1) : -1;
}
/** Op → position as a Map: a Map lookup is the cheapest way from a name. */
const BY_NAME: ReadonlyMap<string, number> = new Map(OPERATORS.map((o, k) => [o.op, k]));

export type {
  AttrSpec,
  FieldKind,
  FieldSpec,
  OnnxMapping,
  OperatorDef,
  OpFamily,
  OpInputs,
  OpResult,
  PytorchHelper,
  PytorchMapping,
  Rf2,
} from './types';
export type { OnnxNodeSketch } from './onnx-sketch';
export { ShapeError, shapeError, fieldNote, numel, shapeText, toPair } from './shape-math';
