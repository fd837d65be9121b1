import { randomUUID } from 'node:crypto';
import { type Channel, isChannel, READ_CHANNELS } from '../../shared/channels';
import { parseRequest, type ResponseOf } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { AppStatus } from '../../shared/types';
import { APP_VERSION } from '../paths';
import type { Repositories } from '../db';
import { dataHandlers } from './data';
import { designHandlers } from './designs';
import { deviceHandlers } from './devices';
import { labRunHandlers } from './lab-runs';
import { practiceHandlers } from './practice';
import { progressHandlers } from './progress';
import { boundMessage, boundRefusal, requestProblem } from './request-guard';
import { settingsHandlers } from './settings';
import type { ApiContext, Handler, Handlers } from './types';

const handlers: Handlers = {
  'app:status': (_request, { status }) => ok(status),
  ...dataHandlers,
  ...designHandlers,
  ...deviceHandlers,
  ...practiceHandlers,
  ...labRunHandlers,
  ...progressHandlers,
  ...settingsHandlers,
};

export interface Api {
  /**
   * Validates `request` against the channel's schema and runs its handler. Never throws: unknown channels,
   * invalid requests and handler failures all come back as `{ ok: false, error }`.
   */
  call<C extends Channel>(channel: C, request: unknown): Promise<Result<ResponseOf<C>>>;
  call(channel: string, request: unknown): Promise<Result<unknown>>;
}

/** The transport-free API: Electron IPC and the web edition's HTTP both bind to this one object. */
export function createApi(options: {
  store: Repositories;
  now?: () => number;
  newId?: () => string;
  status?: Partial<AppStatus>;
}): Api {
  const ctx: ApiContext = {
    store: options.store,
    now: options.now ?? Date.now,
    newId: options.newId ?? randomUUID,
    status: { version: APP_VERSION, dataFile: options.store.file, notices: [], ...options.status },
    importing: null,
  };
  return {
    async call(channel: string, request: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel))
        return fail('unknown_channel', `Unknown API channel "${String(channel).slice(0, 80)}".`);
      const problem = requestProblem(request);
      if (problem)
        return fail('invalid_request', boundMessage(`${channel}: ${problem}; nothing was changed.`));
      let parsed: ReturnType<typeof parseRequest>;
      try {
        parsed = parseRequest(channel, request);
      } catch (error) {
        // Validation walks the request (JSON.stringify in size checks): nesting deep enough to overflow
        // the stack must be a refusal, not an exception across the transport.
        if (error instanceof RangeError)
          return fail('invalid_request', `${channel}: the request is nested too deeply to read.`);
        throw error;
      }
      if (!parsed.ok) return fail('invalid_request', boundMessage(parsed.message));
      if (ctx.importing && !READ_CHANNELS.has(channel))
        return fail(
          'conflict',
          `${channel}: an import is running, so nothing was changed; try again when it has finished.`,
        );
      try {
        const result = await (handlers[channel] as Handler<Channel>)(parsed.value as never, ctx);
        if (result.ok) return result;
        const { code, message, refusal } = result.error;
        return fail(code, boundMessage(message), refusal && boundRefusal(refusal));
      } catch (error) {
        // Every write runs in a transaction, so a full disk leaves the database as it was.
        if ((error as { code?: string }).code === 'SQLITE_FULL') {
          return fail(
            'internal',
            `${channel}: the disk is full, so nothing was saved. Free some space and try again.`,
          );
        }
        if (String((error as { code?: string }).code).startsWith('SQLITE_READONLY')) {
          return fail(
            'forbidden',
            `${channel}: the database is open read-only, so nothing was saved. Make it writable and restart ConvScope.`,
          );
        }
        // A handler bug must not take the process down or leak a stack to the page; the log keeps it.
        console.error(`[api] ${channel} failed:`, error);
        return fail('internal', `${channel} failed unexpectedly; nothing was changed.`);
      }
    },
  } as Api;
}

export { DEFAULT_SETTINGS } from './settings';
