import type { MenuItemConstructorOptions } from 'electron';

/**
 * The standard menus every desktop user expects, built from Electron's roles (no custom behaviour).
 * Developer tools are in the menu only of a development build (`devTools`), never of a packaged app.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  options: { devTools: boolean } = { devTools: false },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ label: appName, role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
