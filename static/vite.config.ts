/**
 * The Custom UI bundle. Relative asset URLs (`base: './'`): Forge serves the resource from its own
 * CDN path. One entry; each surface's view is a separate chunk, loaded by `context.moduleKey`, so the
 * issue panel never downloads the dashboard's charts.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: './',
  publicDir: resolve(__dirname, 'public'),
  build: {
    outDir: resolve(__dirname, 'build'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    manifest: true, // read by scripts/bundle-size.cjs to measure what each surface loads
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
