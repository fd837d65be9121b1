/**
 * The series-parallel part of a network laid out by hand: runs of single layers stacked in a column,
 * blocks that split and merge again (a residual block, an Inception module, a U-Net skip) with their
 * branches side by side, and sequences of those; and a chain whose layers are also read further down
 * (a dense block, where each layer reads all before it) as one column with those reads in lanes on the
 * right. What is left once every such block is folded (rare: branches that cross-read each other) is
 * laid out by dagre, each folded block as one box (./placement.ts).
 */

export const NODE_WIDTH = 148;
export const NODE_HEIGHT = 38;
/** Vertical gap between a box and the next one. */
export const GAP = 26;
/** Horizontal gap between branches. */
export const NODE_SEP = 22;
/** Width of the lane on the right of a block where an identity shortcut runs. */
const LANE = 40;
/** Distance between neighbouring lanes of a chain's skipping edges. */
const LANE_STEP = 10;

export interface Point {
  x: number;
  y: number;
}
export interface PlacedEdge {
  source: string;
  target: string;
  /** The routed line from the source box's bottom to the target box's top. */
  points: Point[];
}

/** Where boxes and edges go, filled by {@link Block.place}. */
export interface Sink {
  x: Map<string, number>;
  y: Map<string, number>;
  edges: PlacedEdge[];
}

/**
 * A part of the network with one entry layer (the only one read from outside) and one exit layer
 * (the only one read outside): its extent left and right of its axis (where entry and exit sit), its
 * height, and how to place it with its axis at `ax` and its top at `top`.
 */
export interface Block {
  entry: string;
  exit: string;
  left: number;
  right: number;
  height: number;
  place(sink: Sink, ax: number, top: number): void;
}

const bottomOf = (sink: Sink, id: string): Point => ({
  x: sink.x.get(id)!,
  y: sink.y.get(id)! + NODE_HEIGHT / 2,
});
const topOf = (sink: Sink, id: string): Point => ({
  x: sink.x.get(id)!,
  y: sink.y.get(id)! - NODE_HEIGHT / 2,
});

/** From `a` down to `b`, turning at height `y` (straight when they are one above the other). */
function bend(a: Point, b: Point, y: number): Point[] {
  return Math.abs(a.x - b.x) < 0.5 ? [a, b] : [a, { x: a.x, y }, { x: b.x, y }, b];
}

/**
 * From `a` down to height `out`, across to a lane at `x`, down it to height `into`, across to above `b`
 * and down to `b`. Two more points close to the lane's corners keep the smoothed line (edgePath)
 * turning there, instead of cutting across the boxes beside the lane.
 */
function laneRoute(a: Point, b: Point, x: number, out: number, into: number): Point[] {
  const r = Math.min(6, (into - out) / 2);
  return [
    a,
    { x: a.x, y: out },
    { x, y: out },
    { x, y: out + r },
    { x, y: into - r },
    { x, y: into },
    { x: b.x, y: into },
    b,
  ];
}

/** Layers that each read the previous one only, which feeds only them: one column. */
export function runBlock(ids: readonly string[]): Block {
  return {
    entry: ids[0]!,
    exit: ids[ids.length - 1]!,
    left: NODE_WIDTH / 2,
    right: NODE_WIDTH / 2,
    height: ids.length * NODE_HEIGHT + (ids.length - 1) * GAP,
    place(sink, ax, top) {
      ids.forEach((id, i) => {
        sink.x.set(id, ax);
        sink.y.set(id, top + NODE_HEIGHT / 2 + i * (NODE_HEIGHT + GAP));
        if (i > 0)
          sink.edges.push({
            source: ids[i - 1]!,
            target: id,
            points: [bottomOf(sink, ids[i - 1]!), topOf(sink, id)],
          });
      });
    },
  };
}

/** Blocks one below the other, on one axis. */
export function seriesBlock(parts: readonly Block[]): Block {
  return {
    entry: parts[0]!.entry,
    exit: parts[parts.length - 1]!.exit,
    left: Math.max(...parts.map((p) => p.left)),
    right: Math.max(...parts.map((p) => p.right)),
    height: parts.reduce((h, p) => h + p.height, 0) + (parts.length - 1) * GAP,
    place(sink, ax, top) {
      let y = top;
      parts.forEach((p, i) => {
        p.place(sink, ax, y);
        y += p.height + GAP;
        if (i > 0) {
          const prev = parts[i - 1]!.exit;
          sink.edges.push({
            source: prev,
            target: p.entry,
            points: [bottomOf(sink, prev), topOf(sink, p.entry)],
          });
        }
      });
    },
  };
}

