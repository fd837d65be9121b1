import { formatBytes, formatInt } from '../../core';
import { type DesignDiff, diffDesigns, type DiffRow } from '../../core/diff';
import { jsonText } from '../../core/report';
import { parseFlags } from '../flags';
import { renderTable } from '../format';
import { type Command, UsageError } from '../io';
import { analyzeLoaded, loadAnyModel } from '../model-input';
import { parseShapeArg } from './analyze';

const USAGE =
  'usage: convscope diff <A> <B> [--input CxHxW] [--all] [--json]   (A, B: model.json, model.onnx or zoo:NAME)';
const VALUE_FLAGS: ReadonlySet<string> = new Set(['--input']);

const MARK: Record<DiffRow['status'], string> = { same: '=', changed: '~', added: '+', removed: '-' };
const BYTES = new Set(['activationBytes', 'memoryAccessBytes']);
const fmt = (key: string, v: number) => (BYTES.has(key) ? formatBytes(v) : formatInt(v));
const signed = (key: string, v: number) => (v > 0 ? '+' : v < 0 ? '−' : '') + fmt(key, Math.abs(v));
const value = (v: unknown) => (v === null ? 'default' : JSON.stringify(v));

/** What changed in a paired row: attributes, then the output shape. */
function changes(r: DiffRow): string {
  const parts = r.attrs.map((c) => `${c.key} ${value(c.a)}→${value(c.b)}`);
  if (r.a && r.b && r.shapeChanged)
    parts.push(`shape ${r.a.outputShape.join('×')}→${r.b.outputShape.join('×')}`);
  return parts.join(', ');
}

function text(d: DesignDiff, all: boolean): string {
  const totals = renderTable(
    ['', `A ${d.a.name}`, `B ${d.b.name}`, 'B − A'],
    d.totals.map((t) => [t.key, fmt(t.key, t.a), fmt(t.key, t.b), signed(t.key, t.delta)]),
    ['left', 'right', 'right', 'right'],
  );
  const rows = d.rows.filter((r) => all || r.status !== 'same');
  const delta = (r: DiffRow, key: 'params' | 'macs') =>
    signed(key, r.figures.find((f) => f.key === key)!.delta);
  const layers = renderTable(
    ['', 'A layer', 'B layer', 'op', 'what changed', 'Δ params', 'Δ MACs'],
    rows.map((r) => [
      MARK[r.status],
      r.a?.id ?? '',
      r.b?.id ?? '',
      r.a && r.b && r.a.op !== r.b.op ? `${r.a.op}→${r.b.op}` : (r.a ?? r.b)!.op,
      changes(r),
      delta(r, 'params'),
      delta(r, 'macs'),
    ]),
    ['left', 'left', 'left', 'left', 'left', 'right', 'right'],
  );
  const c = d.counts;
  return [
    totals,
    '',
    `layers: ${c.same} same, ${c.changed} changed, ${c.added} added (+), ${c.removed} removed (-)` +
      (all ? '' : '; unchanged layers hidden (--all shows them)'),
    ...(rows.length ? ['', layers] : []),
  ].join('\n');
}

/**
 * `convscope diff A B`: two designs (files, zoo models or ONNX files) compared layer by layer — paired
 * by id or module path, then by position — with the changed attributes and B − A of every figure.
 */
export const diff: Command = async (args, io) => {
  const positional: string[] = [];
  const flagArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) positional.push(args[i]);
    else {
      flagArgs.push(args[i]);
      if (VALUE_FLAGS.has(args[i]) && i + 1 < args.length) flagArgs.push(args[++i]);
    }
  }
  const flags = parseFlags(flagArgs, VALUE_FLAGS, new Set(['--json', '--all']), USAGE);
  if (positional.length !== 2) throw new UsageError(USAGE);
  const inputText = flags.values.get('--input');
  const input = inputText ? parseShapeArg(inputText) : undefined;
  const [a, b] = await Promise.all(positional.map((p) => loadAnyModel(p, io, input)));
  // A design that does not analyse is reported by its argument and layer.
  analyzeLoaded(a, positional[0], {});
  analyzeLoaded(b, positional[1], {});
  const d = diffDesigns(a, b);
  io.out(flags.bools.has('--json') ? jsonText(d) : text(d, flags.bools.has('--all')));
  return 0;
};
