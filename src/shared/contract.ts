import { z } from 'zod';
import type { Channel } from './channels';
import type { AppStatus, Design, DesignSummary, Progress, Settings } from './types';

/**
 * The one API contract: for each channel, the schema its request must satisfy and the type of the value
 * it answers with. Both transports (Electron IPC, the web edition's HTTP) validate against these same
 * schemas before a handler runs.
 */

const MAX_NAME = 200;
/** A saved model is JSON text; anything bigger than this is not a design someone typed or imported. */
export const MAX_MODEL_BYTES = 4 * 1024 * 1024;

const id = z.string().min(1, 'id is empty').max(64, 'id is longer than 64 characters');
const name = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(MAX_NAME, `name is longer than ${MAX_NAME} characters`)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'name contains control characters');
const model = z
  .record(z.string(), z.unknown())
  .refine(
    (m) => JSON.stringify(m).length <= MAX_MODEL_BYTES,
    `model is larger than ${MAX_MODEL_BYTES} bytes`,
  );

const theme = z.enum(['system', 'light', 'dark']);
const locale = z.enum(['system', 'en', 'zh-CN']);

const listRequest = z.strictObject({ search: z.string().max(MAX_NAME).optional() });
const idRequest = z.strictObject({ id });
const saveRequest = z.strictObject({ id: id.optional(), name, model });
const renameRequest = z.strictObject({ id, name });
const emptyRequest = z.strictObject({});
const settingsRequest = z.strictObject({ theme: theme.optional(), locale: locale.optional() });

/** Pairs a request schema with a response type known only to the compiler. */
function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res };
}

export const contract = {
  'app:status': channel<typeof emptyRequest, AppStatus>(emptyRequest),
  'designs:list': channel<typeof listRequest, DesignSummary[]>(listRequest),
  'designs:get': channel<typeof idRequest, Design>(idRequest),
  'designs:save': channel<typeof saveRequest, Design>(saveRequest),
  'designs:rename': channel<typeof renameRequest, DesignSummary>(renameRequest),
  'designs:delete': channel<typeof idRequest, { id: string }>(idRequest),
  'progress:get': channel<typeof emptyRequest, Progress>(emptyRequest),
  'settings:get': channel<typeof emptyRequest, Settings>(emptyRequest),
  'settings:set': channel<typeof settingsRequest, Settings>(settingsRequest),
} satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

/**
 * Validates a request for a channel. The message names the offending field, e.g.
 * `designs:save: name: name is empty`.
 */
export function parseRequest<C extends Channel>(
  channelName: C,
  input: unknown,
): { ok: true; value: ParsedRequestOf<C> } | { ok: false; message: string } {
  const parsed = contract[channelName].request.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedRequestOf<C> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
      : (issue?.message ?? 'invalid request');
  return { ok: false, message: `${channelName}: ${where}${message}` };
}
