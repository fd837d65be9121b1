import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createApi } from './api';
import { createStore, DatabaseOpenError, openStoreDatabase, type Store } from './db';
import { startupBackup } from './db/backup';
import { bindIpc } from './ipc';
import { menuTemplate } from './menu';
import type { StartupNotice } from '../shared/types';
import { DB_FILE } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import {
  APP_URL,
  installNavigationGuards,
  installPermissionGuards,
  isAppUrl,
  mainWindowOptions,
} from './window';
import { loadBounds, saveBounds } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;

registerAppScheme(protocol);

// One ConvScope at a time: a second launch focuses the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    installNavigationGuards(
      contents,
      (url) => shell.openExternal(url),
      async (url) => {
        const options = {
          type: 'question' as const,
          buttons: ['Open in browser', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          message: 'Open this link in your browser?',
          detail: url.slice(0, 500),
        };
        const answer = mainWindow
          ? await dialog.showMessageBox(mainWindow, options)
          : await dialog.showMessageBox(options);
        return answer.response === 0;
      },
    ),
  );
  app.whenReady().then(start, (error: unknown) => fatal(String(error)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (store && BrowserWindow.getAllWindows().length === 0) createWindow(store);
  });
  app.on('will-quit', () => store?.close());
}

function fatal(message: string): void {
  dialog.showErrorBox('ConvScope cannot start', message);
  app.exit(1);
}

function start(): void {
  const dataDir = app.getPath('userData');
  let notices: StartupNotice[];
  try {
    const opened = openStoreDatabase(dataDir, DB_FILE);
    store = createStore(opened.db);
    notices = opened.notices;
    void startupBackup(opened.db, dataDir);
  } catch (error) {
    fatal(
      error instanceof DatabaseOpenError
        ? error.message
        : `Cannot open ${join(dataDir, DB_FILE)}: ${String(error)}`,
    );
    return;
  }
  installPermissionGuards(session.defaultSession);
  handleAppProtocol(protocol, rendererDir);
  const api = createApi({ store, status: { notices } });
  bindIpc(ipcMain, api, (event) => {
    const frameUrl = event.senderFrame?.url ?? '';
    return mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(frameUrl, devServerUrl);
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, app.name, { devTools: !app.isPackaged })),
  );
  createWindow(store);
}

function createWindow(current: Store): void {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = loadBounds(current.settings, displays);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds));
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveBounds(current.settings, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_URL);
}
