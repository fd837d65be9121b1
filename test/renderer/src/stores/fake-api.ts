import { buildApi, type ConvScopeApi } from '../../../../src/shared/api-client';
import { CHANNELS, type Channel } from '../../../../src/shared/channels';
import type { Result } from '../../../../src/shared/result';

export type Handler = (request: unknown) => Result<unknown> | Promise<Result<unknown>>;

/**
 * A stand-in backend for store tests: answers each channel from `handlers` and records every call.
 * A channel without a handler answers with an error, so a test notices an unexpected call.
 */
export function createFakeApi() {
  const handlers = new Map<Channel, Handler>();
  const calls: { channel: Channel; request: unknown }[] = [];
  const api: ConvScopeApi = buildApi(async (channel, request) => {
    calls.push({ channel, request });
    const handler = handlers.get(channel);
    return handler
      ? handler(request)
      : { ok: false, error: { code: 'internal', message: `unexpected call to ${channel}` } };
  }, CHANNELS);
  return {
    api,
    calls,
    on(channel: Channel, handler: Handler) {
      handlers.set(channel, handler);
    },
    reset() {
      handlers.clear();
      calls.length = 0;
    },
  };
}
