import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tinyModel } from '../helpers/temp-store';

/**
 * Electron cannot start on every machine that runs the tests, so the main process is exercised against a
 * fake `electron` module (as Electron Fiddle's tests do): start-up wiring, window options, IPC guards.
 */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    windows: [] as FakeWindow[],
    ipc: new Map<string, (event: unknown, request: unknown) => unknown>(),
    errorBoxes: [] as [string, string][],
    exitCodes: [] as number[],
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    privileged: [] as unknown[],
  };
  class FakeWindow {
    webContents = { id: Math.random() };
    loaded: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    maximize() {}
    static getAllWindows() {
      return state.windows;
    }
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    name: 'ConvScope',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => fake.state.userData,
    on: () => undefined,
    quit: () => undefined,
    exit: (code: number) => void fake.state.exitCodes.push(code),
  },
  BrowserWindow: fake.FakeWindow,
  dialog: {
    showErrorBox: (title: string, message: string) => void fake.state.errorBoxes.push([title, message]),
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, request: unknown) => unknown) =>
      fake.state.ipc.set(channel, handler),
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.privileged.push(...schemes),
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      fake.state.protocolHandler = handler;
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
  shell: { openExternal: () => Promise.resolve() },
}));

async function boot() {
  vi.resetModules();
  await import('../../src/main/index');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeEach(() => {
  fake.state.userData = mkdtempSync(join(tmpdir(), 'convscope-main-'));
  fake.state.windows.length = 0;
  fake.state.ipc.clear();
  fake.state.errorBoxes.length = 0;
  fake.state.exitCodes.length = 0;
  fake.state.privileged.length = 0;
});
afterEach(() => rmSync(fake.state.userData, { recursive: true, force: true }));

describe('main process start-up (electron mocked)', () => {
  it('opens one hardened window on the app protocol and registers the scheme as secure', async () => {
    await boot();
    expect(fake.state.windows).toHaveLength(1);
    const [window] = fake.state.windows;
    expect(window!.loaded).toBe('app://convscope/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(fake.state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers IPC from the app window only, and only while it shows the app page', async () => {
    await boot();
    const window = fake.state.windows[0]!;
    const save = fake.state.ipc.get('designs:save')!;
    const request = { name: 'from ipc', model: tinyModel };
    const own = { sender: window.webContents, senderFrame: { url: 'app://convscope/index.html#/designs' } };
    expect(await save(own, request)).toMatchObject({ ok: true, value: { name: 'from ipc' } });
    const otherSender = { sender: { id: -1 }, senderFrame: { url: 'app://convscope/index.html' } };
    const otherPage = { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } };
    for (const event of [otherSender, otherPage, { sender: window.webContents }]) {
      expect(await save(event, request)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const list = (await fake.state.ipc.get('designs:list')!(own, {})) as { value: unknown[] };
    expect(list.value).toHaveLength(1);
  });

  it('serves the renderer through app:// with the CSP and refuses other hosts', async () => {
    await boot();
    const handler = fake.state.protocolHandler!;
    const other = await handler(new Request('app://elsewhere/index.html'));
    expect(other.status).toBe(404);
    const missing = await handler(new Request('app://convscope/no-such-file.js'));
    expect(missing.status).toBe(404);
  });

  it('refuses a database from a newer ConvScope with a clear dialog and leaves it alone', async () => {
    const file = join(fake.state.userData, 'convscope.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    await boot();
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.exitCodes).toEqual([1]);
    expect(fake.state.errorBoxes[0]![1]).toMatch(/newer version of ConvScope.*not changed/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('starts on a fresh database when the file is damaged, keeps the old one and reports it', async () => {
    const file = join(fake.state.userData, 'convscope.db');
    writeFileSync(file, 'garbage'.repeat(1000));
    await boot();
    expect(fake.state.exitCodes).toEqual([]);
    expect(fake.state.windows).toHaveLength(1);
    const own = {
      sender: fake.state.windows[0]!.webContents,
      senderFrame: { url: 'app://convscope/index.html' },
    };
    const status = (await fake.state.ipc.get('app:status')!(own, {})) as {
      value: { notices: { kind: string; keptAs: string }[] };
    };
    expect(status.value.notices).toHaveLength(1);
    expect(status.value.notices[0]!.kind).toBe('recovered');
    expect(readFileSync(status.value.notices[0]!.keptAs, 'utf8')).toBe('garbage'.repeat(1000));
  });
});
