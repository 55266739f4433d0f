#!/usr/bin/env node
/**
 * What each surface loads, gzipped, from the production build's Vite manifest: the entry and the
 * view's chunk with everything they import statically (lazy imports — the dashboard's charts — are
 * reported apart). Run after `npm run build`: `node scripts/bundle-size.cjs [--json]`.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const build = join(__dirname, '..', 'static', 'build');
const manifest = JSON.parse(readFileSync(join(build, '.vite', 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(build, file)), { level: 9 }).length;

/** Files a chunk needs before it runs: itself, its CSS and its static imports, transitively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}
const lazy = (key) => [...new Set((manifest[key]?.dynamicImports ?? []).flatMap((k) => [...closure(k)]))];

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const view = (name) => Object.keys(manifest).find((k) => k.endsWith(`views/${name}/${name}-view.tsx`));
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

const rows = ['panel', 'dashboard', 'settings'].map((name) => {
  const files = new Set([...closure(entry), ...closure(view(name))]);
  const js = [...files].filter((f) => f.endsWith('.js'));
  const later = lazy(view(name)).filter((f) => !files.has(f));
  // Lazy chunks of the view's own imports (e.g. charts behind a toggle) count as "later".
  const entryFiles = closure(entry);
  const nested = [...closure(view(name))].filter((f) => !entryFiles.has(f)).flatMap((f) => Object.values(manifest).filter((c) => c.file === f).flatMap((c) => (c.dynamicImports ?? []).flatMap((k) => [...closure(k)])));
  const afterFirstPaint = [...new Set([...later, ...nested])].filter((f) => !files.has(f) && f.endsWith('.js'));
  return { surface: name, jsGzipKB: kb(sum(js)), cssGzipKB: kb(sum([...files].filter((f) => f.endsWith('.css')))), lazyJsGzipKB: kb(sum(afterFirstPaint)) };
});

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else for (const r of rows) console.log(`${r.surface.padEnd(10)} JS ${r.jsGzipKB} KB gz (+ CSS ${r.cssGzipKB} KB gz) before first paint; ${r.lazyJsGzipKB} KB gz JS loaded later`);
