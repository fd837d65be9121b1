import { describe, expect, it, vi } from 'vitest';
import {
  APP_URL,
  installNavigationGuards,
  installPermissionGuards,
  isAppUrl,
  isExternalLink,
  mainWindowOptions,
} from '../../src/main/window';

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
    fire(name: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, 'https://example.com/');
      return event;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('main window', () => {
  it('is isolated, sandboxed and without Node integration', () => {
    const options = mainWindowOptions('/app/preload/index.cjs', { width: 1000, height: 700, x: 5, y: 6 });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, title: 'ConvScope' });
  });

  it('knows its own pages from anything else', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('app://convscope/index.html#/designs')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://convscope.example/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isExternalLink('https://pytorch.org')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });

  it('denies navigation, redirects and webviews', () => {
    const contents = fakeContents();
    installNavigationGuards(contents as never, vi.fn());
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.fire(name).preventDefault, name).toHaveBeenCalledOnce();
    }
  });

  it('denies every new window, sending only web links to the OS browser', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    installNavigationGuards(contents as never, openExternal);
    expect(contents.open('https://arxiv.org/abs/1512.03385')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/1512.03385');
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('smb://server/share')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('opens documentation links at once, and any other web link only after asking', async () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    const answers: boolean[] = [false, true];
    const confirm = vi.fn(async () => answers.shift()!);
    installNavigationGuards(contents as never, openExternal, confirm);
    contents.open('https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html');
    expect(openExternal).toHaveBeenCalledWith(
      'https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html',
    );
    expect(confirm).not.toHaveBeenCalled();
    expect(contents.open('https://evil.example/phish')).toEqual({ action: 'deny' });
    expect(contents.open('http://arxiv.org.evil.example/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 0));
    // The first was declined, the second accepted.
    expect(openExternal).toHaveBeenCalledTimes(2);
    expect(openExternal).toHaveBeenLastCalledWith('http://arxiv.org.evil.example/');
    expect(confirm).toHaveBeenNthCalledWith(1, 'https://evil.example/phish');
  });

  it('without a way to ask, opens no link outside the documentation sites', async () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    installNavigationGuards(contents as never, openExternal);
    contents.open('https://evil.example/');
    await new Promise((r) => setTimeout(r, 0));
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    installPermissionGuards({
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});
