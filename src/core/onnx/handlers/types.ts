/**
 * The interface between the conversion driver (`convert/driver.ts`: graph walk, shape bookkeeping,
 * skipped and unsupported lists) and the handlers (one per ONNX op type, grouped by family in this
 * folder). A handler reads attributes with the typed readers of `attrs.ts`, asks the context for the
 * layers behind its inputs, and adds layers or binds its outputs; it declines a node by throwing
 * `Unsupported` (counted, kept as a placeholder when the shape is known) or `Skip`.
 */
import type { LayerOp, LayerSpec } from '../../model/types';
import type { Val } from '../convert/value';
import type { ConstVal } from '../fold/values';
import type { NodeInfo, TensorInfo } from '../read';

/** A layer as a handler writes it: everything but the id and inputs, which the driver assigns. */
export type LayerBody = LayerSpec extends infer L
  ? L extends LayerSpec
    ? Omit<L, 'id' | 'inputs'>
    : never
  : never;

/** The values a node reads, in input order (undefined for an omitted optional input). */
export type Inputs = readonly (Val | undefined)[];

/** Per-import state shared by the handlers of a multi-node pattern, created on first use. */
export interface StateKey<T> {
  readonly name: string;
  create(): T;
}
export const stateKey = <T>(name: string, create: () => T): StateKey<T> => ({ name, create });

/** What a handler may do during one import. */
export interface ConvertContext {
  /** The model's default-domain opset (7–21). */
  readonly opset: number;
  /**
   * The layer holding `v` in the format's layout (a flatten layer is added for a flattened view).
   * Throws `Skip` when there is none (a left-out input, a constant, a layout the format cannot hold).
   */
  layerOf(v: Val | undefined, what?: string): string;
  /** {@link layerOf} with the value's dims (with batch): what a layer reading `v` starts from. */
  input(v: Val | undefined, what?: string): { from: string; dims: number[] };
  /** The dims (with batch) of a layer's output. */
  layerDims(id: string): number[];
  /** Adds a layer made from `node` (id: the node's name + `suffix`, made unique) and returns its id. */
  emit(node: NodeInfo, body: LayerBody, inputs: string[], dims: number[], suffix?: string): string;
  /** Changes a layer added earlier (a MatMul's linear layer gaining the bias of the Add after it). */
  amend(id: string, change: (layer: LayerSpec) => void): void;
  /** Adds a layer whose output is the node's first output. */
  layerOut(node: NodeInfo, body: LayerBody, inputs: string[], dims: number[], suffix?: string): string;
  /** Binds the node's outputs in order (a view, an alias, a layer); outputs not given are not analysed. */
  out(node: NodeInfo, first: Val, ...more: Val[]): void;
  /** Binds the node's first output to a constant. */
  constOut(node: NodeInfo, c: ConstVal): void;
  /**
   * The dims of the node's constant input `index` (a weight, a bias): `Unsupported` when it is computed
   * at run time, an error naming the node and the input (by its role) when its rank is not `rank`.
   */
  weight(node: NodeInfo, ins: Inputs, index: number, rank?: number): number[];
  /** Counts the initializer behind `v` once, as a parameter or a buffer (BatchNorm running statistics). */
  param(v: Val | undefined, kind?: 'param' | 'buffer'): void;
  /** A note on where the model differs in form (not in cost) from the graph; each text once. */
  note(text: string): void;
  /** How many node inputs read the value. */
  consumers(value: string): number;
  /** The node producing a value (undefined for inputs and initializers). */
  producer(value: string): NodeInfo | undefined;
  /** State shared by handlers during this import (e.g. a MatMul waiting for its bias Add). */
  state<T>(key: StateKey<T>): T;
}

/** Evaluates a node on constant inputs; null when it cannot (then the node is a constant computation not evaluated). */
export type Fold = (node: NodeInfo, ins: readonly (ConstVal | undefined)[]) => ConstVal | null;

/** How one ONNX op type is imported. */
export interface OnnxHandler {
  /** The layer ops a node of this type can become; empty when it becomes none (a view, an alias, a constant). */
  readonly layers: readonly LayerOp[];
  /** How it is imported, for docs/onnx.md: what it becomes, under which conditions, and what is unsupported. */
  readonly doc: string;
  /** Converts a node that reads run-time values. Without it, such a node is an unsupported operator. */
  readonly convert?: (node: NodeInfo, ins: Inputs, ctx: ConvertContext) => void;
  /** Evaluates the node when all its inputs are constants (the shape computations of exporters). */
  readonly fold?: Fold;
  /** A constant as soon as its first input's dims are known, whatever its values (Shape, Size). */
  readonly fromDims?: (node: NodeInfo, dims: readonly number[]) => ConstVal;
  /** The initializer a folded output still is (Identity, Cast, Constant), so that it counts once as a parameter. */
  readonly tensorOf?: (node: NodeInfo, input: TensorInfo | undefined) => TensorInfo | undefined;
}
