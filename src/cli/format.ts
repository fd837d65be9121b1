/**
 * Plain-text tables for terminal output. The one implementation is the report module's, which also
 * makes every cell safe to print (escape codes, NUL, CR and direction marks shown as escapes).
 */
export { renderTable, type Align } from '../core/report';
