import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is served from app://clinic (Electron) or a routed origin (preview): relative
// asset paths, no inline scripts (the CSP forbids them), nothing fetched from the network.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
