/** The model graph: ids, input references and an evaluation order (iterative: no stack for long chains). */
import { INPUT_ID, type LayerSpec, type ModelIssue } from '../model/types';

export interface Graph {
  /** Layer indices in evaluation (topological) order. */
  order: number[] | Int32Array;
  /** Per layer, the indices of the layers it reads (-1: the model input). */
  inputsOf: number[][];
  /** Per layer, the ids it reads (as written, or the implicit previous layer). */
  inputIds: string[][];
}

/**
 * Resolves ids and inputs (unknown inputs, duplicate or reserved ids) and orders the layers: the
 * list order when it is already topological (the usual case), else Kahn's algorithm; a cycle is
 * reported with its path. Returns null after adding issues.
 */
export function resolveGraph(layers: readonly LayerSpec[], issues: ModelIssue[]): Graph | null {
  const n = layers.length;
  // --- ids and inputs ---
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = layers[i].id;
    if (id === INPUT_ID) {
      issues.push({
        layerId: id,
        path: `layers[${i}].id`,
        message: `layer ${i}: the id "input" is reserved for the model input`,
      });
      continue;
    }
    const prev = index.get(id);
    if (prev !== undefined) {
      issues.push({
        layerId: id,
        path: `layers[${i}].id`,
        message: `layer "${id}": duplicate id (also used by layer ${prev})`,
      });
    } else index.set(id, i);
  }
  const inputsOf: number[][] = new Array(n);
  const inputIds: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const l = layers[i];
    const ids = l.inputs ?? [i === 0 ? INPUT_ID : layers[i - 1].id];
    if (ids.length === 0) {
      issues.push({
        layerId: l.id,
        path: `layers[${i}].inputs`,
        message: `layer "${l.id}": inputs must not be empty`,
      });
    }
    const idx: number[] = new Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const ref = ids[k];
      if (ref === INPUT_ID) idx[k] = -1;
      else if (l.inputs === undefined) idx[k] = i - 1;
      else {
        const j = index.get(ref);
        if (j === undefined) {
          issues.push({
            layerId: l.id,
            path: `layers[${i}].inputs[${k}]`,
            message: `layer "${l.id}": unknown input "${ref}"`,
          });
          idx[k] = -2;
        } else idx[k] = j;
      }
    }
    inputsOf[i] = idx;
    inputIds[i] = ids;
  }
  if (issues.length) return null;
  // --- order: the list order when it is already topological (the usual case), else Kahn's algorithm ---
  let order: number[] | Int32Array = [];
  let sorted = true;
  for (let i = 0; i < n && sorted; i++) for (const j of inputsOf[i]) if (j >= i) sorted = false;
  if (sorted) {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    const indeg = new Int32Array(n);
    const users: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      for (const j of inputsOf[i]) {
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
        cur = inputsOf[cur].find((j) => j >= 0 && indeg[j] > 0) as number;
      }
      const loop = path.slice(seenAt.get(cur)).reverse();
      // Start the loop at the layer listed first, so the message reads in file order.
      const at = loop.indexOf(Math.min(...loop));
      const cycle = [...loop.slice(at), ...loop.slice(0, at)];
      const names = [...cycle, cycle[0]].map((i) => layers[i].id).join(' → ');
      const first = layers[cycle[0]].id;
      issues.push({
        layerId: first,
        path: `layers[${cycle[0]}].inputs`,
        message: `layer "${first}": the graph has a cycle (${names})`,
      });
      return null;
    }
    order = queue;
  }
  return { order, inputsOf, inputIds };
}
