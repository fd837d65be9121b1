/// <reference types="vite/client" />
import type { ConvScopeApi } from '../../shared/api-client';

declare global {
  interface Window {
    /** Present inside Electron only: the preload's bridge to the main process. */
    convscope?: ConvScopeApi;
  }
}

export {};
