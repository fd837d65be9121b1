/** The model graph: ids, input references and an evaluation order (iterative: no stack for long chains). */
import { issueOf } from '../model/issue';
import { INPUT_ID, type LayerSpec, type ModelIssue } from '../model/types';
import { errorNote } from './warning-messages';
import { IdIndex } from './id-index';

export interface Graph {
  /** Layer indices in evaluation (topological) order; null when that is the list order (the usual case). */
  order: Int32Array | null;
  /**
   * The layers each layer reads, flat: layer `i` reads `sources[start[i]]` … `sources[start[i + 1] - 1]`
   * (-1: the model input). Two typed arrays instead of one array per layer: nothing per layer for the
   * garbage collector to copy and trace in a 300,000-layer model.
   */
  start: Int32Array;
  sources: Int32Array;
  /** No layer lists its inputs: each reads the one before it (the first reads the model input). */
  chain: boolean;
}

/**
 * What the graph's rows need once the walk is over: copies of {@link Graph.start} and
 * {@link Graph.sources} (the graph's own are scratch memory, reused by the next resolve), or null
 * when each layer reads the one before it.
 */
export function keptInputs(g: Graph): { start: Int32Array; sources: Int32Array } | null {
  return g.chain ? null : { start: copyOf(g.start), sources: copyOf(g.sources) };
}

/**
 * The memory of a resolve, kept from one to the next (resolves do not overlap): which layers list
 * their inputs, and the inputs. Fresh megabytes for each large model cost more than the resolve
 * itself (page faults, and external memory that starts full collections of the live model).
 */
let explicitPool = new Uint8Array(0);
let startPool = new Int32Array(0);
let sourcesPool = new Int32Array(0);

/**
 * Resolves ids and inputs (unknown inputs, duplicate or reserved ids) and orders the layers: the
 * list order when it is already topological (the usual case), else Kahn's algorithm; a cycle is
 * reported with its path. Returns null after adding issues.
 */
export function resolveGraph(layers: readonly LayerSpec[], issues: ModelIssue[]): Graph | null {
  const n = layers.length;
  // --- ids and inputs ---
  const index = new IdIndex(layers);
  if (explicitPool.length < n) explicitPool = new Uint8Array(n);
  const explicit = explicitPool;
  const dup = index.addAll(INPUT_ID, explicit);
  // The id issues in list order; only a layer with an issue is read again.
  for (let i = 0; i < n; i++) {
    if (dup[i] === -1) continue;
    const id = layers[i].id;
    if (dup[i] === -2) {
      const text = errorNote('reserved-id', {});
      issues.push(issueOf(`layers[${i}].id`, errorNote('layer-index', { index: i, text }), id));
    } else {
      issues.push(issueOf(`layers[${i}].id`, errorNote('duplicate-id', { index: dup[i] }), id));
    }
  }
  // Inputs, in one pass over the layers: `sources` grows when layers read several inputs.
  if (startPool.length < n + 1) startPool = new Int32Array(n + 1);
  if (sourcesPool.length < n) sourcesPool = new Int32Array(n);
  const start = startPool.subarray(0, n + 1);
  let sources = sourcesPool;
  let m = 0;
  let chain = true;
  /** Whether the list order is topological (the usual case): each layer reads earlier ones only. */
  let sorted = true;
  for (let i = 0; i < n; i++) {
    // A layer without `inputs` reads the previous one; its object is not read again here.
    if (explicit[i] === 0) {
      if (m === sources.length) sources = sourcesPool = grow(sources, m + 1);
      sources[m++] = i - 1;
      start[i + 1] = m;
      continue;
    }
    chain = false;
    const l = layers[i];
    const refs = l.inputs as string[];
    if (refs.length === 0) {
      issues.push(issueOf(`layers[${i}].inputs`, errorNote('empty-inputs', {}), l.id));
    }
    if (m + refs.length > sources.length) sources = sourcesPool = grow(sources, m + refs.length);
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k];
      let j = -1;
      if (ref !== INPUT_ID) {
        const at = index.get(ref);
        if (at === undefined) {
          const n = errorNote('unknown-input', { input: ref });
          issues.push(issueOf(`layers[${i}].inputs[${k}]`, n, l.id));
          j = -2;
        } else j = at;
      }
      if (j >= i) sorted = false;
      sources[m++] = j;
    }
    start[i + 1] = m;
  }
  if (issues.length) return null;
  // --- order: the list order when it is already topological, else Kahn's algorithm ---
  let order: Int32Array | null = null;
  if (!sorted) {
    const indeg = new Int32Array(n);
    const users: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      for (let t = start[i]; t < start[i + 1]; t++) {
        const j = sources[t];
        if (j >= 0) {
          indeg[i]++;
          users[j].push(i);
        }
      }
    }
    const queue: number[] = [];
    for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
    for (let q = 0; q < queue.length; q++) {
      for (const u of users[queue[q]]) if (--indeg[u] === 0) queue.push(u);
    }
    if (queue.length < n) {
      // Walk backwards through unfinished inputs until a layer repeats: that loop is a cycle.
      let cur = 0;
      while (indeg[cur] === 0) cur++;
      const seenAt = new Map<number, number>();
      const path: number[] = [];
      while (!seenAt.has(cur)) {
        seenAt.set(cur, path.length);
        path.push(cur);
        let next = -1;
        for (let t = start[cur]; t < start[cur + 1] && next < 0; t++) {
          const j = sources[t];
          if (j >= 0 && indeg[j] > 0) next = j;
        }
        cur = next;
      }
      const loop = path.slice(seenAt.get(cur)).reverse();
      // Start the loop at the layer listed first, so the message reads in file order.
      const at = loop.indexOf(Math.min(...loop));
      const cycle = [...loop.slice(at), ...loop.slice(0, at)];
      const names = [...cycle, cycle[0]].map((i) => layers[i].id).join(' → ');
      const first = layers[cycle[0]].id;
      issues.push(issueOf(`layers[${cycle[0]}].inputs`, errorNote('cycle', { path: names }), first));
      return null;
    }
    order = Int32Array.from(queue);
  }
  return { order, start, sources: sources.subarray(0, m), chain };
}

/** A copy of `a` with room for at least `need` entries. */
function grow(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/** A copy of `a` (a loop: cheaper than `slice` on the few hundred numbers of a usual model). */
function copyOf(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length);
  for (let k = 0; k < a.length; k++) b[k] = a[k];
  return b;
}
