import { rfIntervals, type RfLayerSpec } from '../../practice/geometry';

/**
 * The exact units one top unit reads in every row of a 1-D stack (valid positions, input first):
 * going down through a layer with kernel K, stride S and dilation d, unit x reads x·S + t·d for
 * t = 0 … K − 1. With repeated dilations these sets have holes inside their hull (`rfIntervals`).
 */
export function rfReadRows(layers: readonly RfLayerSpec[], unit: number): Set<number>[] {
  let cur = new Set([unit]);
  const rows = [cur];
  for (let i = layers.length - 1; i >= 0; i--) {
    const { kernel, stride, dilation } = layers[i]!;
    const next = new Set<number>();
    for (const x of cur) for (let t = 0; t < kernel; t++) next.add(x * stride + t * dilation);
    cur = next;
    rows.unshift(cur);
  }
  return rows;
}

export type RfCellState = 'read' | 'hole' | 'outside';

/** Per row (input first): each unit read by `unit`, inside its hull but not read (a hole), or outside. */
export function rfCellStates(
  layers: readonly RfLayerSpec[],
  sizes: readonly number[],
  unit: number,
): RfCellState[][] {
  const read = rfReadRows(layers, unit);
  const hull = rfIntervals(layers, unit);
  return sizes.map((size, r) =>
    Array.from({ length: size }, (_, u) =>
      read[r]!.has(u) ? 'read' : u >= hull[r]![0] && u <= hull[r]![1] ? 'hole' : 'outside',
    ),
  );
}
