import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'ConvScope';
export const DB_FILE = 'convscope.db';
/** Kept in step with package.json by a unit test. */
export const APP_VERSION = '0.1.0';

/**
 * The per-user app-data folder, the same one Electron's `app.getPath('userData')` resolves to, so that
 * the desktop app and the web edition share one database by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
