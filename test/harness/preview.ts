import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type ClinicCore, type CoreOptions } from '../../electron/core/core';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * The browser preview: the real core in this Node process, the real renderer (the built
 * dist/renderer) in system Chromium, joined by the same contract the preload implements.
 * Only the transport differs: a Playwright binding instead of ipcRenderer.invoke.
 */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
/** A made-up origin answered by route interception: no port is opened on the machine. */
export const APP_ORIGIN = 'http://clinic.app.localhost';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return path;
}

/** window.clinic, built by the same buildClinicApi the preload uses, bundled for the page. */
function bridgeScript(): string {
  const bridge = fileURLToPath(new URL('../../shared/contract/bridge.ts', import.meta.url));
  const out = buildSync({
    stdin: {
      contents: `import { buildClinicApi } from ${JSON.stringify(bridge)};
        const invoke = window.__clinicInvoke;
        Object.defineProperty(window, 'clinic', { value: buildClinicApi(${JSON.stringify(CHANNEL_NAMES)}, (c, i) => invoke(c, i)), enumerable: true });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

export interface PreviewWindow {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly clientId: string;
  close(): Promise<void>;
}

export interface Preview {
  readonly core: ClinicCore;
  readonly browser: Browser;
  readonly dataDir: string;
  /** Opens a window (its own session, as a second Electron window would be). */
  openWindow(options?: WindowOptions): Promise<PreviewWindow>;
  close(): Promise<void>;
}

export interface WindowOptions {
  viewport?: { width: number; height: number };
  /** Runs before the app loads, e.g. to install Playwright's fake clock. */
  beforeLoad?: (page: Page) => Promise<void>;
}

export interface PreviewOptions {
  dataDir?: string;
  headless?: boolean;
  core?: Partial<CoreOptions>;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'clinic-preview-'));
  const core = await createCore({ dataDir, ...options.core });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
  const script = bridgeScript();
  const windows = new Set<PreviewWindow>();

  async function openWindow(windowOptions: WindowOptions = {}): Promise<PreviewWindow> {
    // Date inputs follow the browser locale, not the page's language: a Moroccan French locale
    // shows them day first (jj/mm/aaaa), as clinics write dates.
    const context = await browser.newContext({ viewport: windowOptions.viewport ?? { width: 1280, height: 860 }, locale: 'fr-MA' });
    const clientId = randomUUID();
    // Everything the page loads comes from dist/renderer; any other request is refused.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient');
      const path = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)));
      if (!path.startsWith(RENDERER_DIR + sep) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200,
        body: await readFile(path),
        headers: {
          'content-type': MIME[extname(path)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    });
    await context.exposeBinding('__clinicInvoke', (_source, channel: unknown, input: unknown) =>
      core.invoke(clientId, String(channel), input),
    );
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    await windowOptions.beforeLoad?.(page);
    await page.goto(`${APP_ORIGIN}/index.html`);
    const handle: PreviewWindow = {
      page,
      context,
      clientId,
      async close() {
        windows.delete(handle);
        await context.close();
        await core.dropClient(clientId);
      },
    };
    windows.add(handle);
    return handle;
  }

  return {
    core,
    browser,
    dataDir,
    openWindow,
    async close() {
      for (const w of [...windows]) await w.close();
      await browser.close();
      await core.close();
    },
  };
}
