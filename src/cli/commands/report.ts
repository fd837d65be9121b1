import { jsonText, reportCsv, reportJson } from '../../core/report';
import { buildWorksheet } from '../../core/report/worksheet';
import { worksheetHtml, worksheetMarkdown } from '../../core/report/worksheet-text';
import { type Command, UsageError } from '../io';
import { analyzeLoaded, loadModel } from '../model-input';
import { parseAnalyzeArgs } from './analyze';

const FORMATS = ['md', 'html', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `--format F` (or `--format=F`) taken out of the arguments; the rest are analyze's. */
function takeFormat(args: string[]): { format: Format; rest: string[] } {
  const rest: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      if (format !== undefined) throw new UsageError('--format given twice');
      format = a === '--format' ? args[++i] : a.slice('--format='.length);
      if (!format) throw new UsageError('--format needs a value (md, html, csv or json)');
    } else rest.push(a);
  }
  if (format === undefined) throw new UsageError('--format is required: md, html, csv or json');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be md, html, csv or json, got "${format}"`);
  return { format: format as Format, rest };
}

/**
 * `convscope report MODEL --format md|html|csv|json`: a worksheet-style report on standard output —
 * the assumptions (convention, dtype, what is counted) first, the totals, the per-layer table, the
 * warnings, and in HTML the charts as SVG. Takes analyze's options (--input, --convention, --dtype).
 */
export const report: Command = async (args, io) => {
  const { format, rest } = takeFormat(args);
  if (rest.includes('--json') || rest.includes('--csv'))
    throw new UsageError('use --format json or --format csv (not --json/--csv) with report');
  const { model, input, options } = parseAnalyzeArgs(rest);
  const analysis = /\.onnx$/i.test(model)
    ? (await (await import('../onnx-input')).analyzeOnnxFile(model, io, input, options)).analysis
    : analyzeLoaded(await loadModel(model, io, input), model, options);
  if (format === 'csv') io.out(reportCsv(analysis));
  else if (format === 'json')
    io.out(jsonText({ assumptions: buildWorksheet(analysis, model).assumptions, ...reportJson(analysis) }));
  else if (format === 'md') io.out(worksheetMarkdown(buildWorksheet(analysis, model)));
  else {
    const { worksheetCharts } = await import('../report-charts');
    io.out(worksheetHtml(buildWorksheet(analysis, model), worksheetCharts(analysis)));
  }
  return 0;
};