/**
 * `split`, then `branches` side by side, each read from `split` and read by `merge`, then `merge`; with
 * `shortcut`, `merge` also reads `split` directly (an identity shortcut), drawn in a lane on the right.
 */
export function splitBlock(split: Block, branches: readonly Block[], merge: Block, shortcut: boolean): Block {
  const axes: number[] = [];
  let cursor = 0;
  for (const b of branches) {
    axes.push(cursor + b.left);
    cursor += b.left + b.right + NODE_SEP;
  }
  const spanEnd = cursor - NODE_SEP + (shortcut ? LANE : 0);
  const lane = cursor - NODE_SEP + LANE / 2;
  const axis = (axes[0]! + axes[axes.length - 1]!) / 2;
  const inner = Math.max(...branches.map((b) => b.height));
  return {
    entry: split.entry,
    exit: merge.exit,
    left: Math.max(split.left, merge.left, axis),
    right: Math.max(split.right, merge.right, spanEnd - axis),
    height: split.height + merge.height + inner + 2 * GAP,
    place(sink, ax, top) {
      split.place(sink, ax, top);
      const branchTop = top + split.height + GAP;
      const mergeTop = branchTop + inner + GAP;
      merge.place(sink, ax, mergeTop);
      const from = bottomOf(sink, split.exit);
      const to = topOf(sink, merge.entry);
      branches.forEach((b, i) => {
        b.place(sink, ax - axis + axes[i]!, branchTop);
        sink.edges.push({
          source: split.exit,
          target: b.entry,
          points: bend(from, topOf(sink, b.entry), branchTop - GAP / 2),
        });
        sink.edges.push({
          source: b.exit,
          target: merge.entry,
          points: bend(bottomOf(sink, b.exit), to, mergeTop - GAP / 2),
        });
      });
      if (shortcut) {
        const points = laneRoute(from, to, ax - axis + lane, branchTop - GAP / 2, mergeTop - GAP / 2);
        sink.edges.push({ source: split.exit, target: merge.entry, points });
      }
    },
  };
}

/**
 * `parts` one below the other on one axis, each reading the one above, plus `skips`: part `from` also
 * read by part `to` further down (`to > from + 1`). The reads of one part run down one lane on the
 * right of the column (leaving it a third of a gap below the part, reaching each reader a third of a
 * gap above it), so the lanes of a dense block are one per part, not one per edge; lanes whose spans
 * do not overlap share an x.
 */
export function chainBlock(parts: readonly Block[], skips: readonly { from: number; to: number }[]): Block {
  const last = new Map<number, number>();
  for (const { from, to } of skips) last.set(from, Math.max(to, last.get(from) ?? 0));
  // Greedy interval colouring: a lane is free again once the previous bus has reached its last reader.
  const laneOf = new Map<number, number>();
  const freeFrom: number[] = [];
  for (const from of [...last.keys()].sort((a, b) => a - b)) {
    let lane = freeFrom.findIndex((end) => end <= from);
    if (lane < 0) lane = freeFrom.push(0) - 1;
    freeFrom[lane] = last.get(from)!;
    laneOf.set(from, lane);
  }
  const series = seriesBlock(parts);
  const lanes = freeFrom.length;
  return {
    entry: series.entry,
    exit: series.exit,
    left: series.left,
    right: series.right + (lanes > 0 ? LANE + (lanes - 1) * LANE_STEP : 0),
    height: series.height,
    place(sink, ax, top) {
      series.place(sink, ax, top);
      for (const { from, to } of skips) {
        const x = ax + series.right + LANE / 2 + laneOf.get(from)! * LANE_STEP;
        const a = bottomOf(sink, parts[from]!.exit);
        const b = topOf(sink, parts[to]!.entry);
        sink.edges.push({
          source: parts[from]!.exit,
          target: parts[to]!.entry,
          points: laneRoute(a, b, x, a.y + GAP / 3, b.y - GAP / 3),
        });
      }
    },
  };
}

/**
 * Folds a graph of blocks (`succs[i]`: the blocks block i feeds) as far as it goes: a block feeding
 * only one that reads only it joins it in series; a block whose readers each feed only one common
 * block (which reads nothing else, and maybe the splitting block itself) becomes one split block.
 * Returns the blocks left and their edges.
 */
