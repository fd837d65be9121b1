import type { z } from 'zod';
import type { Channel } from './channels';
import { appContract } from './contracts/app';
import { dataContract } from './contracts/data';
import { designsContract } from './contracts/designs';
import { devicesContract } from './contracts/devices';
import { labRunsContract } from './contracts/lab-runs';
import { lessonsContract } from './contracts/lessons';
import { practiceContract } from './contracts/practice';

export { MAX_MODEL_BYTES, MAX_NAME } from './contracts/common';

/**
 * The one API contract: for each channel, the schema its request must satisfy and the type of the value
 * it answers with. Both transports (Electron IPC, the web edition's HTTP) validate against these same
 * schemas before a handler runs. Each domain keeps its channels in its own file under ./contracts.
 */
export const contract = {
  ...appContract,
  ...dataContract,
  ...designsContract,
  ...devicesContract,
  ...labRunsContract,
  ...lessonsContract,
  ...practiceContract,
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
