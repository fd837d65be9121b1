import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/channels';
import { fail } from '../shared/result';
import type { Api } from './api';

/**
 * Binds every contract channel to `ipcMain.handle`. The caller is checked before anything else: only the
 * app's own window, showing the app's own page, may call; everything else gets a `forbidden` result.
 * Input validation happens in `api.call`, the same code path the web edition uses.
 */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: Api,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('forbidden', `${channel}: the caller is not ConvScope's own window.`);
      }
      return api.call(channel, request);
    });
  }
}
