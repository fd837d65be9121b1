import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://convscope';
export const APP_URL = `${APP_ORIGIN}/index.html`;

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1280, height: 820 };

/** The hardened window: isolated, sandboxed, no Node in the page, nothing loaded from elsewhere. */
export function mainWindowOptions(preload: string, bounds: Bounds): BrowserWindowConstructorOptions {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 560,
    title: 'ConvScope',
    show: false,
    backgroundColor: '#101014',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise ask for a new window; there is none to open.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** True for the app's own pages: the bundled renderer, or the dev server while developing. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links to the web open in the user's browser; nothing else leaves the app. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The documentation sites the app links to; a link to any other site is opened only after asking. */
export const TRUSTED_LINK_HOSTS = ['arxiv.org', 'pytorch.org', 'onnx.ai', 'distill.pub', 'github.com'];

export function isTrustedLink(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === 'https:' && TRUSTED_LINK_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`))
    );
  } catch {
    return false;
  }
}

/**
 * No navigation away from the app, no new windows (web links go to the OS browser), no <webview>.
 * In-app routing uses the URL hash, which never fires will-navigate. A web link to a documentation site
 * (TRUSTED_LINK_HOSTS, https only) opens at once; any other http(s) link only if `confirm` says yes.
 */
export function installNavigationGuards(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => unknown,
  confirm: (url: string) => Promise<boolean> = async () => false,
): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isTrustedLink(url)) void openExternal(url);
    else if (isExternalLink(url))
      void confirm(url).then(
        (yes) => yes && openExternal(url),
        () => undefined,
      );
    return { action: 'deny' };
  });
}

/** ConvScope needs no camera, microphone, notifications, geolocation or anything else: deny them all. */
export function installPermissionGuards(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
