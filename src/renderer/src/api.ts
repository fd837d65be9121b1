import { buildApi, type ConvScopeApi } from '../../shared/api-client';
import { CHANNELS, type Channel } from '../../shared/channels';
import type { Result } from '../../shared/result';

/**
 * The renderer's only way to the backend. Inside Electron the preload has put the API on
 * `window.convscope`; in a browser (the web edition) the same API is spoken over HTTP.
 *
 * The types below describe just the slices of `fetch` and `document` this module uses, so the module
 * also compiles (and can be unit-tested) without the DOM library.
 */

export interface HttpResponseLike {
  status: number;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'same-origin' },
) => Promise<HttpResponseLike>;

export interface HttpApiOptions {
  fetch: FetchLike;
  /** Prefix of the API routes; the web edition serves them from the same origin as the page. */
  baseUrl?: string;
}

const internal = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } });

/** Only a well-formed `Result` may reach the stores; anything else is reported as a server fault. */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/**
 * The web edition's client: `POST <baseUrl><channel>`; the browser adds the session cookie the sign-in
 * link set (HttpOnly, so this code never sees it). Never throws.
 */
export function createHttpApi(options: HttpApiOptions): ConvScopeApi {
  const baseUrl = options.baseUrl ?? '/api/';
  const invoke = async (channel: Channel, request: unknown): Promise<Result<unknown>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    let status: number;
    let text: string;
    try {
      const response = await options.fetch(`${baseUrl}${channel}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return internal(
        `Cannot reach the ConvScope server (${detail}). Check that the web edition is still running, then reload the page.`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return internal(
        `The ConvScope server answered ${channel} with HTTP ${status} and a body that is not JSON.`,
      );
    }
    if (!isResult(body)) {
      return internal(
        `The ConvScope server answered ${channel} with HTTP ${status} and an unexpected JSON body.`,
      );
    }
    return body;
  };
  return buildApi(invoke, CHANNELS);
}

interface PageGlobals {
  convscope?: ConvScopeApi;
}

/** Picks the transport: the preload's bridge when present, otherwise HTTP to the server that served the page. */
export function resolveApi(globals: PageGlobals, fetchImpl: FetchLike): ConvScopeApi {
  if (globals.convscope) return globals.convscope;
  return createHttpApi({ fetch: fetchImpl });
}

export const api: ConvScopeApi = resolveApi(globalThis as PageGlobals, (url, init) => fetch(url, init));
