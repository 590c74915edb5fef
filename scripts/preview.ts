/**
 * `npm run preview [-- --data DIR] [--headless]`: the real core in Node and the real renderer
 * in system Chromium, wired by the same contract as the desktop app. For machines where
 * Electron's binary cannot be had, and for end-to-end tests (which import the same harness).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from '../test/harness/preview';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    headless: { type: 'boolean', default: false },
  },
});

// Outside the repository by default, so clinic data can never be committed by accident.
const dataDir = resolve(values.data ?? join(homedir(), '.clinic-case-manager-preview'));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
const headless = values.headless || !hasDisplay;

const preview = await startPreview({ dataDir, headless });
const window = await preview.openWindow();
console.log(`Preview running on data folder ${dataDir}`);
if (headless && !hasDisplay) {
  // Issue #10: "Preview running" alone left people waiting for a window that could not come.
  console.log(
    [
      'No display found (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open: Chromium runs headless',
      'and shows nothing. To see the application, run it from a desktop session, or give it a virtual display:',
      '  apt-get install xvfb && xvfb-run -a npm run preview',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
} else if (headless) {
  console.log('Headless (--headless): no window opens. Press Ctrl+C to stop.');
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await preview.close().catch(() => undefined);
  process.exit(code);
}
window.page.on('close', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
