import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('has no developer tools in a packaged app', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(roles(menuTemplate(platform, 'ConvScope'))).not.toContain('toggleDevTools');
      expect(roles(menuTemplate(platform, 'ConvScope', { devTools: false }))).not.toContain('toggleDevTools');
    }
  });

  it('offers them in a development build, beside the usual menus', () => {
    const all = roles(menuTemplate('linux', 'ConvScope', { devTools: true }));
    expect(all).toContain('toggleDevTools');
    expect(all).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'reload', 'windowMenu']));
  });
});
