import {
  analyzeModel,
  type AnalysisOptions,
  type Dtype,
  formatBytes,
  formatCount,
  formatInt,
  getZooModel,
  listZoo,
  type ModelAnalysis,
  type ModelSpec,
  type Shape,
  validateModel,
} from '../../core';
import { renderTable, toCsv } from '../format';
import { type CliIO, type Command, UsageError } from '../io';

/**
 * A source of models by file name. JSON and `zoo:NAME` are built in; other formats (e.g. ONNX)
 * register a loader here.
 */
export interface ModelLoader {
  matches(arg: string): boolean;
  load(arg: string, io: CliIO): Promise<unknown>;
}

export const modelLoaders: ModelLoader[] = [];

function positionToLineCol(text: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/**
 * Offset of the first JSON syntax error (an iterative scan, so deep nesting cannot overflow the
 * stack), or -1. Used only to say where JSON.parse failed: its messages do not always carry a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < n && ' \t\n\r'.includes(text[i])) i++;
  };
  // expect: 'value' | 'key' (after '{' or ',') | 'after' (after a value) | 'colon'
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' | 'colon';
  let expect = 'value' as Expect;
  for (;;) {
    ws();
    if (i >= n) return stack.length || expect !== 'after' ? n : -1;
    const ch = text[i];
    if (expect === 'after') {
      if (stack.length === 0) return i;
      const top = stack[stack.length - 1];
      if (ch === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        i++;
        stack.pop();
        expect = 'after';
      } else return i;
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if ((expect === 'key-or-close' && ch === '}') || (expect === 'value-or-close' && ch === ']')) {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    const isKey: boolean = expect === 'key' || expect === 'key-or-close';
    if (isKey && ch !== '"') return i;
    if (ch === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text.charCodeAt(i) < 0x20) return i;
        i++;
      }
      if (i >= n) return n;
      i++;
      expect = isKey ? 'colon' : 'after';
    } else if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
    } else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) return i;
      i += m[0].length;
      expect = 'after';
    }
  }
}

/** Parses JSON text; the error names the file and the line and column where parsing stopped. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const off = jsonErrorOffset(text);
    const where =
      off < 0 ? 'an unknown place' : off >= text.length ? 'the end' : positionToLineCol(text, off);
    const why =
      off >= 0 && off < text.length
        ? `unexpected ${JSON.stringify(text[off])}`
        : off >= text.length
          ? 'unexpected end of input'
          : message;
    throw new UsageError(`${file}: invalid JSON at ${where}: ${why}`);
  }
}

/**
 * Resolves the model argument: `zoo:NAME`, a registered loader's format, or a JSON file.
 * Returns the raw value (validated by the caller) and a label for messages.
 */
export async function loadModelArg(arg: string, io: CliIO): Promise<{ json: unknown; label: string }> {
  if (arg.startsWith('zoo:')) {
    const name = arg.slice(4);
    const model = getZooModel(name);
    if (!model) {
      throw new UsageError(
        `unknown zoo model "${name}" (available: ${listZoo()
          .map((z) => z.name)
          .join(', ')})`,
      );
    }
    return { json: model, label: arg };
  }
  const loader = modelLoaders.find((l) => l.matches(arg));
  if (loader) return { json: await loader.load(arg, io), label: arg };
  if (/\.onnx$/i.test(arg)) throw new UsageError(`${arg}: ONNX models are not supported by this build`);
  const bytes = await io.readFile(arg);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { json: parseJsonText(text.replace(/^\uFEFF/, ''), arg), label: arg };
}

/** Validates and applies an optional input override; the error names the model and the layer. */
export function toModel(json: unknown, label: string, input?: Shape): ModelSpec {
  let value = json;
  if (input && typeof json === 'object' && json !== null && !Array.isArray(json)) value = { ...json, input };
  const v = validateModel(value);
  if (!v.ok) {
    const more =
      v.errors.length > 1
        ? ` (and ${v.errors.length - 1} more problem${v.errors.length > 2 ? 's' : ''})`
        : '';
    throw new UsageError(`${label}: ${v.errors[0].message}${more}`);
  }
  return v.model;
}

export function parseShapeArg(s: string): Shape {
  const parts = s.split(/[x×,]/i).map((p) => p.trim());
  const nums = parts.map(Number);
  if (
    !(nums.length === 1 || nums.length === 3) ||
    nums.some((n, i) => !/^\d+$/.test(parts[i]) || n < 1 || !Number.isSafeInteger(n))
  ) {
    throw new UsageError(`--input must be CxHxW (e.g. 3x224x224) or N, got "${s}"`);
  }
  return nums as Shape;
}

interface AnalyzeArgs {
  model: string;
  input?: Shape;
  options: Partial<AnalysisOptions>;
  output: 'table' | 'json' | 'csv';
}

export function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = { model: '', options: {}, output: 'table' };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--input':
        out.input = parseShapeArg(value());
        break;
      case '--convention': {
        const v = value();
        if (v !== 'macs' && v !== 'flops')
          throw new UsageError(`--convention must be macs or flops, got "${v}"`);
        out.options.convention = v;
        break;
      }
      case '--dtype': {
        const v = value();
        if (v !== 'fp32' && v !== 'fp16' && v !== 'int8')
          throw new UsageError(`--dtype must be fp32, fp16 or int8, got "${v}"`);
        out.options.dtype = v as Dtype;
        break;
      }
      case '--json':
      case '--csv': {
        const kind = flag.slice(2) as 'json' | 'csv';
        if (out.output !== 'table' && out.output !== kind)
          throw new UsageError('--json and --csv cannot be combined');
        out.output = kind;
        break;
      }
      default:
        if (a.startsWith('-'))
          throw new UsageError(
            `unknown option ${flag} (options: --input, --convention, --dtype, --json, --csv)`,
          );
        positional.push(a);
    }
  }
  if (positional.length === 0)
    throw new UsageError('missing model: give a model.json file or zoo:NAME (see convscope zoo)');
  if (positional.length > 1)
    throw new UsageError(`expected one model, got ${positional.length}: ${positional.join(' ')}`);
  out.model = positional[0];
  return out;
}

