/**
 * Pairs the layers of two designs: first by name — the same id, or the same module path (an ONNX
 * node name PyTorch wrote, `/layer2/layer2.0/downsample/downsample.0/Conv`, is the module
 * `layer2.0.downsample.0`) — then, between two pairs found by name, by position — the longest common subsequence of ops first (so that one inserted layer
 * does not shift every later pair), then what is left in order. Layers left over are added/removed.
 */

export interface Alignable {
  id: string;
  op: string;
}

/** [index in A, index in B]; -1 on one side for a removed (B -1) or added (A -1) layer. */
export type Pair = [number, number];

/** Beyond this many cells a gap is paired in order (the op-LCS table would be too large). */
const LCS_CELLS = 4_000_000;

/**
 * The module path a layer id names: an ONNX node path `/a/a.0/conv1/Conv` → `a.0.conv1` (each
 * segment extends or replaces the dotted path, the op type at the end dropped); a repeated call's
 * suffix (`relu#1`, `relu_1`) is written one way.
 */
export function moduleKey(id: string): string {
  let path = id;
  if (id.startsWith('/')) {
    const segments = id.split('/').filter(Boolean).slice(0, -1);
    const parts: string[] = [];
    for (const seg of segments) {
      const dotted = parts.join('.');
      if (parts.length && (seg.startsWith(`${dotted}.`) || seg.startsWith(`${parts.at(-1)}.`))) {
        const tail = seg.startsWith(`${dotted}.`)
          ? seg.slice(dotted.length + 1)
          : seg.slice(parts.at(-1)!.length + 1);
        parts[parts.length - 1] = `${parts.at(-1)}.${tail}`;
      } else parts.push(seg);
    }
    path = parts.join('.');
  }
  return path.replace(/[#_](\d+)$/, '_$1');
}

export function alignLayers(a: readonly Alignable[], b: readonly Alignable[]): Pair[] {
  const byId = new Map<string, number>();
  const byKey = new Map<string, number>();
  b.forEach((l, j) => {
    byId.set(l.id, j);
    const k = moduleKey(l.id);
    // An ambiguous module path pairs nothing.
    byKey.set(k, byKey.has(k) ? -1 : j);
  });
  // Pairs by name and op, in any order (branches of a graph may be evaluated in either order).
  const pairs: Pair[] = [];
  const takenB = new Uint8Array(b.length);
  const restA: number[] = [];
  a.forEach((l, i) => {
    const k = byKey.get(moduleKey(l.id));
    const j = byId.get(l.id) ?? (k !== undefined && k >= 0 ? k : undefined);
    // A name on a layer of another op (features.19 is a ReLU in VGG-11, a conv in VGG-16) pairs nothing.
    if (j !== undefined && !takenB[j] && b[j].op === l.op) {
      takenB[j] = 1;
      pairs.push([i, j]);
    } else restA.push(i);
  });
  const restB = b.map((_, j) => j).filter((j) => !takenB[j]);
  // The rest by position: op-LCS over the unpaired layers of each side, in their order.
  const ra = restA.map((i) => a[i]);
  const rb = restB.map((j) => b[j]);
  for (const [x, y] of alignGap(ra, rb, 0, ra.length, 0, rb.length))
    pairs.push([x < 0 ? -1 : restA[x], y < 0 ? -1 : restB[y]]);
  return inOrder(pairs, b.length);
}

/**
 * Rows in A's order; a layer only in B goes right after the row holding the B layer before it (at
 * the top when it is B's first).
 */
function inOrder(pairs: Pair[], nb: number): Pair[] {
  const aOfB = new Int32Array(nb).fill(-1);
  for (const [i, j] of pairs) if (j >= 0) aOfB[j] = i;
  // A B-only layer ranks with the nearest earlier B layer that has an A side (-1: none), after it.
  const rankOfB = new Float64Array(nb);
  let last = -1;
  for (let j = 0; j < nb; j++) {
    if (aOfB[j] >= 0) last = aOfB[j];
    rankOfB[j] = aOfB[j] >= 0 ? aOfB[j] : last + 0.5;
  }
  const rank = ([i, j]: Pair) => (i >= 0 ? i : rankOfB[j]);
  return [...pairs].sort((x, y) => rank(x) - rank(y) || x[1] - y[1]);
}

/** Pairs a[i0, i1) with b[j0, j1): op-LCS matches, leftovers between them in order. */
function alignGap(
  a: readonly Alignable[],
  b: readonly Alignable[],
  i0: number,
  i1: number,
  j0: number,
  j1: number,
): Pair[] {
  const n = i1 - i0;
  const m = j1 - j0;
  const matches: Pair[] = [];
  if (n > 0 && m > 0 && n * m <= LCS_CELLS) {
    // Suffix LCS lengths: L[i][j] = LCS of a[i0+i..] and b[j0+j..].
    const L = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number) => i * (m + 1) + j;
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[at(i, j)] =
          a[i0 + i].op === b[j0 + j].op
            ? L[at(i + 1, j + 1)] + 1
            : Math.max(L[at(i + 1, j)], L[at(i, j + 1)]);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[i0 + i].op === b[j0 + j].op && L[at(i, j)] === L[at(i + 1, j + 1)] + 1) {
        matches.push([i0 + i, j0 + j]);
        i++;
        j++;
      } else if (L[at(i + 1, j)] >= L[at(i, j + 1)]) i++;
      else j++;
    }
  }
  const out: Pair[] = [];
  let i = i0;
  let j = j0;
  for (const [mi, mj] of [...matches, [i1, j1] as Pair]) {
    // Between two matches: pair in order, then the rest of the longer side is removed or added.
    while (i < mi && j < mj) out.push([i++, j++]);
    while (i < mi) out.push([i++, -1]);
    while (j < mj) out.push([-1, j++]);
    if (mi < i1) out.push([mi, mj]);
    i = mi + 1;
    j = mj + 1;
  }
  return out;
}
