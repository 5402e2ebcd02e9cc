/**
 * Builds the analyst workbench into `dist/web/`, which `sentinela serve` serves from the same
 * origin as the API. Everything is bundled: no asset comes from a CDN, so it works offline.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Inline nothing: the server's CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
  },
});
