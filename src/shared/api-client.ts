import type { Channel } from './channels';
import type { RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/**
 * The client API derived from the contract: `designs:list` becomes `api.designs.list(request)`.
 * The preload exposes exactly this shape, and the web edition's HTTP client implements it too.
 */
export type ConvScopeApi = {
  [D in Domain<Channel>]: {
    [V in Verb<Channel, D>]: (
      request: RequestOf<`${D}:${V}` & Channel>,
    ) => Promise<Result<ResponseOf<`${D}:${V}` & Channel>>>;
  };
};

/** Builds the nested API object from a single transport function. */
export function buildApi(
  invoke: (channel: Channel, request: unknown) => Promise<unknown>,
  channels: readonly Channel[],
): ConvScopeApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string];
    (api[domain] ??= {})[verb] = (request: unknown) => invoke(channel, request ?? {});
  }
  return api as unknown as ConvScopeApi;
}
