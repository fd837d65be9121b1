import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../api';
import { createStore, DatabaseOpenError, openStoreDatabase } from '../db';
import { startupBackup } from '../db/backup';
import { DB_FILE, defaultDataDir } from '../paths';
import { startWebServer } from './server';

export const DEFAULT_PORT = 4817;

export interface WebOptions {
  port: number;
  dataDir: string;
}

export function parseWebArgs(argv: string[]): WebOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  return { port, dataDir: resolve(values['data-dir'] ?? defaultDataDir()) };
}

/** Starts the web edition; returns a function that stops it and closes the database. */
export async function startWeb(options: WebOptions, rendererDir: string) {
  const opened = openStoreDatabase(options.dataDir, DB_FILE);
  const store = createStore(opened.db);
  const backup = startupBackup(opened.db, options.dataDir);
  try {
    const api = createApi({ store, status: { notices: opened.notices } });
    const server = await startWebServer({ api, rendererDir, port: options.port });
    return {
      server,
      notices: opened.notices,
      stop: async () => {
        await server.close();
        await backup;
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

export async function main(argv: string[], rendererDir: string): Promise<void> {
  let running: Awaited<ReturnType<typeof startWeb>>;
  try {
    const options = parseWebArgs(argv);
    running = await startWeb(options, rendererDir);
    console.log(`ConvScope web edition: ${running.server.loginUrl}`);
    console.log(`Data folder: ${options.dataDir}`);
    for (const notice of running.notices) console.warn(`Note: ${notice.message}`);
    console.log(
      'Open the link above in your browser (it works once and signs that browser in). Press Ctrl+C to stop.',
    );
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? 'that port is already in use; choose another with --port N (0 picks a free one)'
        : error instanceof DatabaseOpenError || error instanceof Error
          ? error.message
          : String(error);
    console.error(`convscope web: ${message}`);
    process.exitCode = 1;
    return;
  }
  const shutdown = () => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
