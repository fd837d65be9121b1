import type { ModelIssue } from '../model/types';

/** Why an ONNX file could not be opened; `message` is one complete sentence for the user. */
export type OnnxErrorCode =
  'empty' | 'not-onnx' | 'truncated' | 'malformed' | 'version' | 'graph' | 'too-large' | 'input';

/**
 * The one error the ONNX reader and converter throw for a bad file; never a stack for the user. A model
 * that converted but does not validate carries its first problem by code (`invalid`), with the stage.
 */
export class OnnxImportError extends Error {
  constructor(
    readonly code: OnnxErrorCode,
    message: string,
    readonly invalid?: { stage: 'converted' | 'analysed'; issue: ModelIssue },
  ) {
    // Names come from the file: control characters and runaway lengths must not break a one-line message.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const clean = message.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    super(clean.length > 400 ? `${clean.slice(0, 399)}…` : clean);
    this.name = 'OnnxImportError';
  }
}