/** Unsupported operators of the analysed model by name, with counts (most frequent first). */
export function unsupportedOps(a: ModelAnalysis): { op: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of a.layers)
    if (l.unsupported !== undefined) counts.set(l.unsupported, (counts.get(l.unsupported) ?? 0) + 1);
  return [...counts]
    .map(([op, count]) => ({ op, count }))
    .sort((x, y) => y.count - x.count || x.op.localeCompare(y.op));
}

/**
 * The normative `--json` document (see README). A model with `unsupported` layers also gets
 * `"complete": false` and `"unsupported": [{ "op", "count" }]`, and those layers `"unsupported": name`.
 */
export function analysisJson(a: ModelAnalysis): unknown {
  const extra = a.totals.complete ? {} : { complete: false, unsupported: unsupportedOps(a) };
  return {
    model: a.model,
    input: a.input,
    totals: {
      params: a.totals.params,
      trainableParams: a.totals.trainableParams,
      macs: a.totals.macs,
      flops: a.totals.flops,
      activationElements: a.totals.activationElements,
      activationBytes: a.totals.activationBytes,
      memoryAccessBytes: a.totals.memoryAccessBytes,
    },
    layers: a.layers.map((l) => ({
      id: l.id,
      op: l.op,
      inputs: l.inputs,
      outputShape: l.outputShape,
      params: l.params.total,
      macs: l.macs,
      flops: l.flops,
      activationBytes: l.activation.bytes,
      rf: { size: l.rf.size, jump: l.rf.jump, padding: l.rf.padding },
      ...(l.unsupported !== undefined ? { unsupported: l.unsupported } : {}),
    })),
    warnings: a.warnings.map((w) => ({ layerId: w.layerId, kind: w.kind, message: w.message })),
    ...extra,
  };
}

const CSV_HEADER = [
  'id',
  'op',
  'inputs',
  'output_shape',
  'params',
  'trainable_params',
  'macs',
  'flops',
  'activation_elements',
  'activation_bytes',
  'memory_access_bytes',
  'arithmetic_intensity',
  'rf_h',
  'rf_w',
  'jump_h',
  'jump_w',
  'rf_padding_h',
  'rf_padding_w',
];

export function analysisCsv(a: ModelAnalysis): string {
  return toCsv(
    CSV_HEADER,
    a.layers.map((l) => [
      l.id,
      l.op,
      l.inputs.join(' '),
      l.outputShape.join('x'),
      l.params.total,
      l.params.trainable,
      l.macs,
      l.flops,
      l.activation.elements,
      l.activation.bytes,
      l.memoryAccess.totalBytes,
      Number(l.arithmeticIntensity.toPrecision(6)),
      l.rf.size[0],
      l.rf.size[1],
      l.rf.jump[0],
      l.rf.jump[1],
      l.rf.padding[0],
      l.rf.padding[1],
    ]),
  );
}

function rfText(size: [number, number], jump: [number, number]): string {
  const s = size[0] === size[1] ? `${size[0]}` : `${size[0]}×${size[1]}`;
  const j = jump[0] === jump[1] ? `${jump[0]}` : `${jump[0]}×${jump[1]}`;
  return `${s}/${j}`;
}

