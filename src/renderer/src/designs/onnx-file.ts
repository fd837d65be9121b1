import type { LeftOutGroup, OnnxImport, OnnxImportError } from '../../../core/onnx';
import type { ModelAnalysis } from '../../../core/analysis';

export type OnnxOutcome =
  | { ok: true; imported: OnnxImport; analysis: ModelAnalysis }
  | { ok: false; message: string; note?: OnnxImportError['note']; invalid?: OnnxImportError['invalid'] };

/** Reads a file into memory, reporting the fraction read, without a second copy of the bytes. */
export async function readFileBytes(file: Blob, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read cannot be trusted; stop at the size it had.
    const take = Math.min(value.length, bytes.length - offset);
    bytes.set(value.subarray(0, take), offset);
    offset += take;
    onProgress(bytes.length === 0 ? 1 : offset / bytes.length);
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

/** Lets the browser paint the progress bar before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reading takes the first half of the progress bar, decoding and analysis the second. Every failure
 * (an OnnxImportError names what was wrong, by code for the UI language) becomes one message; nothing outside this function is touched.
 */
export async function openOnnxFile(file: Blob, onProgress: (fraction: number) => void): Promise<OnnxOutcome> {
  try {
    const bytes = await readFileBytes(file, (f) => onProgress(f / 2));
    await nextFrame();
    // The importer (protobufjs and the ONNX schema, about a third of the Designs page) loads only
    // when a file is opened.
    const { analyzeOnnx } = await import('../../../core/onnx');
    const { imported, analysis } = analyzeOnnx(bytes, { onProgress: (f) => onProgress(0.5 + f / 2) });
    onProgress(1);
    return { ok: true, imported, analysis };
  } catch (e) {
    const { note, invalid } = e instanceof Error ? (e as Partial<OnnxImportError>) : {};
    return { ok: false, message: e instanceof Error ? e.message : String(e), note, invalid };
  }
}

/** What the dialog says about BatchNorm the exporter folded into convolutions. */
export interface FoldedSummary {
  convs: number;
  channels: number;
  /** The model's parameters (the analysis total). */
  params: number;
  /** The PyTorch module's parameters with BatchNorm: each folded channel is one parameter more (2C − C). */
  withBatchNorm: number;
}

export function foldedSummary(imported: OnnxImport, analysis: ModelAnalysis): FoldedSummary | null {
  const f = imported.foldedBatchNorm;
  if (!f) return null;
  const params = analysis.totals.params;
  return { convs: f.convs, channels: f.channels, params, withBatchNorm: params + f.channels };
}

/** A left-out group as the dialog lists it: at most `limit` dependants named, and how many more. */
export interface LeftOutView extends LeftOutGroup {
  shown: string[];
  more: number;
}

export function leftOutView(imported: OnnxImport, limit = 8): LeftOutView[] {
  return imported.leftOut.map((g) => ({
    ...g,
    shown: g.dependants.slice(0, limit).map((d) => d.node || d.op),
    more: Math.max(g.dependants.length - limit, 0),
  }));
}
