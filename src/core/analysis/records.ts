/** Record sharing between rows: long runs of similar layers keep one record instead of one per row. */
import type { OutputSizeTrace } from '../formulas/output-size';
import type { Shape } from '../model/shape';
import type { LayerAnalysis, OtherOps } from './types';

/**
 * Reuses the last record of a kind when its numbers are the same, so that long runs of similar layers
 * (a repeated block, a 10,000-layer chain) keep one record instead of one per row. A reused record is
 * frozen: rows share it, so nobody may change it.
 */
export class RecordCache<T extends object> {
  /** Per kind, the last record and whether it is frozen yet (asking `Object.isFrozen` each time costs more). */
  private last = new Map<string | number, { rec: T; frozen: boolean }>();
  constructor(private readonly same: (a: T, b: T) => boolean) {}
  get(kind: string | number, rec: T): T {
    const prev = this.last.get(kind);
    if (prev === undefined) {
      this.last.set(kind, { rec, frozen: false });
      return rec;
    }
    if (this.same(prev.rec, rec)) {
      if (!prev.frozen) {
        Object.freeze(prev.rec);
        prev.frozen = true;
      }
      return prev.rec;
    }
    prev.rec = rec;
    prev.frozen = false;
    return rec;
  }
}

export const sameParams = (a: LayerAnalysis['params'], b: LayerAnalysis['params']) =>
  a.weights === b.weights &&
  a.bias === b.bias &&
  a.buffers === b.buffers &&
  a.trainable === b.trainable &&
  a.total === b.total;
export const sameOps = (a: OtherOps, b: OtherOps) =>
  a.bias === b.bias &&
  a.norm === b.norm &&
  a.activation === b.activation &&
  a.pooling === b.pooling &&
  a.elementwise === b.elementwise;
export const sameActivation = (a: LayerAnalysis['activation'], b: LayerAnalysis['activation']) =>
  a.elements === b.elements && a.bytes === b.bytes && a.inplace === b.inplace;
export const sameMemory = (a: LayerAnalysis['memoryAccess'], b: LayerAnalysis['memoryAccess']) =>
  a.inputBytes === b.inputBytes &&
  a.weightBytes === b.weightBytes &&
  a.outputBytes === b.outputBytes &&
  a.totalBytes === b.totalBytes;

export function sameTrace(a: OutputSizeTrace, b: OutputSizeTrace): boolean {
  return (
    a.X === b.X &&
    a.K === b.K &&
    a.Keff === b.Keff &&
    a.P[0] === b.P[0] &&
    a.P[1] === b.P[1] &&
    a.S === b.S &&
    a.d === b.d &&
    a.ceilMode === b.ceilMode &&
    a.numerator === b.numerator &&
    a.exact === b.exact &&
    a.ceilDropped === b.ceilDropped &&
    a.result === b.result &&
    a.transposed === b.transposed
  );
}
type TracePair = [OutputSizeTrace, OutputSizeTrace];
export const sameTraces = (a: TracePair, b: TracePair) => sameTrace(a[0], b[0]) && sameTrace(a[1], b[1]);

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** The receptive-field record frozen last: a run of layers that keep the RF shares it. */
let lastFrozenRf: LayerAnalysis['rf'] | undefined;

/** Freezes a receptive-field record and its pairs before rows share it. */
export function freezeRf(rf: LayerAnalysis['rf']): LayerAnalysis['rf'] {
  if (rf === lastFrozenRf) return rf;
  lastFrozenRf = rf;
  if (!Object.isFrozen(rf)) {
    Object.freeze(rf.size);
    Object.freeze(rf.jump);
    Object.freeze(rf.padding);
    Object.freeze(rf.start);
    Object.freeze(rf);
  }
  return rf;
}