export function analysisTable(a: ModelAnalysis): string {
  const o = a.options;
  const count = (l: ModelAnalysis['layers'][number], v: number) =>
    l.unsupported !== undefined ? '?' : v ? formatCount(v) : '0';
  const rows = a.layers.map((l) => [
    l.id,
    l.unsupported !== undefined ? `${l.op} (${l.unsupported})` : l.op,
    l.outputShape.join('×'),
    count(l, l.params.total),
    count(l, l.macs),
    count(l, l.flops),
    formatBytes(l.activation.bytes, 'iec'),
    rfText(l.rf.size, l.rf.jump),
  ]);
  const table = renderTable(
    ['id', 'op', 'output', 'params', 'MACs', 'FLOPs', 'activation', 'RF/jump'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const t = a.totals;
  const flopsNote = o.convention === 'flops' ? 'FLOPs = 2 × MACs' : 'FLOPs = MACs (1 MAC = 1 FLOP)';
  const lines = [
    `${a.model}: input ${a.input.join('×')}, output ${a.outputShape.join('×')}, ${a.layers.length} layers, ${o.dtype}`,
    '',
    table,
    '',
    `params       ${formatInt(t.params)} (${formatCount(t.params)}), trainable ${formatInt(t.trainableParams)}, buffers ${formatInt(t.buffers)}`,
    `MACs         ${formatInt(t.macs)} (${formatCount(t.macs)}) — conv and linear only`,
    `FLOPs        ${formatInt(t.flops)} (${formatCount(t.flops)}) — ${flopsNote}`,
    `activations  ${formatInt(t.activationElements)} elements, ${formatBytes(t.activationBytes, 'iec')} (${formatBytes(t.activationBytes, 'si')})`,
    `memory       ${formatBytes(t.memoryAccessBytes, 'iec')} read + written`,
  ];
  if (!t.complete) {
    const ops = unsupportedOps(a).map((o) => `${o.op} ×${o.count}`);
    lines.push(
      `INCOMPLETE   ${t.incomplete.length} layer(s) of unknown cost (${ops.join(', ')}); params, MACs and FLOPs above are lower bounds`,
    );
  }
  if (a.warnings.length) {
    lines.push(
      '',
      `warnings (${a.warnings.length}):`,
      ...a.warnings.map((w) => `  [${w.kind}] ${w.message}`),
    );
  }
  return lines.join('\n');
}

export const analyze: Command = async (args, io) => {
  const parsed = parseAnalyzeArgs(args);
  if (/\.onnx$/i.test(parsed.model)) return analyzeOnnxCommand(parsed, io);
  const { json, label } = await loadModelArg(parsed.model, io);
  const model = toModel(json, label, parsed.input);
  const analysis = analyzeModel(model, parsed.options);
  if (parsed.output === 'json') io.out(JSON.stringify(analysisJson(analysis), null, 2));
  else if (parsed.output === 'csv') io.out(analysisCsv(analysis));
  else io.out(analysisTable(analysis));
  return 0;
};

// --- ONNX import (src/core/onnx) ---------------------------------------------------------------

/**
 * `analyze model.onnx`: the same output as for JSON models, plus the import summary. On the real
 * file system the file is read on demand (weights are skipped, never loaded); injected IO reads it whole.
 */
async function analyzeOnnxCommand(parsed: AnalyzeArgs, io: CliIO): Promise<number> {
  const { analyzeOnnx, chunkedSource, OnnxImportError } = await import('../../core/onnx');
  const { nodeIO } = await import('../main');
  let close = () => {};
  let input: Uint8Array | import('../../core/onnx').ByteSource;
  if (io === nodeIO) {
    const fs = await import('node:fs');
    let fd: number;
    try {
      fd = fs.openSync(parsed.model, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot read ${parsed.model}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`,
      );
    }
    close = () => fs.closeSync(fd);
    const size = fs.fstatSync(fd).size;
    if (fs.fstatSync(fd).isDirectory()) throw new UsageError(`cannot read ${parsed.model}: is a directory`);
    input = chunkedSource(size, (target, position) => fs.readSync(fd, target, 0, target.length, position));
  } else input = await io.readFile(parsed.model);
  try {
    const { imported, analysis } = analyzeOnnx(input, { inputShape: parsed.input, analysis: parsed.options });
    if (parsed.output === 'json') {
      const doc = {
        ...(analysisJson(analysis) as object),
        // The import's lists win: they also count operators whose dependants were left out.
        unsupported: imported.unsupported,
        complete: imported.complete,
        skipped: imported.skipped,
      };
      io.out(JSON.stringify(doc, null, 2));
    } else if (parsed.output === 'csv') io.out(analysisCsv(analysis));
    else {
      const lines = [
        analysisTable(analysis),
        '',
        `ONNX: ${imported.source.nodes} nodes, opset ${imported.source.opset}, ${imported.source.producer || 'unknown producer'}`,
      ];
      lines.push(`ops          ${imported.ops.map((o) => `${o.op} ${o.count}`).join(', ')}`);
      if (!imported.complete) {
        lines.push(
          `unsupported  ${imported.unsupported.map((o) => `${o.op} ×${o.count}`).join(', ') || 'none'}`,
        );
        if (imported.skipped.length)
          lines.push(
            `INCOMPLETE   ${imported.skipped.length} node(s) not analysed; totals above are lower bounds`,
          );
      }
      for (const n of imported.notes) lines.push(`note         ${n}`);
      io.out(lines.join('\n'));
    }
    return 0;
  } catch (error) {
    if (error instanceof OnnxImportError) throw new UsageError(`${parsed.model}: ${error.message}`);
    throw error;
  } finally {
    close();
  }
}
