/**
 * A design as a self-contained PyTorch file: one `nn.Module` whose `__init__` builds each layer the
 * operator registry maps to torch.nn and whose `forward` follows the graph in evaluation order, with
 * each layer's output shape (ConvScope's analysis, batch first) as a comment. Layers are written by
 * their registry entry's `pytorch` mapping; a layer without one is listed in `unsupported`, named in
 * the file's header and raises NotImplementedError where it would run: it is never dropped silently.
 */
import { analyzeModel } from '../analysis/analyze';
import { OPERATOR_BY_OP, type PytorchHelper } from '../analysis/ops';
import type { LayerSpec, ModelSpec, Shape } from '../model/types';
import { PYTORCH_HELPERS } from './pytorch-prelude';

export interface PytorchExport {
  /** The Python source. */
  code: string;
  /** The class name (`Net` unless the design's name makes a better one). */
  className: string;
  /** Layers with no PyTorch equivalent, with the reason; the file raises at each. */
  unsupported: { id: string; op: string; reason: string }[];
  /** ConvScope layer id → the Python name of its module attribute and variable. */
  names: Record<string, string>;
}

/** Thrown by `convscope export` and the Designs page when a design has layers the export cannot write. */
export class PytorchExportError extends Error {
  constructor(readonly unsupported: PytorchExport['unsupported']) {
    super(
      `cannot export to PyTorch: ${unsupported
        .map((u) => `layer "${u.id}" (${u.op}): ${u.reason}`)
        .join('; ')}`,
    );
    this.name = 'PytorchExportError';
  }
}

const PY_RESERVED = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield ' +
    'x self torch nn operator super print input'
  ).split(' '),
);

/** Unique Python identifiers for the layer ids: `layer1.0.conv1` → `layer1_0_conv1`. */
function pythonNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `l_${base}`;
    if (PY_RESERVED.has(base)) base = `${base}_`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}

/** A Python class name from the design's name: "VGG-16 baseline" → `Vgg16Baseline`. */
function className(name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  const camel = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[A-Za-z]/.test(camel) ? camel : 'Net';
}

const batched = (s: Shape) => `[N, ${s.join(', ')}]`;
const pyString = (s: string) => JSON.stringify(s);

/**
 * The design as PyTorch source. The model must be valid (analyzeModel throws otherwise). Modules are
 * built in evaluation order, so parameter names follow the layer ids.
 */
export function exportPytorch(model: ModelSpec): PytorchExport {
  const analysis = analyzeModel(model);
  const specs = new Map<string, LayerSpec>(model.layers.map((l) => [l.id, l]));
  const names = pythonNames(analysis.layers.map((r) => r.id));
  const varOf = (id: string) => (id === 'input' ? 'x' : (names.get(id) as string));
  const init: string[] = [];
  const forward: string[] = [];
  const helpers = new Set<PytorchHelper>();
  const unsupported: PytorchExport['unsupported'] = [];

  for (const row of analysis.layers) {
    const layer = specs.get(row.id) as LayerSpec;
    const name = names.get(row.id) as string;
    const args = row.inputs.map(varOf);
    const mapping = OPERATOR_BY_OP[layer.op].pytorch;
    let written: ReturnType<Extract<typeof mapping, { to: unknown }>['to']> | null = null;
    let reason = '';
    if ('none' in mapping) reason = mapping.none;
    else {
      try {
        written = mapping.to(layer as never, row.inputShapes);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
    }
    const shapeNote = `  # ${batched(row.outputShape)}`;
    if (!written) {
      unsupported.push({ id: row.id, op: layer.op, reason });
      forward.push(
        `        raise NotImplementedError(${pyString(`layer ${row.id} (${layer.op}): ${reason}`)})`,
      );
      continue;
    }
    if ('module' in written) {
      init.push(`        self.${name} = ${written.module}`);
      if (layer.trainable === false) init.push(`        self.${name}.requires_grad_(False)`);
      for (const h of written.helpers ?? []) helpers.add(h);
      forward.push(`        ${name} = self.${name}(${args.join(', ')})${shapeNote}`);
    } else {
      forward.push(`        ${name} = ${written.expr(args)}${shapeNote}`);
    }
  }

  // A model whose input is read by an embedding takes token ids: an int64 tensor below the vocabulary size.
  const vocab = analysis.layers
    .filter((r) => r.op === 'embedding' && r.inputs.includes('input'))
    .map((r) => (specs.get(r.id) as Extract<LayerSpec, { op: 'embedding' }>).num_embeddings);
  const ids = vocab.length ? Math.min(...vocab) : 0;
  const example = ids ? 'torch.randint(INPUT_IDS, INPUT_SHAPE)' : 'torch.randn(*INPUT_SHAPE)';
  const last = analysis.layers.at(-1);
  const cls = className(model.name);
  const lines: string[] = [
    `"""${model.name.replace(/"""/g, "'''").replace(/[\r\n]+/g, ' ')}: exported by ConvScope.`,
    '',
    `Input ${batched(model.input)} (ConvScope analyses one sample; N is the batch).`,
    `${analysis.totals.params.toLocaleString('en-US')} parameters, ${analysis.totals.macs.toLocaleString('en-US')} multiply-accumulates per sample.`,
    "Each line of forward() carries the layer's output shape from ConvScope's analysis.",
    ...(unsupported.length
      ? [
          '',
          'NOT EXPORTED (forward raises NotImplementedError there):',
          ...unsupported.map((u) => `  ${u.id} (${u.op}): ${u.reason}`),
        ]
      : []),
    '"""',
    ...(helpers.has('WithConstant') ? ['import operator', ''] : []),
    'import torch',
    'from torch import nn',
    '',
    '',
    ...[...helpers].sort().flatMap((h) => [PYTORCH_HELPERS[h], '', '']),
    `class ${cls}(nn.Module):`,
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length ? init : ['        pass']),
    '',
    '    def forward(self, x, return_all=False):',
    '        """The output of the last layer; with return_all, every layer\'s output by ConvScope id."""',
    ...forward,
    '        if return_all:',
    '            return {',
    ...analysis.layers.map((r) => `                ${pyString(r.id)}: ${varOf(r.id)},`),
    '            }',
    `        return ${last ? varOf(last.id) : 'x'}`,
    '',
    '',
    `INPUT_SHAPE = (1, ${model.input.join(', ')})`,
    ...(ids ? [`INPUT_IDS = ${ids}  # the input is token ids in [0, INPUT_IDS)`] : []),
    '',
    '',
    'if __name__ == "__main__":',
    `    model = ${cls}().eval()`,
    '    with torch.no_grad():',
    `        y = model(${example})`,
    '    print("output", tuple(y.shape))',
    '    print("parameters", sum(p.numel() for p in model.parameters()))',
    '',
  ];
  return {
    code: lines.join('\n'),
    className: cls,
    unsupported,
    names: Object.fromEntries(names),
  };
}
