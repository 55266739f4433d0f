#!/usr/bin/env node
/**
 * What each surface loads, gzipped, from the production build (`static/build`: its index.html and
 * Vite manifest). Run after `npm run build`: `node scripts/bundle-size.cjs [--json] [--files]`.
 *
 * "Before first paint" is everything a surface downloads before it can show its own content:
 * - what index.html loads: the entry script, its stylesheet and every `modulepreload` link;
 * - the entry's static imports, transitively (the same files, as the manifest sees them);
 * - the surface's view chunk (`context.moduleKey` picks it) with its static imports, CSS included
 *   (the issue context loads the panel's view, so the panel row is the context's too).
 * "Loaded later" is what the view's own chunks import lazily (the dashboard's charts, shown after the
 * numbers). What the entry imports only on demand (Forge's ADF renderer, a dismissible message's
 * button) is neither: no surface loads it as built. The design-token themes are not the app's: Jira
 * puts its own on the page when main.tsx calls `view.theme.enable()`.
 * test/e2e/bundle.e2e.ts checks these numbers against what Chromium actually downloads.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const build = join(__dirname, '..', 'static', 'build');
const manifest = JSON.parse(readFileSync(join(build, '.vite', 'manifest.json'), 'utf8'));
const html = readFileSync(join(build, 'index.html'), 'utf8');
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
const keyOfFile = (file) => Object.keys(manifest).find((k) => manifest[k].file === file);
const union = (...sets) => new Set(sets.flatMap((s) => [...s]));

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error('No entry in static/build/.vite/manifest.json: run `npm run build` first.');

/** What index.html itself references: the entry script, stylesheets and modulepreload links. */
const htmlFiles = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]).filter((f) => /\.(js|css)$/.test(f));

const boot = union(new Set(htmlFiles), ...htmlFiles.map(keyOfFile).filter(Boolean).map((k) => closure(k)), closure(entry));

const view = (name) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(`views/${name}/${name}-view.tsx`));
  if (!key) throw new Error(`No ${name} view chunk in the manifest.`);
  return key;
};
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

/**
 * Views with a second mode in a chunk of its own (the gadget's edit mode, which Jira opens in its own
 * frame): that chunk is not "loaded later" by the view's first mode, and gets a row of its own.
 */
const MODES = { gadget: [{ surface: 'gadget-edit', chunk: 'views/gadget/gadget-edit.tsx' }] };
const chunkKey = (path) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(path));
  if (!key) throw new Error(`No ${path} chunk in the manifest.`);
  return key;
};

function row(surface, files, viewRoots, excluded = new Set()) {
  // Lazy imports of the view's own chunks (not the entry's on-demand ones), with what they import.
  const viewChunks = [...union(...viewRoots.map((k) => closure(k)))].filter((f) => !boot.has(f)).map(keyOfFile).filter(Boolean);
  const later = union(...viewChunks.flatMap((k) => (manifest[k].dynamicImports ?? []).filter((d) => !excluded.has(d)).map((d) => closure(d))));
  const afterFirstPaint = [...later].filter((f) => !files.has(f) && f.endsWith('.js'));
  return {
    surface,
    jsGzipKB: kb(sum([...files].filter((f) => f.endsWith('.js')))),
    cssGzipKB: kb(sum([...files].filter((f) => f.endsWith('.css')))),
    lazyJsGzipKB: kb(sum(afterFirstPaint)),
    files: [...files].sort(),
    lazyFiles: afterFirstPaint.sort(),
  };
}

const rows = ['panel', 'dashboard', 'settings', 'gadget'].flatMap((name) => {
  const modes = (MODES[name] ?? []).map((m) => ({ ...m, key: chunkKey(m.chunk) }));
  const excluded = new Set(modes.map((m) => m.key));
  return [
    row(name, union(boot, closure(view(name))), [view(name)], excluded),
    ...modes.map((m) => row(m.surface, union(boot, closure(view(name)), closure(m.key)), [view(name), m.key], excluded)),
  ];
});

// `--files` adds the file lists (to the JSON, or as lines under each surface).
const withFiles = process.argv.includes('--files');
if (process.argv.includes('--json')) console.log(JSON.stringify(rows.map(({ files, lazyFiles, ...row }) => (withFiles ? { ...row, files, lazyFiles } : row)), null, 2));
else
  for (const r of rows) {
    console.log(`${r.surface.padEnd(10)} JS ${r.jsGzipKB} KB gz (+ CSS ${r.cssGzipKB} KB gz) before first paint; ${r.lazyJsGzipKB} KB gz JS loaded later`);
    if (withFiles) for (const f of [...r.files, ...r.lazyFiles.map((l) => `${l} (later)`)]) console.log(`           ${f}`);
  }
