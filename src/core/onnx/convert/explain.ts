/** What the import summary explains beyond the counts: nodes left out, grouped, and folded BatchNorm. */
import type { OnnxModelInfo, TensorInfo } from '../read';
import type { FoldedBatchNorm, LeftOutCause, LeftOutGroup, SkippedNode } from './types';
import type { SkipCause } from './value';

/**
 * The skipped nodes grouped by where the trouble starts: each node whose cause is not `depends` heads
 * a group, and every node that depends on it follows as a dependant (in graph order).
 */
export function leftOutGroups(skipped: readonly SkippedNode[], causes: readonly SkipCause[]): LeftOutGroup[] {
  const groups = new Map<number, LeftOutGroup>();
  skipped.forEach((s, i) => {
    const cause = causes[i];
    if (cause.kind === 'depends') {
      groups.get(cause.root)?.dependants.push({ node: s.node, op: s.op });
    } else groups.set(i, { node: s.node, op: s.op, cause: cause as LeftOutCause, dependants: [] });
  });
  return [...groups.values()];
}

/** Names PyTorch gives the constants it computes while exporting (`onnx::Conv_193`; a bare number before 1.12). */
const COMPUTED_BY_EXPORTER = /^(onnx::Conv_\d+|\d+)$/;

/**
 * Convolutions of a PyTorch export whose weight and bias the exporter computed rather than took from
 * the module's parameters: that is how an eval-mode export folds the BatchNorm after a convolution.
 * The names are those the convolution reads (PyTorch shares equal constants, e.g. the zero biases of
 * an untrained model, through Identity nodes named the same way). Only convolutions in the model
 * count (`inModel` tells the weights read by a layer).
 */
export function foldedBatchNorm(
  info: OnnxModelInfo,
  inModel: (t: TensorInfo) => boolean,
): FoldedBatchNorm | null {
  if (info.producerName !== 'pytorch') return null;
  const inits = new Map(info.initializers.map((t) => [t.name, t]));
  const identityOf = new Map(
    info.nodes.filter((n) => n.opType === 'Identity' && n.outputs[0]).map((n) => [n.outputs[0], n.inputs[0]]),
  );
  const initializer = (name: string) => {
    // Through a chain of Identity nodes (bounded: a cycle is refused before this runs).
    for (let k = 0; k <= identityOf.size && !inits.has(name) && identityOf.has(name); k++)
      name = identityOf.get(name) as string;
    return inits.get(name);
  };
  let convs = 0;
  let channels = 0;
  for (const n of info.nodes) {
    if (n.opType !== 'Conv' || (n.domain !== '' && n.domain !== 'ai.onnx')) continue;
    const [, w, b] = n.inputs;
    if (!w || !b || !COMPUTED_BY_EXPORTER.test(w) || !COMPUTED_BY_EXPORTER.test(b)) continue;
    const weight = initializer(w);
    if (!weight || !initializer(b) || !inModel(weight)) continue;
    convs++;
    channels += weight.dims[0] ?? 0;
  }
  return convs ? { convs, channels } : null;
}
