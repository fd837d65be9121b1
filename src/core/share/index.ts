/**
 * Share links: a design (its model, which holds the input shape, and the counting convention it is
 * shown with) as a compact text that opens the same design anywhere ConvScope runs, offline and with no
 * server storing anything.
 *
 *   text = "cs1." + base64url( zlib-deflate( JSON { m: model without format/version, c?: convention } ) )
 *
 * The version prefix lets a later format be told apart; zlib's Adler-32 checksum makes a changed or cut
 * link fail to decompress instead of opening a different design; the decoded model is checked with the
 * model schema and validator, so a hand-made link cannot carry what a model file could not. Decoding
 * stops at MAX_SHARE_BYTES of output (a small link cannot expand into a huge one). Compression uses the
 * platform's CompressionStream (browsers, Electron, Node ≥ 18); no dependency.
 */
import { MODEL_FORMAT, MODEL_VERSION, type ModelIssue, type ModelSpec } from '../model/types';
import { validateModel } from '../model/validate';

export const SHARE_PREFIX = 'cs1.';
/** The longest share text accepted, in characters. */
export const MAX_SHARE_CHARS = 200_000;
/** The most a share text may decompress to, in bytes (the API's limit for one model). */
export const MAX_SHARE_BYTES = 1_000_000;
/** The longest convention name carried. */
const MAX_CONVENTION = 64;

export interface SharedDesign {
  model: ModelSpec;
  /** The counting convention the design was shown with, when one was chosen. */
  convention?: string;
}

/** Why a share text cannot be opened; `message` names it in one sentence. */
export type ShareProblem = 'not-a-link' | 'newer-version' | 'too-large' | 'damaged' | 'invalid-model';

export class ShareLinkError extends Error {
  constructor(
    readonly problem: ShareProblem,
    message: string,
    /** For an invalid model: its first problem, by code. */
    readonly issue?: ModelIssue,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareLinkError(
        'too-large',
        `The shared design is larger than ${limit.toLocaleString('en-US')} bytes.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function through(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(transform) as ReadableStream<Uint8Array>;
}

/** Encodes a design as a share text (`cs1.…`), deterministic for the same design. */
export async function encodeShare(design: SharedDesign): Promise<string> {
  const { format: _format, version: _version, ...model } = design.model;
  const payload = { m: model, ...(design.convention ? { c: design.convention } : {}) };
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = await collect(through(json, new CompressionStream('deflate')), Infinity);
  return SHARE_PREFIX + toBase64Url(packed);
}

/**
 * The share code inside a text: a whole link (`…#/designs?share=cs1.…`), or the code alone. Returns
 * null when the text holds none.
 */
export function findShareCode(text: string): string | null {
  const m = /(?:^|[^A-Za-z0-9_-])(cs\d+\.[A-Za-z0-9_-]*)/.exec(text.trim());
  return m ? m[1]! : null;
}

/**
 * Decodes a share text (a link or the code alone) back into the design, or throws a ShareLinkError
 * saying what is wrong: not a link, from a newer version, too large, damaged (cut, changed), or a
 * model that does not validate.
 */
export async function decodeShare(text: string): Promise<SharedDesign> {
  if (text.length > MAX_SHARE_CHARS)
    throw new ShareLinkError(
      'too-large',
      `The link is longer than ${MAX_SHARE_CHARS.toLocaleString('en-US')} characters.`,
    );
  const code = findShareCode(text);
  if (!code) throw new ShareLinkError('not-a-link', 'This is not a ConvScope share link.');
  if (!code.startsWith(SHARE_PREFIX))
    throw new ShareLinkError(
      'newer-version',
      `This share link has version ${code.slice(2, code.indexOf('.'))}, which this ConvScope cannot read (it reads version 1).`,
    );
  let payload: unknown;
  try {
    const bytes = fromBase64Url(code.slice(SHARE_PREFIX.length));
    const json = await collect(through(bytes, new DecompressionStream('deflate')), MAX_SHARE_BYTES);
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError(
      'damaged',
      'The share link is damaged (cut short or changed); ask for it again.',
    );
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new ShareLinkError('damaged', 'The share link is damaged (it holds no design).');
  const { m, c } = payload as { m?: unknown; c?: unknown };
  if (typeof m !== 'object' || m === null || Array.isArray(m))
    throw new ShareLinkError('damaged', 'The share link is damaged (it holds no design).');
  const checked = validateModel({ ...m, format: MODEL_FORMAT, version: MODEL_VERSION });
  if (!checked.ok)
    throw new ShareLinkError(
      'invalid-model',
      `The shared design is not a valid model: ${checked.errors[0]!.message.slice(0, 300)}`,
      checked.errors[0],
    );
  if (c !== undefined && (typeof c !== 'string' || c.length > MAX_CONVENTION || !/^[a-z0-9+_-]+$/i.test(c)))
    throw new ShareLinkError(
      'damaged',
      'The share link is damaged (its convention is not a convention name).',
    );
  return { model: checked.model, ...(c ? { convention: c } : {}) };
}
