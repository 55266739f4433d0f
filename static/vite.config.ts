/**
 * The Custom UI bundle. Relative asset URLs (`base: './'`): Forge serves the resource from its own
 * CDN path. One entry; each surface's view is a separate chunk, loaded by `context.moduleKey`, so the
 * issue panel never downloads the dashboard's charts. Two Atlaskit dependencies that no surface uses
 * at run time are kept out of the shared entry (the issue panel's budget is 150 KB gz): the feature-gate
 * client, and the tooltip behind section-message's dismiss button. `node scripts/bundle-size.cjs`
 * measures what each surface loads; test/e2e/bundle.e2e.ts checks it against Chromium.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: './',
  publicDir: resolve(__dirname, 'public'),
  resolve: {
    alias: [
      // Atlaskit's feature gates answer false in an app's iframe (no one initialises the Statsig client
      // there): the same answers without the client (28 KB gz). See src/vendor/feature-gates-off.ts.
      { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: resolve(__dirname, 'src/vendor/feature-gates-off.ts') },
    ],
  },
  build: {
    outDir: resolve(__dirname, 'build'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    manifest: true, // read by scripts/bundle-size.cjs to measure what each surface loads
  },
  plugins: [
    {
      // section-message's optional dismiss button, and the tooltip it brings, load only when a message is
      // dismissible (none of ours is). See src/vendor/lazy-icon-button.tsx.
      name: 'interrupt-budget:section-message-lazy-dismiss',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === '@atlaskit/button/icon/button' && importer && /[\\/]@atlaskit[\\/]section-message[\\/]/.test(importer)) {
          return resolve(__dirname, 'src/vendor/lazy-icon-button.tsx');
        }
        return null;
      },
    },
  ],
  oxc: { jsx: { runtime: 'automatic' } },
});
