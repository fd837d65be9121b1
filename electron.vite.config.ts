import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('.', import.meta.url));

const alias = {
  '@core': resolve(root, 'src/core'),
  '@shared': resolve(root, 'src/shared'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // better-sqlite3 is a native module: it must be required at run time, never bundled.
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // A sandboxed preload cannot require(): bundle everything into one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: {
      alias: { ...alias, '@renderer': resolve(root, 'src/renderer/src') },
    },
    plugins: [vue()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified pages load about twice as fast.
      minify: true,
      sourcemap: true,
      // .vite/manifest.json: which chunks each page pulls in (bench/bundle.ts reports it per route).
      manifest: true,
      rollupOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
