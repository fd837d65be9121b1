/**
 * docs/onnx.md lists the supported operators from the handler table itself: the block between the
 * markers must equal the table generated from ONNX_HANDLER_FAMILIES (cells compared trimmed, so the
 * formatter's column padding does not matter). `WRITE_DOCS=1 npx vitest run test/core/onnx/docs.test.ts`
 * rewrites the block (then run prettier on docs/onnx.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_OPS } from '../../../src/core/model/types';
import { ONNX_HANDLER_FAMILIES, ONNX_HANDLERS } from '../../../src/core/onnx/handlers';

const DOC = join(__dirname, '../../../docs/onnx.md');
const BEGIN = '<!-- onnx-handlers: generated from ONNX_HANDLERS (test/core/onnx/docs.test.ts) -->';
const END = '<!-- /onnx-handlers -->';

/** The rows of the supported-operator table, one per handler, families in order. */
function generatedRows(): string[][] {
  const rows: string[][] = [];
  for (const { family, handlers } of ONNX_HANDLER_FAMILIES) {
    for (const [op, h] of Object.entries(handlers)) {
      const becomes = h.convert ? h.layers.map((l) => `\`${l}\``).join(', ') || 'no layer' : '—';
      const constants = h.fold ? 'evaluated' : h.fromDims ? 'from the input shape' : '';
      rows.push([family, op, becomes, constants, h.doc]);
    }
  }
  return rows;
}

const HEADER = ['family', 'ONNX op', 'becomes', 'on constants', 'how'];

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

function block(text: string): string[] {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  expect(start, `docs/onnx.md has the marker ${BEGIN}`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text
    .slice(start + BEGIN.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
}

describe('docs/onnx.md', () => {
  it('has the supported-operator table of the handler table, row for row', () => {
    const rows = generatedRows();
    if (process.env.WRITE_DOCS) {
      const text = readFileSync(DOC, 'utf8');
      const table = [HEADER, HEADER.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
      writeFileSync(
        DOC,
        `${text.slice(0, text.indexOf(BEGIN) + BEGIN.length)}\n\n${table}\n\n${text.slice(text.indexOf(END))}`,
      );
    }
    const lines = block(readFileSync(DOC, 'utf8'));
    expect(cells(lines[0])).toEqual(HEADER);
    expect(lines.slice(2).map(cells)).toEqual(rows);
    expect(rows.length).toBe(Object.keys(ONNX_HANDLERS).length);
  });
});

describe('the handler table', () => {
  it('names real layer ops, explains every handler, and does something with each op', () => {
    for (const [op, h] of Object.entries(ONNX_HANDLERS)) {
      for (const l of h.layers) expect(LAYER_OPS, `${op} → ${l}`).toContain(l);
      expect(h.doc.trim().length, op).toBeGreaterThan(10);
      expect(h.doc, `${op}: a table cell cannot hold "|"`).not.toContain('|');
      expect(!!(h.convert || h.fold || h.fromDims), op).toBe(true);
      // A handler that converts must say which layers it can give (or none, for views and aliases).
      if (!h.convert) expect(h.layers, op).toEqual([]);
    }
  });

  it('finds no handler for names of Object.prototype', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(ONNX_HANDLERS[name], name).toBeUndefined();
  });
});
