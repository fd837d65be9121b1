import { analyzeModel, formatCount, getZooModel, listZoo } from '../../core';
import { renderTable } from '../format';
import { type Command, UsageError } from '../io';

/** `convscope zoo`: the built-in models with input, params and MACs. */
export const zoo: Command = async (args, io) => {
  const json = args.includes('--json');
  const extra = args.filter((a) => a !== '--json');
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]} (usage: convscope zoo [--json])`);
  const rows = listZoo().map((z) => {
    const model = getZooModel(z.name);
    if (!model) throw new Error(`zoo entry ${z.name} has no model`);
    const a = analyzeModel(model);
    return { ...z, input: model.input, params: a.totals.params, macs: a.totals.macs };
  });
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(
    renderTable(
      ['name', 'input', 'params', 'MACs', 'title'],
      rows.map((r) => [
        `zoo:${r.name}`,
        r.input.join('×'),
        formatCount(r.params),
        formatCount(r.macs),
        r.title,
      ]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
  );
  io.out('\nAnalyse one with: convscope analyze zoo:NAME');
  return 0;
};
