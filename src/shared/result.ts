/** Every API call answers with one of these; transports never throw across the boundary. */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_model'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'rate_limited'
  | 'unknown_channel'
  | 'internal';

/**
 * A message by code with its parameters, as the core writes its problems (a parameter is a number, a
 * string, another message or a list of them): the renderer says it in the user's language.
 */
export interface MessageNoteJson {
  code: string;
  params: { [name: string]: number | string | MessageNoteJson | MessageNoteJson[] };
}

/**
 * Why a model was refused (`invalid_model`): its first problem as the core reports it (where, the
 * English, and the message by code) and how many more it has.
 */
export interface ModelRefusal {
  issue: { path: string; layerId?: string; message: string; note?: MessageNoteJson };
  more: number;
}

/** A model's first problem (where, its English, its code) and how many more, from the core's list. */
export function modelRefusal(errors: readonly ModelRefusal['issue'][]): ModelRefusal {
  const [first, ...rest] = errors;
  const { path, layerId, message, note } = first ?? { path: '', message: 'invalid model' };
  const issue = { path, ...(layerId === undefined ? {} : { layerId }), message, ...(note ? { note } : {}) };
  return { issue, more: rest.length };
}

export interface ApiError {
  code: ErrorCode;
  /** One sentence a user can act on; names the field or item that was wrong. In English (CLI, logs). */
  message: string;
  /** With `invalid_model`: the model's problem by code, for the page to say in the user's language. */
  refusal?: ModelRefusal;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, refusal?: ModelRefusal): Result<T> => ({
  ok: false,
  error: refusal ? { code, message, refusal } : { code, message },
});
