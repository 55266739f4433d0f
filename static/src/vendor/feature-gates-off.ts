/**
 * What Atlaskit's feature gates answer inside a Forge Custom UI iframe, without the client that asks.
 *
 * Every Atlaskit component calls `fg('…')` (`@atlaskit/platform-feature-flags`), which falls back to
 * `FeatureGates.checkGate` from `@atlaskit/feature-gate-js-client` — Atlassian's Statsig client,
 * 28 KB of the entry, gzipped, with `@statsig/*`. Nothing ever initialises that client in an app's iframe
 * (Jira's own gates live in the host page, another origin), so it answers `false` to every gate
 * (after a console warning) and the default to every experiment. The Vite config aliases the client
 * to this module, which gives the same answers without shipping it: every surface renders exactly
 * as before, and the shared entry is that much smaller (docs/performance.md, "Bundles").
 */
const FeatureGates = {
  checkGate: (_gateName: string, _options?: unknown): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T, _options?: unknown): T => defaultValue,
  isGateExists: (_gateName: string): boolean => false,
  isExperimentExists: (_experimentName: string): boolean => false,
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
};

export default FeatureGates;
