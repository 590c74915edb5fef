/**
 * The Electron main process: windows, the app:// protocol, menus, dialogs, the IPC sender
 * check and forwarding to the core. Deliberately thin: everything that touches data runs in
 * the core (electron/core-host.ts) inside a utility process, so key derivation, SQLite and PDF
 * work never block the UI thread, and a crash there cannot take the windows down with it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import { CHANNEL_NAMES } from '../shared/contract/channel-names';
import { DESKTOP_CHANNELS } from '../shared/contract/desktop';
import type { Result } from '../shared/contract/errors';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import CORE_V8_FLAGS from './core-v8-flags.json';

const SCHEME = 'app';
const HOST = 'clinic';
const START_URL = `${SCHEME}://${HOST}/index.html`;

/**
 * Sent with every app:// response (shared with the preview so both enforce the same policy).
 * Only our own files may run or be fetched: an injected script or stylesheet from elsewhere
 * cannot load, and nothing can be sent out of the window, framed or re-based.
 */
const CSP = CONTENT_SECURITY_POLICY;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

type CallResult = Result<unknown>;
const internalError = (message: string): CallResult => ({ ok: false, error: { code: 'INTERNAL', message } });
const FORBIDDEN: CallResult = { ok: false, error: { code: 'FORBIDDEN', message: 'sender refused' } };

// Must run before `ready`. `standard` gives the scheme real origins and relative URLs,
// `secure` makes it a secure context (like https); fetch and the V8 code cache are the only
// other privileges the renderer needs. No bypassCSP, no CORS: nothing cross-origin is served.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Sandbox every renderer, including any created by accident, not only the windows we configure.
app.enableSandbox();

// ---------------------------------------------------------------- the core (utility process)

let core: UtilityProcess | null = null;
let coreStopping = false;
let coreRestarts = 0;
let nextCallId = 1;
const pending = new Map<number, (result: CallResult) => void>();

function startCore(): void {
  const dataDir = path.resolve(process.env.CLINIC_DATA_DIR || path.join(app.getPath('userData'), 'clinic-data'));
  // The development build of the native module (see scripts/start.mjs). Ignored in packaged
  // builds: an environment variable must not be able to load arbitrary native code into the
  // process that holds the keys (the same reason the NODE_OPTIONS fuse is off).
  const nativeBinding = app.isPackaged ? undefined : process.env.CLINIC_NATIVE_BINDING || undefined;
  const child = utilityProcess.fork(path.join(app.getAppPath(), 'dist', 'electron', 'core-host.cjs'), [], {
    serviceName: 'Clinic Case Manager core',
    stdio: 'inherit',
    // V8's young generation capped at 2 × 8 MiB: the core's peak memory 17 MB lower, no
    // read measurably slower (docs/PERFORMANCE.md). The benchmark runs with the same flags.
    execArgv: [...CORE_V8_FLAGS],
  });
  child.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { id, result } = message as { id?: unknown; result?: unknown };
    if (typeof id !== 'number') return;
    const resolve = pending.get(id);
    if (!resolve) return;
    pending.delete(id);
    resolve(typeof result === 'object' && result !== null ? (result as CallResult) : internalError('malformed reply'));
  });
  child.once('exit', (code) => onCoreExit(child, code));
  // Queued by Electron until the child listens, so the first message is always `init`.
  child.postMessage({ type: 'init', dataDir, nativeBinding });
  core = child;
}

function callCore(clientId: string, channel: string, input: unknown): Promise<CallResult> {
  const child = core;
  if (!child || coreStopping) return Promise.resolve(internalError('core process unavailable'));
  const id = nextCallId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    try {
      child.postMessage({ id, clientId, channel, input });
    } catch (error) {
      pending.delete(id);
      resolve(internalError(`could not reach the core: ${String(error)}`));
    }
  });
}

function dropClient(clientId: string): void {
  core?.postMessage({ type: 'drop', clientId });
}

function onCoreExit(child: UtilityProcess, code: number): void {
  if (child !== core) return;
  core = null;
  for (const resolve of pending.values()) resolve(internalError('core process exited'));
  pending.clear();
  if (coreStopping) return;
  console.error(`clinic core exited unexpectedly (code ${code})`);
  if (coreRestarts < 1) {
    // Restart once. Sessions lived in the old process, so reload the windows: the renderer
    // starts over and asks the user to sign in again instead of showing stale state.
    coreRestarts += 1;
    startCore();
    for (const win of windows) win.webContents.reload();
    void dialog.showMessageBox({
      type: 'warning',
      title: 'Clinic Case Manager',
      message: 'The background service stopped unexpectedly and was restarted.',
      detail: 'Please sign in again. Work that was not saved may need to be entered again.',
    });
    return;
  }
  // A second crash means something is wrong with the data folder or the build: stop rather
  // than loop, and say so.
  dialog.showErrorBox(
    'Clinic Case Manager',
    'The background service stopped unexpectedly again. The application will close.',
  );
  app.quit();
}

// ---------------------------------------------------------------- the app:// protocol

