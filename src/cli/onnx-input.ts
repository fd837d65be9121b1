/**
 * `analyze model.onnx`: loaded only for .onnx input, so that other commands never load the ONNX
 * reader and protobufjs.
 */
import type { AnalysisOptions, ModelAnalysis, ModelSpec, Shape } from '../core';
import {
  analyzeOnnx,
  type ByteSource,
  chunkedSource,
  importOnnx,
  type OnnxImport,
  OnnxImportError,
} from '../core/onnx';
import { terminalSafe } from '../core/report';
import { type CliIO, UsageError } from './io';

/**
 * Reads, converts and analyses an ONNX file, with what the import adds to the `--json` document and
 * the summary printed under the table.
 */
export async function analyzeOnnxFile(
  path: string,
  io: CliIO,
  input: Shape | undefined,
  options: Partial<AnalysisOptions>,
): Promise<{ analysis: ModelAnalysis; model: ModelSpec; jsonExtras: object; summary: string }> {
  const { imported, analysis } = await readOnnxFile(path, io, (bytes) =>
    analyzeOnnx(bytes, { inputShape: input, analysis: options }),
  );
  return { analysis, model: imported.model, jsonExtras: jsonExtras(imported), summary: summary(imported) };
}

/** The design an ONNX file converts to (for `convscope export`). */
export async function importOnnxFile(path: string, io: CliIO, input: Shape | undefined): Promise<ModelSpec> {
  return (await readOnnxFile(path, io, (bytes) => importOnnx(bytes, { inputShape: input }))).model;
}

/**
 * Runs `use` on the file's bytes. With `io.openFile` (the real file system) the file is read on
 * demand and its weights are skipped, never loaded; otherwise it is read whole. Import errors name
 * the file.
 */
async function readOnnxFile<T>(
  path: string,
  io: CliIO,
  use: (bytes: Uint8Array | ByteSource) => T,
): Promise<T> {
  const file = io.openFile?.(path);
  try {
    const bytes: Uint8Array | ByteSource = file
      ? chunkedSource(file.size, (target, position) => file.readAt(target, position))
      : await io.readFile(path);
    return use(bytes);
  } catch (error) {
    if (error instanceof OnnxImportError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  } finally {
    file?.close();
  }
}

/** What the import adds to the `--json` document: its lists win, as they also count nodes left out. */
function jsonExtras(imported: OnnxImport) {
  return { unsupported: imported.unsupported, complete: imported.complete, skipped: imported.skipped };
}

/** The import summary printed under the table; names from the file pass through terminalSafe. */
function summary(imported: OnnxImport): string {
  const { source } = imported;
  const ops = (list: { op: string; count: number }[], sep: string) =>
    list.map((o) => `${terminalSafe(o.op)}${sep}${o.count}`).join(', ');
  const lines = [
    `ONNX: ${source.nodes} nodes, opset ${source.opset}, ${terminalSafe(source.producer) || 'unknown producer'}`,
    `ops          ${ops(imported.ops, ' ')}`,
  ];
  if (!imported.complete) {
    lines.push(`unsupported  ${ops(imported.unsupported, ' ×') || 'none'}`);
    if (imported.skipped.length)
      lines.push(
        `INCOMPLETE   ${imported.skipped.length === 1 ? '1 node' : `${imported.skipped.length} nodes`} not analysed; totals above are lower bounds`,
      );
  }
  for (const n of imported.notes) lines.push(`note         ${terminalSafe(n)}`);
  return lines.join('\n');
}
