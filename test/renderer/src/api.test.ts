import { describe, expect, it, vi } from 'vitest';
import { createHttpApi, resolveApi, type FetchLike } from '../../../src/renderer/src/api';
import { buildApi } from '../../../src/shared/api-client';
import { CHANNELS } from '../../../src/shared/channels';

const answer = (status: number, text: string) => ({ status, text: async () => text });

describe('createHttpApi', () => {
  it('posts the request as JSON to /api/<channel>, with the same-origin session cookie', async () => {
    const fetch = vi.fn<FetchLike>(async () => answer(200, JSON.stringify({ ok: true, value: [] })));
    const api = createHttpApi({ fetch });
    const result = await api.designs.list({ search: 'res' });
    expect(result).toEqual({ ok: true, value: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/designs:list');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body)).toEqual({ search: 'res' });
  });

  it('passes a refusal (not signed in) through unchanged', async () => {
    const fetch = vi.fn<FetchLike>(async () =>
      answer(401, JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Not signed in.' } })),
    );
    const result = await createHttpApi({ fetch }).settings.get({});
    // A refusal that is a well-formed Result reaches the caller unchanged, whatever the HTTP status.
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not signed in.' } });
  });

  it('turns a network failure into an internal error result instead of throwing', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await createHttpApi({ fetch }).designs.list({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toContain('Cannot reach the ConvScope server');
    expect(result.error.message).toContain('Failed to fetch');
  });

  it('turns a body that is not JSON into an internal error naming the channel and status', async () => {
    const fetch: FetchLike = async () => answer(502, '<html>Bad gateway</html>');
    const result = await createHttpApi({ fetch }).progress.get({});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The ConvScope server answered progress:get with HTTP 502 and a body that is not JSON.',
      },
    });
  });

  it.each([
    ['an array', '[1]'],
    ['ok without value', '{"ok":true}'],
    ['an error without a message', '{"ok":false,"error":{"code":"internal"}}'],
    ['a string', '"ok"'],
  ])('rejects JSON that is not a Result (%s)', async (_label, text) => {
    const result = await createHttpApi({ fetch: async () => answer(200, text) }).settings.get({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('unexpected JSON body');
  });

  it('sends an empty object when a request is omitted', async () => {
    const fetch = vi.fn<FetchLike>(async () =>
      answer(200, '{"ok":true,"value":{"theme":"system","locale":"system"}}'),
    );
    const api = createHttpApi({ fetch });
    // The transport tolerates undefined from untyped callers; the type requires a request.
    await (api.settings.get as (request?: unknown) => Promise<unknown>)();
    expect(fetch.mock.calls[0][1].body).toBe('{}');
  });
});

describe('resolveApi', () => {
  it('uses the preload bridge when Electron provides one', async () => {
    const bridge = buildApi(async () => ({ ok: true, value: 'from-ipc' }), CHANNELS);
    const fetch = vi.fn<FetchLike>();
    const api = resolveApi({ convscope: bridge }, fetch);
    expect(api).toBe(bridge);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('otherwise speaks HTTP to the server that served the page', async () => {
    const fetch = vi.fn<FetchLike>(async () => answer(200, '{"ok":true,"value":[]}'));
    await resolveApi({}, fetch).designs.list({});
    expect(fetch.mock.calls[0][0]).toBe('/api/designs:list');
  });
});
