import { warningText, type ErrorNote, type WarningParam } from '../analysis/warning-messages';
import type { ModelIssue } from '../model/types';

/** Why an ONNX file could not be opened; `message` is one complete sentence for the user. */
export type OnnxErrorCode =
  'empty' | 'not-onnx' | 'truncated' | 'malformed' | 'version' | 'graph' | 'too-large' | 'input';

/** Names come from the file: control characters and runaway lengths must not break a one-line message. */
function clean(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const s = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function cleanNote(n: ErrorNote): ErrorNote {
  const params: Record<string, WarningParam> = {};
  for (const [k, v] of Object.entries(n.params)) {
    params[k] =
      typeof v === 'string'
        ? clean(v, 200)
        : Array.isArray(v)
          ? v.map((x) => cleanNote(x as ErrorNote))
          : typeof v === 'object'
            ? cleanNote(v as ErrorNote)
            : v;
  }
  return { code: n.code, params };
}

/**
 * The one error the ONNX reader and converter throw for a bad file; never a stack for the user. What was
 * wrong is a message by code (`note`, ./../analysis/onnx-messages), `message` its English. A model that
 * converted but does not validate carries its first problem by code (`invalid`), with the stage.
 */
export class OnnxImportError extends Error {
  readonly note: ErrorNote;
  constructor(
    readonly code: OnnxErrorCode,
    note: ErrorNote,
    readonly invalid?: { stage: 'converted' | 'analysed'; issue: ModelIssue },
  ) {
    const cleaned = cleanNote(note);
    super(clean(warningText(cleaned), 400));
    this.note = cleaned;
    this.name = 'OnnxImportError';
  }
}
