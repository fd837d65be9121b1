import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindIpc } from '../../src/main/ipc';
import { CHANNELS } from '../../src/shared/channels';
import { snapshot, type TempStore, tempStore, tinyModel } from '../helpers/temp-store';

type Handler = (event: IpcMainInvokeEvent, request: unknown) => unknown;

let t: TempStore;
let handlers: Map<string, Handler>;
const trusted = { sender: 'main-window' } as unknown as IpcMainInvokeEvent;
const foreign = { sender: 'other-window' } as unknown as IpcMainInvokeEvent;

beforeEach(() => {
  t = tempStore();
  handlers = new Map();
  bindIpc(
    { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as never,
    t.api,
    (event) => event === trusted,
  );
});
afterEach(() => t.cleanup());

describe('IPC binding', () => {
  it('handles exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app window through the shared API', async () => {
    const saved = (await handlers.get('designs:save')!(trusted, { name: 'ipc', model: tinyModel })) as {
      ok: boolean;
    };
    expect(saved).toMatchObject({ ok: true, value: { name: 'ipc' } });
  });

  it('refuses a foreign sender on every channel and writes nothing', async () => {
    const before = snapshot(t.store);
    for (const channel of CHANNELS) {
      const result = await handlers.get(channel)!(foreign, { name: 'x', model: tinyModel, id: 'design-1' });
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `${channel}: the caller is not ConvScope's own window.` },
      });
    }
    expect(snapshot(t.store)).toBe(before);
  });

  it('validates input from the trusted window', async () => {
    const result = (await handlers.get('designs:save')!(trusted, { name: 5 })) as {
      ok: false;
      error: { code: string };
    };
    expect(result.error.code).toBe('invalid_request');
  });
});
