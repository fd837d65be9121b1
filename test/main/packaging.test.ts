import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm run dist` needs the network (it fetches Electron for each platform), so CI checks the packaging
 * configuration offline: electron-builder's own schema validation, and the fields that matter here.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = JSON.parse(readFileSync(`${root}/electron-builder.json`, 'utf8')) as Record<
  string,
  unknown
> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

const require = createRequire(import.meta.url);
type Validate = (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
const logger = { isEnabled: false, add() {} };
// Node's own glob matcher, taken through require: the test runner's module graph rewrites `node:path`.
const { matchesGlob } = require('node:path') as { matchesGlob: (path: string, pattern: string) => boolean };

describe('packaging configuration', () => {
  it('passes electron-builder’s own validation, which does reject a wrong option', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, linux: { target: 'AppImage', bogus: 1 } }, logger),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('sets the Electron fuses for packaged builds', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, dmg, and nsis with the app icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      const png = readFileSync(`${root}/${icon}`);
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });

  it('unpacks better-sqlite3’s prebuilt native modules from the ASAR', () => {
    // better-sqlite3 ships a prebuilt binary per platform; each must be loadable from outside the archive.
    const dir = 'node_modules/better-sqlite3/prebuilds';
    const binaries = readdirSync(`${root}/${dir}`).filter((f) => f.endsWith('.node'));
    expect(binaries).toContain('linux-x64.node');
    for (const file of binaries)
      expect(
        config.asarUnpack.some((pattern) => matchesGlob(`${dir}/${file}`, pattern)),
        file,
      ).toBe(true);
  });

  it('packs the built app that package.json points at, and has the npm scripts', () => {
    expect(pkg.main).toBe('./out/main/index.js');
    expect(config.files).toContain('out/**/*');
    expect(pkg.scripts.dist).toMatch(
      /electron-vite build && electron-builder --config electron-builder\.json/,
    );
    expect(pkg.scripts['test:slow']).toMatch(/test\/slow\/vitest\.config\.ts/);
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });
});
