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

export interface ApiError {
  code: ErrorCode;
  /** One sentence a user can act on; names the field or item that was wrong. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
