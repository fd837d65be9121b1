/**
 * The analysis report, one definition for every front end: the per-layer table rows and their CSV
 * (`convscope analyze --csv` and the Designs page's CSV export, byte for byte), the documented JSON
 * document (`--json`) and the terminal table. Pure TypeScript, like the rest of src/core.
 */
export {
  REPORT_COLUMNS,
  reportHeader,
  reportRows,
  round6,
  shapeText,
  type ReportCell,
  type ReportColumn,
} from './columns';
export { csvField, reportCsv, toCsv } from './csv';
export {
  jsonText,
  reportJson,
  unsupportedOps,
  type AnalysisJson,
  type LayerJson,
  type OpCount,
} from './json';
export { renderTable, reportText, terminalSafe, type Align } from './text';
export { conventionJson, conventionText, trainingJson, trainingText, type ConventionJson } from './extras';
