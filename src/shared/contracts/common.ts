import { z } from 'zod';

/** Pairs a request schema with a response type known only to the compiler. */
export function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}

export const MAX_NAME = 200;
/** A saved model is JSON text; anything bigger than this is not a design someone typed or imported. */
export const MAX_MODEL_BYTES = 4 * 1024 * 1024;

export const id = z.string().min(1, 'id is empty').max(64, 'id is longer than 64 characters');

/** A user-visible name: trimmed, 1–200 characters, no control characters. */
export const name = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(MAX_NAME, `name is longer than ${MAX_NAME} characters`)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'name contains control characters');

export const model = z
  .record(z.string(), z.unknown())
  .refine(
    (m) => JSON.stringify(m).length <= MAX_MODEL_BYTES,
    `model is larger than ${MAX_MODEL_BYTES} bytes`,
  );

export const emptyRequest = z.strictObject({});
export const idRequest = z.strictObject({ id });
