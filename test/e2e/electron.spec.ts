import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { builtMain, ensureBuilt, repoRoot } from './fixtures';

/** Why the desktop app cannot be launched here, or null when the Electron binary is in place. */
function missingElectron(): string | null {
  const install = 'run `npx install-electron` (it downloads the binary), or use the web edition';
  if (!existsSync(join(repoRoot, 'node_modules', 'electron', 'dist'))) {
    return `Electron binary not installed (node_modules/electron/dist is missing): ${install}`;
  }
  let binary: string;
  try {
    // The electron package's main export is the path of its binary; it throws when the download failed.
    binary = createRequire(join(repoRoot, 'package.json'))('electron') as string;
  } catch (error) {
    return `Electron binary not usable (${(error as Error).message}): ${install}`;
  }
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return `Electron binary ${binary} is not executable: ${install}`;
  }
  return null;
}

const reason = missingElectron();

test('the desktop app opens a ConvScope window that navigates', async () => {
  if (reason !== null) {
    // The list reporter does not print skip reasons; say it on the console so the CI log has it.
    console.log(`electron spec skipped: ${reason}`);
    test.skip(true, reason);
  }
  ensureBuilt(builtMain);
  const home = await mkdtemp(join(tmpdir(), 'convscope-electron-'));
  // A throw-away profile: on Linux userData lives under XDG_CONFIG_HOME; --user-data-dir covers the rest.
  const args = [builtMain, `--user-data-dir=${join(home, 'profile')}`];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await electron.launch({
    args,
    cwd: repoRoot,
    env: { ...process.env, XDG_CONFIG_HOME: home, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('page-home')).toBeVisible();
    expect(await window.title()).toBe('ConvScope');
    await window.getByTestId('nav-designs').click();
    await expect(window.getByTestId('page-designs')).toBeVisible();
    await expect(window.getByTestId('designs-empty')).toBeVisible();
  } finally {
    await app.close();
    await rm(home, { recursive: true, force: true });
  }
});