export function foldBlocks(blocks: Block[], succs: Set<number>[]): { blocks: Block[]; succs: Set<number>[] } {
  const preds = blocks.map(() => new Set<number>());
  succs.forEach((out, i) => out.forEach((j) => preds[j]!.add(i)));
  const alive = new Set(blocks.map((_, i) => i));
  /** Replaces the blocks `gone` by `block`, read by `ins` and feeding `outs`. */
  const replace = (gone: number[], block: Block, ins: Set<number>, outs: Set<number>) => {
    const k = blocks.length;
    blocks.push(block);
    for (const g of gone) alive.delete(g);
    const goneSet = new Set(gone);
    const inSet = new Set([...ins].filter((i) => !goneSet.has(i)));
    const outSet = new Set([...outs].filter((o) => !goneSet.has(o)));
    preds.push(inSet);
    succs.push(outSet);
    for (const i of inSet) {
      for (const g of gone) succs[i]!.delete(g);
      succs[i]!.add(k);
    }
    for (const o of outSet) {
      for (const g of gone) preds[o]!.delete(g);
      preds[o]!.add(k);
    }
    alive.add(k);
  };
  const only = (s: Set<number>) => (s.size === 1 ? s.values().next().value! : -1);
  /**
   * The longest chain from `s` (each block read by the next; a block's readers all further down the
   * chain; nothing but `s` read from outside, nothing but the last block read outside), as blocks in
   * order, or null when there is none of three blocks or more. The next block is the one reader of the
   * last whose inputs are all in the chain already; two such readers (parallel branches) end the chain.
   */
  const chainFrom = (s: number): number[] | null => {
    const chain = [s];
    const inChain = new Set(chain);
    let leaving = succs[s]!.size; // edges from the chain to blocks outside it
    let best = 0;
    for (;;) {
      let next = -1;
      for (const x of succs[chain[chain.length - 1]!]!) {
        if (![...preds[x]!].every((p) => inChain.has(p))) continue;
        if (next >= 0) return best >= 3 ? chain.slice(0, best) : null;
        next = x;
      }
      if (next < 0) break;
      chain.push(next);
      inChain.add(next);
      leaving += succs[next]!.size - preds[next]!.size;
      if (leaving === succs[next]!.size) best = chain.length;
    }
    return best >= 3 ? chain.slice(0, best) : null;
  };
  /** Folds the first chain found, trying the blocks in topological order; false when there is none. */
  const foldChain = (): boolean => {
    const waiting = new Map([...alive].map((i) => [i, preds[i]!.size]));
    const queue = [...alive].filter((i) => waiting.get(i) === 0);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const chain = chainFrom(s);
      if (chain) {
        const position = new Map(chain.map((b, k) => [b, k]));
        const skips = chain.flatMap((b, from) =>
          [...succs[b]!].map((x) => ({ from, to: position.get(x) ?? -1 })).filter(({ to }) => to > from + 1),
        );
        const block = chainBlock(
          chain.map((b) => blocks[b]!),
          skips,
        );
        replace(chain, block, preds[s]!, succs[chain[chain.length - 1]!]!);
        return true;
      }
      for (const x of succs[s]!) {
        const left = waiting.get(x)! - 1;
        waiting.set(x, left);
        if (left === 0) queue.push(x);
      }
    }
    return false;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of [...alive]) {
      if (!alive.has(a)) continue;
      const b = only(succs[a]!);
      if (b >= 0 && preds[b]!.size === 1) {
        replace([a, b], seriesBlock([blocks[a]!, blocks[b]!]), preds[a]!, succs[b]!);
        changed = true;
        continue;
      }
      if (succs[a]!.size < 2) continue;
      const targets = new Set<number>();
      const branches: number[] = [];
      for (const x of succs[a]!) {
        const t = only(succs[x]!);
        if (preds[x]!.size === 1 && t >= 0) {
          branches.push(x);
          targets.add(t);
        } else targets.add(x); // the merge itself, read directly
      }
      const merge = only(targets);
      if (merge < 0 || branches.length === 0) continue;
      const shortcut = succs[a]!.has(merge);
      const expected = new Set([...branches, ...(shortcut ? [a] : [])]);
      if (preds[merge]!.size !== expected.size || [...preds[merge]!].some((p) => !expected.has(p))) continue;
      const block = splitBlock(
        blocks[a]!,
        branches.map((x) => blocks[x]!),
        blocks[merge]!,
        shortcut,
      );
      replace([a, ...branches, merge], block, preds[a]!, succs[merge]!);
      changed = true;
    }
    if (!changed) changed = foldChain();
  }
  const order = [...alive].sort((x, y) => x - y);
  const index = new Map(order.map((i, k) => [i, k]));
  return {
    blocks: order.map((i) => blocks[i]!),
    succs: order.map((i) => new Set([...succs[i]!].map((j) => index.get(j)!))),
  };
}
