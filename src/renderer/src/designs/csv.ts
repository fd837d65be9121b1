/**
 * The Designs page's "per-layer table as CSV": the report module's CSV, byte for byte what
 * `convscope analyze --csv` prints for the same analysis (same columns, units and rounding).
 */
export { reportCsv as analysisCsv } from '../../../core/report';
