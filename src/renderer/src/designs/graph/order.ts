import type { graphlib } from '@dagrejs/dagre';

/** Barycentre sweeps (down, up, down, …) tried before the best order seen is kept. */
const SWEEPS = 8;

/** Crossings between two neighbouring ranks: `pairs` [position above, position below] per edge. */
function crossings(pairs: [number, number][]): number {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Inversions among the lower ends (a Fenwick tree over positions).
  const size = pairs.reduce((m, p) => Math.max(m, p[1]), 0) + 1;
  const tree = new Int32Array(size + 1);
  let count = 0;
  for (let k = 0; k < pairs.length; k++) {
    let seen = 0;
    for (let i = pairs[k]![1] + 1; i > 0; i -= i & -i) seen += tree[i]!;
    count += k - seen;
    for (let i = pairs[k]![1] + 1; i <= size; i += i & -i) tree[i]!++;
  }
  return count;
}

/**
 * The order of the boxes within each rank, for dagre's `customOrder` on a large skeleton (dagre's
 * own crossing reduction builds a graph per rank for every sweep, most of its time above a few dozen
 * boxes, and without it dagre keeps its first order, which drifts sideways on a deep graph). Starts
 * from dagre's first order (depth first from the top ranks), then sweeps down and up, sorting each
 * rank by the mean position of its boxes' neighbours in the rank before, and keeps the order with
 * the fewest crossings. `g` is dagre's layout graph: every edge joins neighbouring ranks.
 */
export function sweepOrder(g: graphlib.Graph): void {
  const ids = g.nodes();
  const index = new Map(ids.map((v, i) => [v, i]));
  const rank = ids.map((v) => (g.node(v) as { rank: number }).rank);
  const above = ids.map((v) => (g.predecessors(v) ?? []).map((u) => index.get(String(u))!));
  const below = ids.map((v) => (g.successors(v) ?? []).map((w) => index.get(String(w))!));
  const layers: number[][] = Array.from({ length: Math.max(0, ...rank) + 1 }, () => []);
  const seen = new Uint8Array(ids.length);
  for (const s of ids.map((_, i) => i).sort((a, b) => rank[a]! - rank[b]!)) {
    const stack = [s];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      layers[rank[v]!]!.push(v);
      for (let k = below[v]!.length - 1; k >= 0; k--) stack.push(below[v]![k]!);
    }
  }
  const pos = new Float64Array(ids.length);
  const place = () => layers.forEach((layer) => layer.forEach((v, i) => (pos[v] = i)));
  const total = () => {
    let sum = 0;
    for (let r = 0; r + 1 < layers.length; r++)
      sum += crossings(layers[r]!.flatMap((v) => below[v]!.map((w): [number, number] => [pos[v]!, pos[w]!])));
    return sum;
  };
  place();
  let best = layers.map((l) => [...l]);
  let fewest = total();
  for (let sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
    const down = sweep % 2 === 0;
    const ranks = layers.map((_, r) => r);
    if (!down) ranks.reverse();
    for (const r of ranks.slice(1)) {
      const layer = layers[r]!;
      const key = new Map(
        layer.map((v) => {
          const nb = down ? above[v]! : below[v]!;
          return [v, nb.length > 0 ? nb.reduce((s, u) => s + pos[u]!, 0) / nb.length : pos[v]!];
        }),
      );
      layer.sort((a, b) => key.get(a)! - key.get(b)! || pos[a]! - pos[b]!);
      layer.forEach((v, i) => (pos[v] = i));
    }
    const count = total();
    if (count < fewest) {
      fewest = count;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((layer) => layer.forEach((v, i) => ((g.node(ids[v]!) as { order: number }).order = i)));
}