function respond(status: number, body: BodyInit | null = null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': contentType, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}

async function serveRenderer(request: Request, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405);
  let pathname: string;
  try {
    const url = new URL(request.url);
    if (url.host !== HOST) return respond(404);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return respond(404);
  }
  if (pathname.includes('\0')) return respond(404);
  if (pathname === '/') pathname = '/index.html';
  // Resolve, then check the result is still inside the renderer folder: encoded `..`, `%2F`
  // or Windows `\` tricks all end up here and are refused, whatever the URL parser did.
  const file = path.resolve(rendererRoot, `.${pathname}`);
  const relative = path.relative(rendererRoot, file);
  if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) return respond(404);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await fs.readFile(file));
  } catch {
    return respond(404);
  }
  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return respond(200, request.method === 'HEAD' ? null : body, type);
}

// ---------------------------------------------------------------- windows and guards

const windows = new Set<BrowserWindow>();

function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${SCHEME}:` && url.host === HOST;
  } catch {
    return false;
  }
}

/** Links to the web open in the user's browser, and only https ones: no file:, smb:, custom handlers. */
function openExternalIfHttps(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return;
  }
  if (url.protocol !== 'https:') return;
  shell.openExternal(url.toString()).catch((error: unknown) => console.error('openExternal failed', error));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Clinic Case Manager',
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      // The renderer is a web page with no Node: it reaches the core only through the
      // preload's window.clinic functions, each of which is one checked IPC channel.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Case notes are confidential: Chromium's spellchecker can download dictionaries and
      // (with OS spellcheckers) hand typed words to other software. Off.
      spellcheck: false,
      // Chromium's built-in PDF viewer (the only plugin Electron has) previews and prints the
      // documents the core generates; they are shown from blob: URLs the renderer made.
      plugins: true,
      // No DevTools in a packaged build: they would give whoever sits at the computer a
      // console inside a signed-in session.
      devTools: !app.isPackaged,
    },
  });
  const clientId = String(win.webContents.id); // captured now: webContents is gone after 'closed'
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  // A crashed renderer's session must not outlive it, nor a closed window's.
  win.webContents.on('render-process-gone', () => dropClient(clientId));
  win.on('closed', () => {
    windows.delete(win);
    dropClient(clientId);
  });
  win.loadURL(START_URL).catch((error: unknown) => console.error('could not load the renderer', error));
  return win;
}

/** Applied to every webContents the app ever creates, so no window can escape the rules. */
function guardWebContents(contents: WebContents): void {
  // The app never navigates away from its own origin; a link to the web opens in the browser.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalIfHttps(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // No second window from window.open or target=_blank: a new window would not be one of
  // ours for the sender check, and could load anything.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfHttps(url);
    return { action: 'deny' };
  });
  // <webview> is disabled in webPreferences; refuse it here as well in case that changes.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Only the main frame of one of our windows, showing our own origin, may call the core.
 * `origin` from Node's URL is "null" for custom schemes, so compare protocol and host.
 */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  const win = BrowserWindow.fromWebContents(event.sender);
  if (win === null || !windows.has(win)) return false;
  return isAppUrl(frame.url);
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Reload and DevTools only while developing (devTools is also off in webPreferences).
        ...(app.isPackaged
          ? []
          : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

// ---------------------------------------------------------------- start-up

// One instance only: two processes must never open the same encrypted database at once.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = windows;
    if (!win) {
      createWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  // Close the database cleanly (checkpoint the WAL) before quitting; kill the core if it hangs.
  app.on('before-quit', (event) => {
    const child = core;
    if (!child || coreStopping) return;
    event.preventDefault();
    coreStopping = true;
    const timer = setTimeout(() => child.kill(), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      app.quit();
    });
    child.postMessage({ type: 'close' });
  });

  // Closing the last window quits on every platform (macOS included): an app left running
  // without a window keeps a decrypted database open for no one.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
      protocol.handle(SCHEME, (request) => serveRenderer(request, rendererRoot));

      // The app needs no camera, microphone, location, notifications, USB, HID or serial
      // access: refuse every request and every check. The one exception is writing to the
      // clipboard, which the recovery-key screen's "Copy" button needs (never reading it).
      const ses = session.defaultSession;
      const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
      ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed(permission)));
      ses.setPermissionCheckHandler((_contents, permission) => allowed(permission));
      ses.setDevicePermissionHandler(() => false);

      // One handler per contract channel, no generic "call anything" channel: a name that is
      // not in the contract has no handler at all in the main process.
      for (const channel of CHANNEL_NAMES) {
        ipcMain.handle(channel, (event, input: unknown) =>
          isTrustedSender(event) ? callCore(String(event.sender.id), channel, input) : FORBIDDEN,
        );
      }

      // The system's pickers (backup folder, backup file): a path the person chose, or null.
      // Nothing is read or written here; the core checks the path like a typed one.
      const pick = async (event: IpcMainInvokeEvent, options: Electron.OpenDialogOptions): Promise<string | null> => {
        const win = isTrustedSender(event) ? BrowserWindow.fromWebContents(event.sender) : null;
        if (!win) return null;
        const chosen = await dialog.showOpenDialog(win, options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      };
      ipcMain.handle(DESKTOP_CHANNELS.chooseFolder, (event) => pick(event, { properties: ['openDirectory', 'createDirectory'] }));
      ipcMain.handle(DESKTOP_CHANNELS.chooseBackupFile, (event) => pick(event, { properties: ['openFile'], filters: [{ name: 'Clinic backup', extensions: ['ccmbackup'] }] }));

      Menu.setApplicationMenu(buildMenu());
      startCore();
      createWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Clinic Case Manager', `The application could not start.\n\n${String(error)}`);
      app.exit(1);
    });
}
