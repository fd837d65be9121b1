import type { ModelAnalysis } from '../../../core/analysis';

export interface GraphNode {
  id: string;
  op: string;
  /** Column: longest path from the input. */
  x: number;
  /** Row within the column (0 = main line). */
  y: number;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: { source: string; target: string }[];
  /** True when some layer reads more than one input or feeds more than one layer. */
  branching: boolean;
}

/**
 * Places the analysed layers on a grid: a layer's column is one more than its deepest input, so the
 * parallel branches of a block stand side by side in the rows of the same columns.
 */
export function layoutGraph(analysis: ModelAnalysis): GraphLayout {
  const depth = new Map<string, number>([['input', 0]]);
  const rowsUsed = new Map<number, number>();
  const fanOut = new Map<string, number>();
  const nodes: GraphNode[] = [{ id: 'input', op: 'input', x: 0, y: 0 }];
  rowsUsed.set(0, 1);
  const edges: { source: string; target: string }[] = [];
  let branching = false;
  for (const layer of analysis.layers) {
    const d = Math.max(0, ...layer.inputs.map((i) => depth.get(i) ?? 0)) + 1;
    depth.set(layer.id, d);
    const y = rowsUsed.get(d) ?? 0;
    rowsUsed.set(d, y + 1);
    nodes.push({ id: layer.id, op: layer.op, x: d, y });
    if (layer.inputs.length > 1) branching = true;
    for (const source of layer.inputs) {
      edges.push({ source, target: layer.id });
      const n = (fanOut.get(source) ?? 0) + 1;
      fanOut.set(source, n);
      if (n > 1) branching = true;
    }
  }
  return { nodes, edges, branching };
}
