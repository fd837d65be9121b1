/**
 * The worksheet as Markdown and as a self-contained, printable HTML page (charts given as SVG text,
 * drawn by the caller). The per-layer table keeps the columns a reader checks by hand: id, op, output
 * shape, parameters, MACs, FLOPs, activation memory and the receptive field; the CSV has every column.
 */
import type { Worksheet } from './worksheet';

/** The worksheet's columns of the report table, by header (the headers carry the dtype/convention). */
const SHOWN = /^(id|op|output_shape|params|macs|flops_|activation_bytes_|rf_size_|rf_jump_)/;

function table(ws: Worksheet): { header: string[]; rows: string[][] } {
  const keep = ws.header.map((h) => SHOWN.test(h));
  const pick = <T>(r: T[]) => r.filter((_, i) => keep[i]);
  return {
    header: pick(ws.header),
    rows: ws.rows.map((r) => pick(r).map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c))),
  };
}

/** Markdown text: `|` and line breaks in cells (names from files) are escaped. */
const md = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');

export function worksheetMarkdown(ws: Worksheet): string {
  const t = table(ws);
  const numeric = t.header.map((h) => !/^(id|op|output_shape)$/.test(h));
  return [
    `# ${md(ws.title)}`,
    '',
    `Source: \`${ws.source.replace(/`/g, "'")}\` · input ${ws.input}`,
    '',
    '## Assumptions',
    '',
    ...ws.assumptions.map((a) => `- ${a}`),
    ...(ws.incomplete ? ['', `**${md(ws.incomplete)}**`] : []),
    '',
    '## Totals',
    '',
    '| quantity | value | exact |',
    '| --- | ---: | ---: |',
    ...ws.totals.map((x) => `| ${x.label} | ${x.value} | ${x.exact.toLocaleString('en-US')} |`),
    '',
    '## Per layer',
    '',
    `| ${t.header.join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map((c) => md(String(c))).join(' | ')} |`),
    ...(ws.warnings.length ? ['', '## Warnings', '', ...ws.warnings.map((w) => `- ${md(w)}`)] : []),
    '',
  ].join('\n');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2329; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
.src { color: #5b6472; } .warn { color: #8a1c2b; font-weight: 600; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th, td { border: 1px solid #d0d5dc; padding: 3px 6px; } th { background: #f0f2f5; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f6f7f9; }
figure { margin: 16px 0; } figcaption { font-weight: 600; margin-bottom: 4px; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } figure, table { break-inside: avoid-page; } }
`;

export function worksheetHtml(ws: Worksheet, charts: { title: string; svg: string }[]): string {
  const t = table(ws);
  const numeric = t.header.map((h) => !/^(id|op|output_shape)$/.test(h));
  const cell = (c: string, i: number) => `<td${numeric[i] ? ' class="n"' : ''}>${esc(String(c))}</td>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(ws.title)} — ConvScope report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(ws.title)}</h1>
<p class="src">Source: <code>${esc(ws.source)}</code> · input ${esc(ws.input)}</p>
<h2>Assumptions</h2>
<ul>${ws.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
${ws.incomplete ? `<p class="warn">${esc(ws.incomplete)}</p>` : ''}
<h2>Totals</h2>
<table><thead><tr><th>quantity</th><th>value</th><th>exact</th></tr></thead><tbody>
${ws.totals.map((x) => `<tr><td>${esc(x.label)}</td><td class="n">${esc(x.value)}</td><td class="n">${x.exact.toLocaleString('en-US')}</td></tr>`).join('\n')}
</tbody></table>
${charts.map((c) => `<figure><figcaption>${esc(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}
<h2>Per layer</h2>
<table><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${t.rows.map((r, k) => `<tr${k === t.rows.length - 1 ? ' class="total"' : ''}>${r.map((c, i) => cell(String(c), i)).join('')}</tr>`).join('\n')}
</tbody></table>
${ws.warnings.length ? `<h2>Warnings</h2><ul>${ws.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
</body>
</html>
`;
}
