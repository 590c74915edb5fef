/**
 * The preload: the only bridge between the sandboxed renderer and the main process. It
 * exposes `window.clinic` (one function per contract channel, built by the same
 * buildClinicApi the browser preview uses) and `window.clinicDesktop` (the system's folder
 * and file pickers, two fixed channels), and nothing else: no raw ipcRenderer, so page code
 * cannot send on arbitrary channels or listen to anything.
 *
 * Sandboxed preloads can only require 'electron' and a few built-ins, so this file is
 * bundled into one CommonJS file by scripts/build-electron.mjs. Import only the
 * dependency-free channel list here, never the zod schemas.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildClinicApi } from '../shared/contract/bridge';
import { CHANNEL_NAMES } from '../shared/contract/channel-names';
import { DESKTOP_CHANNELS, type ClinicDesktop } from '../shared/contract/desktop';

contextBridge.exposeInMainWorld(
  'clinic',
  buildClinicApi(CHANNEL_NAMES, (channel, input) => ipcRenderer.invoke(channel, input)),
);

const desktop: ClinicDesktop = {
  chooseFolder: () => ipcRenderer.invoke(DESKTOP_CHANNELS.chooseFolder) as Promise<string | null>,
  chooseBackupFile: () => ipcRenderer.invoke(DESKTOP_CHANNELS.chooseBackupFile) as Promise<string | null>,
};
contextBridge.exposeInMainWorld('clinicDesktop', Object.freeze(desktop));
