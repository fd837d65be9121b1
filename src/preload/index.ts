import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/api-client';
import { CHANNELS } from '../shared/channels';

// Named methods only (api.designs.list(...)), one per contract channel; the page never sees ipcRenderer.
contextBridge.exposeInMainWorld(
  'convscope',
  buildApi((channel, request) => ipcRenderer.invoke(channel, request), CHANNELS),
);
