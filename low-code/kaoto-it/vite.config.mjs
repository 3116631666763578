import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Host page for Kaoto's canvas; public/catalog/ is written by scripts/build-catalog.mjs.
// `kaoto-lib` reaches the providers Kaoto's package does not export (its "exports" map stops at the public API), so
// that src/KaotoCanvas.jsx can put together what RouteVisualization does, without RouteVisualization's re-render loop.
export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  clearScreen: false,
  resolve: {
    alias: { 'kaoto-lib': fileURLToPath(new URL('./node_modules/@kaoto/kaoto/lib/esm', import.meta.url)) },
  },
  server: { host: '127.0.0.1', strictPort: true },
  css: { preprocessorOptions: { scss: { api: 'modern-compiler', quietDeps: true } } },
});
