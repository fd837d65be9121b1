import { operatorCatalog, type OperatorInfo } from '../../core/analysis/ops/catalog';
import { renderTable } from '../format';
import { type Command, UsageError } from '../io';

function block(o: OperatorInfo): string {
  const head = `${o.op} (${o.family}, ${o.inputs === 'one' ? 'one input' : 'one or more inputs'}): ${o.summary}`;
  const attrs = o.attributes.length
    ? renderTable(
        ['attribute', 'type', 'default', 'range'],
        o.attributes.map((a) => [
          a.required ? `${a.name} *` : a.name,
          a.options ? a.options.join(' | ') : a.type,
          a.default === undefined ? '(required)' : String(a.default),
          [a.range, a.unit].filter(Boolean).join(', '),
        ]),
        ['left', 'left', 'left', 'left'],
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')
    : '  no attributes';
  const onnx = 'from' in o.onnx ? `ONNX: ${o.onnx.from.join(', ')}` : `ONNX: none (${o.onnx.none})`;
  return [head, attrs, `  template: ${JSON.stringify(o.template)}`, `  ${onnx}`].join('\n');
}

/** `convscope ops`: every layer operator with its attributes (name, type, default, range) and template. */
export const ops: Command = async (args, io) => {
  const json = args.includes('--json');
  const extra = args.filter((a) => a !== '--json');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]} (usage: convscope ops [--json])`);
  const catalog = operatorCatalog();
  if (json) io.out(JSON.stringify(catalog, null, 2));
  else {
    io.out(catalog.map(block).join('\n\n'));
    io.out(`\n${catalog.length} operators; * marks a required attribute.`);
  }
  return 0;
};
